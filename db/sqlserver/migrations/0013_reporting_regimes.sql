-- Business reporting regimes (chế độ báo cáo của doanh nghiệp), the denominator of the 2026 indicator
-- business-reporting-electronic (domain brief, section 6): name, legal basis, the agency the reports go to,
-- frequency, status, and whether the reports are made electronically, an effective-dated history like time and
-- cost (the value in force on D is the entry with the latest effective_from <= D, ties to the one recorded last).
-- Identities never go back, so ids are never handed out twice.
CREATE TABLE reporting_regimes (
    id                INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_reporting_regimes PRIMARY KEY,
    jurisdiction_code NVARCHAR(10)   NOT NULL CONSTRAINT fk_reporting_regimes_jurisdiction REFERENCES jurisdictions (code),
    name              NVARCHAR(500)  NOT NULL,
    legal_basis       NVARCHAR(1000) NOT NULL,
    agency_id         INT            NOT NULL CONSTRAINT fk_reporting_regimes_agency REFERENCES agencies (id),
    frequency         NVARCHAR(20)   NOT NULL CONSTRAINT ck_reporting_regimes_frequency CHECK (frequency IN (N'monthly', N'quarterly', N'half-yearly', N'yearly', N'ad-hoc')),
    status            NVARCHAR(20)   NOT NULL CONSTRAINT ck_reporting_regimes_status CHECK (status IN (N'active', N'abolished')),
    abolished_on      DATE           NULL,
    created_at        DATETIME2(7)   NOT NULL,
    updated_at        DATETIME2(7)   NOT NULL,
    version           INT            NOT NULL CONSTRAINT df_reporting_regimes_version DEFAULT 1,
    CONSTRAINT uq_reporting_regimes_jurisdiction_name UNIQUE (jurisdiction_code, name),
    CONSTRAINT ck_reporting_regimes_abolished_on CHECK ((status = N'abolished' AND abolished_on IS NOT NULL) OR (status = N'active' AND abolished_on IS NULL))
);

CREATE INDEX ix_reporting_regimes_agency ON reporting_regimes (agency_id);

-- Whether the regime's reports are made electronically, from a date, published by a decision; recorded_by is
-- the name of the key that recorded it.
CREATE TABLE reporting_regime_electronic (
    id             INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_reporting_regime_electronic PRIMARY KEY,
    regime_id      INT           NOT NULL CONSTRAINT fk_reporting_regime_electronic_regime REFERENCES reporting_regimes (id),
    effective_from DATE          NOT NULL,
    electronic     BIT           NOT NULL,
    decision_ref   NVARCHAR(100) NOT NULL,
    recorded_at    DATETIME2(7)  NOT NULL,
    recorded_by    NVARCHAR(200) NOT NULL
);

CREATE INDEX ix_reporting_regime_electronic_regime ON reporting_regime_electronic (regime_id, effective_from);

-- The windows of dates of each regime's electronic history, as migration 0010 keeps them for time and cost:
-- valid_from inclusive, valid_to exclusive (NULL: open), every regime with exactly one window holding any date
-- (from 0001-01-01 with no entry until the first one, or open when it has none). Derived, never written by the
-- service: triggers re-derive a regime's windows in the transaction of every change (views/0350).
CREATE TABLE reporting_regime_windows (
    regime_id  INT  NOT NULL CONSTRAINT fk_reporting_regime_windows_regime REFERENCES reporting_regimes (id) ON DELETE CASCADE,
    valid_from DATE NOT NULL,
    valid_to   DATE NULL,
    entry_id   INT  NULL,
    electronic INT  NULL,
    CONSTRAINT pk_reporting_regime_windows PRIMARY KEY (regime_id, valid_from)
);

-- The indicator's 2026 target in the resolution-66 program; the list of indicators now holds
-- business-reporting-electronic and technical-regulation-reviewed, the two 2026 indicators of section 6.
ALTER TABLE program_targets DROP CONSTRAINT ck_program_targets_indicator;

ALTER TABLE program_targets ADD CONSTRAINT ck_program_targets_indicator CHECK (indicator IN (N'time-reduction', N'cost-reduction', N'business-online', N'boundary-free', N'internal-reviewed', N'documents-provided-once', N'full-online-of-eligible', N'internal-electronic', N'technical-regulation-reviewed', N'business-reporting-electronic'));

INSERT INTO program_targets (program_code, indicator, year, target_pct, judged_on, scope, created_at, updated_at, version)
SELECT N'resolution-66', N'business-reporting-electronic', 2026, 100, '2026-12-31', N'Active business reporting regimes of the jurisdiction done electronically', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1
WHERE EXISTS (SELECT 1 FROM reduction_programs WHERE code = N'resolution-66')
  AND NOT EXISTS (SELECT 1 FROM program_targets WHERE program_code = N'resolution-66' AND indicator = N'business-reporting-electronic' AND year = 2026);
