-- Each procedure's history entries that the reports need, kept beside the history instead of found per
-- request: per (program, procedure), the time and cost entries in force on the program's baseline date and
-- the latest entries (the ones in force on every date from their effective_from on). A report then reads one
-- row per procedure and looks an entry up in the history only when it asks about a date before the latest
-- one (measured on SQLite at 61,000 procedures: tests/ProcedureCatalog.Benchmarks/README.md).
--
-- The rows are derived, never written by the service: triggers on the histories and on reduction_programs
-- re-derive a procedure's rows from the view procedure_figures_computed in the transaction of every change,
-- and every deploy adds the rows of procedures that have none (views/0500_procedure_figures.sql). Abolition
-- and tariffs are applied when a report reads them, so those changes need no trigger.
CREATE TABLE procedure_figures (
    program_code                   NVARCHAR(40) NOT NULL CONSTRAINT fk_procedure_figures_program REFERENCES reduction_programs (code) ON DELETE CASCADE,
    procedure_id                   INT          NOT NULL CONSTRAINT fk_procedure_figures_procedure REFERENCES procedures (id) ON DELETE CASCADE,
    time_baseline_units            BIGINT       NULL,
    time_latest_from               DATE         NULL,
    time_latest_units              BIGINT       NULL,
    cost_baseline_money_centi      BIGINT       NULL,
    cost_baseline_hours_hundredths BIGINT       NULL,
    cost_baseline_annual_filings   BIGINT       NULL,
    cost_latest_from               DATE         NULL,
    cost_latest_money_centi        BIGINT       NULL,
    cost_latest_hours_hundredths   BIGINT       NULL,
    cost_latest_annual_filings     BIGINT       NULL,
    CONSTRAINT pk_procedure_figures PRIMARY KEY (program_code, procedure_id)
);

CREATE INDEX ix_procedure_figures_procedure ON procedure_figures (procedure_id);
GO
