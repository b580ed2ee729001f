-- Reduction programs (Resolution 66/NQ-CP), their yearly targets per indicator, and the hourly tariffs
-- (average hourly income per jurisdiction and year) used to price the applicant's own time in the
-- compliance cost. Text is NVARCHAR for Vietnamese.

CREATE TABLE reduction_programs (
    code          NVARCHAR(40)  NOT NULL CONSTRAINT pk_reduction_programs PRIMARY KEY,
    name          NVARCHAR(200) NOT NULL,
    baseline_date DATE          NOT NULL,
    created_at    DATETIME2(7)  NOT NULL,
    updated_at    DATETIME2(7)  NOT NULL,
    version       INT           NOT NULL CONSTRAINT df_reduction_programs_version DEFAULT 1
);

CREATE TABLE program_targets (
    program_code NVARCHAR(40)  NOT NULL CONSTRAINT fk_program_targets_program REFERENCES reduction_programs (code),
    indicator    NVARCHAR(40)  NOT NULL CONSTRAINT ck_program_targets_indicator CHECK (indicator IN (N'time-reduction', N'cost-reduction', N'business-online', N'boundary-free', N'internal-reviewed', N'documents-provided-once', N'full-online-of-eligible', N'internal-electronic')),
    year         INT           NOT NULL,
    target_pct   DECIMAL(5, 2) NOT NULL CONSTRAINT ck_program_targets_target_pct CHECK (target_pct >= 0 AND target_pct <= 100),
    judged_on    DATE          NOT NULL,
    scope        NVARCHAR(500) NOT NULL,
    created_at   DATETIME2(7)  NOT NULL,
    updated_at   DATETIME2(7)  NOT NULL,
    version      INT           NOT NULL CONSTRAINT df_program_targets_version DEFAULT 1,
    CONSTRAINT pk_program_targets PRIMARY KEY (program_code, indicator, year)
);

CREATE TABLE hourly_tariffs (
    jurisdiction_code NVARCHAR(10) NOT NULL CONSTRAINT fk_hourly_tariffs_jurisdiction REFERENCES jurisdictions (code),
    year              INT          NOT NULL,
    hourly_tariff_vnd BIGINT       NOT NULL CONSTRAINT ck_hourly_tariffs_tariff CHECK (hourly_tariff_vnd > 0),
    created_at        DATETIME2(7) NOT NULL,
    updated_at        DATETIME2(7) NOT NULL,
    version           INT          NOT NULL CONSTRAINT df_hourly_tariffs_version DEFAULT 1,
    CONSTRAINT pk_hourly_tariffs PRIMARY KEY (jurisdiction_code, year)
);

INSERT INTO reduction_programs (code, name, baseline_date, created_at, updated_at, version) VALUES
    (N'resolution-66', N'Nghị quyết 66/NQ-CP', '2024-12-31', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1);

INSERT INTO program_targets (program_code, indicator, year, target_pct, judged_on, scope, created_at, updated_at, version) VALUES
    (N'resolution-66', N'time-reduction',          2025,  30, '2025-12-31', N'Processing time of active or abolished external, business-related procedures, versus the baseline date', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    (N'resolution-66', N'cost-reduction',          2025,  30, '2025-12-31', N'Compliance cost per filing of active or abolished external, business-related procedures, versus the baseline date', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    (N'resolution-66', N'business-online',         2025, 100, '2025-12-31', N'Active external, business-related procedures offered online (partial or full)', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    (N'resolution-66', N'boundary-free',           2025, 100, '2025-12-31', N'Active external procedures done independently of administrative boundaries within the province', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    (N'resolution-66', N'internal-reviewed',       2025, 100, '2025-12-31', N'Active internal procedures (both kinds) reviewed, cut and simplified within the year', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    (N'resolution-66', N'time-reduction',          2026,  50, '2026-12-31', N'Processing time of active or abolished external, business-related procedures, versus the baseline date', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    (N'resolution-66', N'cost-reduction',          2026,  50, '2026-12-31', N'Compliance cost per filing of active or abolished external, business-related procedures, versus the baseline date', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    (N'resolution-66', N'documents-provided-once', 2026, 100, '2026-12-31', N'Documents of active external, business-related procedures provided only once', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    (N'resolution-66', N'full-online-of-eligible', 2026, 100, '2026-12-31', N'Active procedures eligible for full online service that are fully online', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    (N'resolution-66', N'internal-electronic',     2026, 100, '2026-12-31', N'Active internal procedures (both kinds) handled fully electronically', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1);
