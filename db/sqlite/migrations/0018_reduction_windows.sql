-- The reductions of every (program, procedure, window of dates) kept as rows (issue 17, item 3: ten times national
-- size), so that a report reads one table in the order it groups and filters by, instead of joining every procedure's
-- windows to its baselines and computing B, C and the reductions again for every row it reads; the shares
-- (views/0300_coverage.sql) read them too. The rows are what the
-- view procedure_reductions_computed (views/0200_reductions.sql) gives, derived in the same transaction as the windows
-- and baselines they come from (views/0100: the refreshes), never written by the service; procedure_reductions reads
-- them. Rows come in the order (program, jurisdiction, agency, procedure, window): a jurisdiction's report reads one
-- range, and the rows of an agency are together. Every deploy derives the rows that are missing (views/0990), all of
-- them the first time after this migration.
CREATE TABLE reduction_windows (
    program_code              TEXT    NOT NULL REFERENCES reduction_programs (code) ON DELETE CASCADE,
    jurisdiction_code         TEXT    NOT NULL,
    agency_id                 INTEGER NOT NULL,
    procedure_id              INTEGER NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
    valid_from                TEXT    NOT NULL,
    valid_to                  TEXT    NULL,
    level                     TEXT    NOT NULL,
    field_id                  INTEGER NOT NULL,
    status                    TEXT    NOT NULL,
    kind                      TEXT    NULL,
    business_related          INTEGER NULL,
    online_level              TEXT    NULL,
    full_online_eligible      INTEGER NULL,
    boundary_free             INTEGER NULL,
    technical_regulation      INTEGER NULL,
    is_abolished              INTEGER NOT NULL,
    last_reviewed_on          TEXT    NULL,
    documents                 INTEGER NOT NULL,
    documents_provided_once   INTEGER NOT NULL,
    time_baseline             INTEGER NULL,
    time_current              INTEGER NULL,
    time_reduction_hundredths INTEGER NULL,
    hourly_tariff_vnd         INTEGER NULL,
    cost_baseline             INTEGER NULL,
    cost_current              INTEGER NULL,
    cost_reduction_hundredths INTEGER NULL,
    baseline_annual_filings   INTEGER NULL,
    current_annual_filings    INTEGER NULL,
    baseline_yearly_centi     INTEGER NULL,
    current_yearly_centi      INTEGER NULL,
    CONSTRAINT pk_reduction_windows PRIMARY KEY (program_code, jurisdiction_code, agency_id, procedure_id, valid_from)
) WITHOUT ROWID;

-- One procedure's rows (its reduction, its re-derivation).
CREATE INDEX ix_reduction_windows_procedure ON reduction_windows (procedure_id, valid_from);
