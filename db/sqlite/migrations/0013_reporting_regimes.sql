-- Business reporting regimes (chế độ báo cáo của doanh nghiệp), the denominator of the 2026 indicator
-- business-reporting-electronic (domain brief, section 6): name, legal basis, the agency the reports go to,
-- frequency, status, and whether the reports are made electronically, an effective-dated history like time and
-- cost (the value in force on D is the entry with the latest effective_from <= D, ties to the one recorded last).
-- Ids are never handed out twice (AUTOINCREMENT, as migration 0008 made every other exposed id).
CREATE TABLE reporting_regimes (
    id                INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    jurisdiction_code TEXT    NOT NULL REFERENCES jurisdictions (code),
    name              TEXT    NOT NULL,
    legal_basis       TEXT    NOT NULL,
    agency_id         INTEGER NOT NULL REFERENCES agencies (id),
    frequency         TEXT    NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'half-yearly', 'yearly', 'ad-hoc')),
    status            TEXT    NOT NULL CHECK (status IN ('active', 'abolished')),
    abolished_on      TEXT    NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT uq_reporting_regimes_jurisdiction_name UNIQUE (jurisdiction_code, name),
    CONSTRAINT ck_reporting_regimes_abolished_on CHECK ((status = 'abolished' AND abolished_on IS NOT NULL) OR (status = 'active' AND abolished_on IS NULL))
);

CREATE INDEX ix_reporting_regimes_agency ON reporting_regimes (agency_id);

-- Whether the regime's reports are made electronically, from a date, published by a decision; recorded_by is
-- the name of the key that recorded it.
CREATE TABLE reporting_regime_electronic (
    id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    regime_id      INTEGER NOT NULL REFERENCES reporting_regimes (id),
    effective_from TEXT    NOT NULL,
    electronic     INTEGER NOT NULL CHECK (electronic IN (0, 1)),
    decision_ref   TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    recorded_by    TEXT    NOT NULL
);

CREATE INDEX ix_reporting_regime_electronic_regime ON reporting_regime_electronic (regime_id, effective_from);

-- The windows of dates of each regime's electronic history, as migration 0010 keeps them for time and cost:
-- valid_from inclusive, valid_to exclusive (NULL: open), every regime with exactly one window holding any date
-- (from 0001-01-01 with no entry until the first one, or open when it has none). Derived, never written by the
-- service: triggers re-derive a regime's windows in the transaction of every change (views/0350).
CREATE TABLE reporting_regime_windows (
    regime_id  INTEGER NOT NULL REFERENCES reporting_regimes (id) ON DELETE CASCADE,
    valid_from TEXT    NOT NULL,
    valid_to   TEXT    NULL,
    entry_id   INTEGER NULL,
    electronic INTEGER NULL,
    CONSTRAINT pk_reporting_regime_windows PRIMARY KEY (regime_id, valid_from)
) WITHOUT ROWID;

-- The indicator's 2026 target in the resolution-66 program. A CHECK cannot be changed in place in SQLite: the
-- targets are rebuilt with the same columns, the list of indicators now holding business-reporting-electronic and
-- technical-regulation-reviewed, the two 2026 indicators of section 6. Views are re-created after the migrations
-- on every deploy (legacy_alter_table keeps RENAME from re-checking those that name the table meanwhile).
PRAGMA legacy_alter_table = ON;

CREATE TABLE program_targets_rebuilt (
    program_code TEXT    NOT NULL REFERENCES reduction_programs (code),
    indicator    TEXT    NOT NULL CHECK (indicator IN ('time-reduction', 'cost-reduction', 'business-online', 'boundary-free', 'internal-reviewed', 'documents-provided-once', 'full-online-of-eligible', 'internal-electronic', 'technical-regulation-reviewed', 'business-reporting-electronic')),
    year         INTEGER NOT NULL,
    target_pct   NUMERIC NOT NULL CHECK (target_pct >= 0 AND target_pct <= 100),
    judged_on    TEXT    NOT NULL,
    scope        TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT pk_program_targets PRIMARY KEY (program_code, indicator, year)
);
INSERT INTO program_targets_rebuilt (program_code, indicator, year, target_pct, judged_on, scope, created_at, updated_at, version)
SELECT program_code, indicator, year, target_pct, judged_on, scope, created_at, updated_at, version FROM program_targets;
DROP TABLE program_targets;
ALTER TABLE program_targets_rebuilt RENAME TO program_targets;

INSERT INTO program_targets (program_code, indicator, year, target_pct, judged_on, scope, created_at, updated_at, version)
SELECT 'resolution-66', 'business-reporting-electronic', 2026, 100, '2026-12-31', 'Active business reporting regimes of the jurisdiction done electronically', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1
WHERE EXISTS (SELECT 1 FROM reduction_programs WHERE code = 'resolution-66')
  AND NOT EXISTS (SELECT 1 FROM program_targets WHERE program_code = 'resolution-66' AND indicator = 'business-reporting-electronic' AND year = 2026);
