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
    program_code              NVARCHAR(40) NOT NULL CONSTRAINT fk_reduction_windows_program REFERENCES reduction_programs (code) ON DELETE CASCADE,
    jurisdiction_code         NVARCHAR(10) NOT NULL,
    agency_id                 INT          NOT NULL,
    procedure_id              INT          NOT NULL CONSTRAINT fk_reduction_windows_procedure REFERENCES procedures (id) ON DELETE CASCADE,
    valid_from                DATE         NOT NULL,
    valid_to                  DATE         NULL,
    level                     NVARCHAR(20) NOT NULL,
    field_id                  INT          NOT NULL,
    status                    NVARCHAR(20) NOT NULL,
    kind                      NVARCHAR(40) NULL,
    business_related          BIT          NULL,
    online_level              NVARCHAR(20) NULL,
    full_online_eligible      BIT          NULL,
    boundary_free             BIT          NULL,
    technical_regulation      BIT          NULL,
    is_abolished              INT          NOT NULL,
    last_reviewed_on          DATE         NULL,
    documents                 INT          NOT NULL,
    documents_provided_once   INT          NOT NULL,
    time_baseline             BIGINT       NULL,
    time_current              BIGINT       NULL,
    time_reduction_hundredths BIGINT       NULL,
    hourly_tariff_vnd         BIGINT       NULL,
    cost_baseline             BIGINT       NULL,
    cost_current              BIGINT       NULL,
    cost_reduction_hundredths BIGINT       NULL,
    baseline_annual_filings   BIGINT       NULL,
    current_annual_filings    BIGINT       NULL,
    baseline_yearly_centi     BIGINT       NULL,
    current_yearly_centi      BIGINT       NULL,
    CONSTRAINT pk_reduction_windows PRIMARY KEY (program_code, jurisdiction_code, agency_id, procedure_id, valid_from)
);

-- One procedure's rows (its reduction, its re-derivation).
CREATE INDEX ix_reduction_windows_procedure ON reduction_windows (procedure_id, valid_from);
GO
