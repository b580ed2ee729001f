-- Reduction programs (Resolution 66/NQ-CP), their yearly targets per indicator, and the hourly tariffs
-- (average hourly income per jurisdiction and year) used to price the applicant's own time in the
-- compliance cost. Dates are ISO text (YYYY-MM-DD); timestamps are UTC ISO text.

CREATE TABLE reduction_programs (
    code          TEXT    NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL,
    baseline_date TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE program_targets (
    program_code TEXT    NOT NULL REFERENCES reduction_programs (code),
    indicator    TEXT    NOT NULL CHECK (indicator IN ('time-reduction', 'cost-reduction', 'business-online', 'boundary-free', 'internal-reviewed', 'documents-provided-once', 'full-online-of-eligible', 'internal-electronic')),
    year         INTEGER NOT NULL,
    target_pct   NUMERIC NOT NULL CHECK (target_pct >= 0 AND target_pct <= 100),
    judged_on    TEXT    NOT NULL,
    scope        TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT pk_program_targets PRIMARY KEY (program_code, indicator, year)
);

CREATE TABLE hourly_tariffs (
    jurisdiction_code TEXT    NOT NULL REFERENCES jurisdictions (code),
    year              INTEGER NOT NULL,
    hourly_tariff_vnd INTEGER NOT NULL CHECK (hourly_tariff_vnd > 0),
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT pk_hourly_tariffs PRIMARY KEY (jurisdiction_code, year)
);

INSERT INTO reduction_programs (code, name, baseline_date, created_at, updated_at, version) VALUES
    ('resolution-66', 'Nghị quyết 66/NQ-CP', '2024-12-31', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1);

INSERT INTO program_targets (program_code, indicator, year, target_pct, judged_on, scope, created_at, updated_at, version) VALUES
    ('resolution-66', 'time-reduction',          2025,  30, '2025-12-31', 'Processing time of active or abolished external, business-related procedures, versus the baseline date', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    ('resolution-66', 'cost-reduction',          2025,  30, '2025-12-31', 'Compliance cost per filing of active or abolished external, business-related procedures, versus the baseline date', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    ('resolution-66', 'business-online',         2025, 100, '2025-12-31', 'Active external, business-related procedures offered online (partial or full)', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    ('resolution-66', 'boundary-free',           2025, 100, '2025-12-31', 'Active external procedures done independently of administrative boundaries within the province', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    ('resolution-66', 'internal-reviewed',       2025, 100, '2025-12-31', 'Active internal procedures (both kinds) reviewed, cut and simplified within the year', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    ('resolution-66', 'time-reduction',          2026,  50, '2026-12-31', 'Processing time of active or abolished external, business-related procedures, versus the baseline date', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    ('resolution-66', 'cost-reduction',          2026,  50, '2026-12-31', 'Compliance cost per filing of active or abolished external, business-related procedures, versus the baseline date', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    ('resolution-66', 'documents-provided-once', 2026, 100, '2026-12-31', 'Documents of active external, business-related procedures provided only once', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    ('resolution-66', 'full-online-of-eligible', 2026, 100, '2026-12-31', 'Active procedures eligible for full online service that are fully online', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1),
    ('resolution-66', 'internal-electronic',     2026, 100, '2026-12-31', 'Active internal procedures (both kinds) handled fully electronically', '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1);
