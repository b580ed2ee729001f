-- Everything a report reads of a procedure on a date, kept once per elementary window (issue 13, item 3; issue 14).
-- A procedure's dates of change (every history entry's effective_from, its abolition, its reviews) cut the date line
-- into windows, valid_from inclusive, valid_to exclusive (NULL: open), from 0001-01-01 on: within one window the time
-- and cost entries in force, every dated attribute, the documents and their provided-once marks, the abolition and
-- the latest review are all constant. For any date D every procedure has exactly one window with
-- valid_from <= D AND (valid_to IS NULL OR valid_to > D), so a report on D reads one row per procedure, with no join
-- to the histories. Attributes with nothing in force yet are NULL. The procedure's own columns the reports filter and
-- group by (jurisdiction, level, field, agency, status) are carried under their names in procedures.
--
-- procedure_baselines holds, per procedure and reduction program, what is in force on the program's baseline date
-- (time in 1/5600 working day, cost in hundredths of a đồng priced with the jurisdiction's tariff of the baseline
-- year, filings a year), NULL where nothing was in force then or the procedure was abolished on or before it, and
-- that tariff, which prices the current cost the same way.
--
-- The rows are derived, never written by the service: triggers re-derive a procedure's rows in the transaction of
-- every change of its histories, documents, reviews, abolition or grouping columns, and the baselines on a change of
-- a program or a tariff; every deploy derives the rows of procedures that have none (views/0100_history_windows.sql).
-- They replace the windows of migration 0010 and procedure_figures (migration 0007), which nothing reads any more.
DROP TRIGGER IF EXISTS tr_time_history_figures;
DROP TRIGGER IF EXISTS tr_cost_history_figures;
DROP TRIGGER IF EXISTS tr_reduction_programs_figures;
GO

DROP VIEW IF EXISTS procedure_figures_refresh;
DROP VIEW IF EXISTS procedure_figures_computed;
DROP VIEW IF EXISTS procedures_with_history;
DROP VIEW IF EXISTS history_windows_refresh;
DROP VIEW IF EXISTS time_windows_computed;
DROP VIEW IF EXISTS cost_windows_computed;
GO

DROP TABLE procedure_figures;
DROP TABLE time_windows;
DROP TABLE cost_windows;
GO

CREATE TABLE procedure_windows (
    procedure_id            INT           NOT NULL CONSTRAINT fk_procedure_windows_procedure REFERENCES procedures (id) ON DELETE CASCADE,
    valid_from              DATE          NOT NULL,
    valid_to                DATE          NULL,
    jurisdiction_code       NVARCHAR(10)  NOT NULL,
    level                   NVARCHAR(20)  NOT NULL,
    field_id                INT           NOT NULL,
    agency_id               INT           NOT NULL,
    status                  NVARCHAR(20)  NOT NULL,
    kind                    NVARCHAR(40)  NULL,
    business_related        BIT           NULL,
    online_level            NVARCHAR(20)  NULL,
    full_online_eligible    BIT           NULL,
    boundary_free           BIT           NULL,
    technical_regulation    BIT           NULL,
    is_abolished            INT           NOT NULL,
    last_reviewed_on        DATE          NULL,
    time_entry_id           INT           NULL,
    time_units              BIGINT        NULL,
    cost_entry_id           INT           NULL,
    money_centi             BIGINT        NULL,
    hours_hundredths        BIGINT        NULL,
    annual_filings          BIGINT        NULL,
    documents               INT           NOT NULL,
    documents_provided_once INT           NOT NULL,
    CONSTRAINT pk_procedure_windows PRIMARY KEY (procedure_id, valid_from)
);

CREATE TABLE procedure_baselines (
    procedure_id        INT          NOT NULL CONSTRAINT fk_procedure_baselines_procedure REFERENCES procedures (id) ON DELETE CASCADE,
    program_code        NVARCHAR(40) NOT NULL CONSTRAINT fk_procedure_baselines_program REFERENCES reduction_programs (code) ON DELETE CASCADE,
    hourly_tariff_vnd   BIGINT       NULL,
    time_units          BIGINT       NULL,
    cost_centi          BIGINT       NULL,
    annual_filings      BIGINT       NULL,
    CONSTRAINT pk_procedure_baselines PRIMARY KEY (procedure_id, program_code)
);

-- Each document's provided-once mark in force, per window of dates, for the readers of one procedure's documents on a
-- date (procedure detail, export): from the document's first entry on (before it the document does not count yet).
CREATE TABLE document_windows (
    document_id   INT  NOT NULL CONSTRAINT fk_document_windows_document REFERENCES documents (id) ON DELETE CASCADE,
    valid_from    DATE NOT NULL,
    valid_to      DATE NULL,
    procedure_id  INT  NOT NULL,
    entry_id      INT  NOT NULL,
    provided_once BIT  NOT NULL,
    CONSTRAINT pk_document_windows PRIMARY KEY (document_id, valid_from)
);

CREATE INDEX ix_document_windows_procedure ON document_windows (procedure_id);

-- A write that touches one procedure's histories many times (a new procedure with its attributes, documents and history;
-- an import's record) puts the procedure's id here for the length of that write, so that the refreshes of its rows
-- wait (they would re-derive it once per statement written), and derives it once at the end, in the same transaction. A
-- bulk load (the catalogue generator) puts 0: every refresh waits, and the deploy's step for what is missing derives
-- every procedure once (views/0150). Empty outside such a write.
CREATE TABLE derivation_paused (
    procedure_id INT NOT NULL CONSTRAINT pk_derivation_paused PRIMARY KEY
);
GO
