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
DROP TRIGGER IF EXISTS time_history_figures_insert;
DROP TRIGGER IF EXISTS time_history_figures_update;
DROP TRIGGER IF EXISTS time_history_figures_delete;
DROP TRIGGER IF EXISTS cost_history_figures_insert;
DROP TRIGGER IF EXISTS cost_history_figures_update;
DROP TRIGGER IF EXISTS cost_history_figures_delete;
DROP TRIGGER IF EXISTS reduction_programs_figures_insert;
DROP TRIGGER IF EXISTS reduction_programs_figures_update;
DROP VIEW IF EXISTS procedure_figures_refresh;
DROP VIEW IF EXISTS procedure_figures_computed;
DROP VIEW IF EXISTS procedures_with_history;
DROP VIEW IF EXISTS history_windows_refresh;
DROP VIEW IF EXISTS time_windows_computed;
DROP VIEW IF EXISTS cost_windows_computed;
DROP TABLE procedure_figures;
DROP TABLE time_windows;
DROP TABLE cost_windows;

CREATE TABLE procedure_windows (
    procedure_id            INTEGER NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
    valid_from              TEXT    NOT NULL,
    valid_to                TEXT    NULL,
    jurisdiction_code       TEXT    NOT NULL,
    level                   TEXT    NOT NULL,
    field_id                INTEGER NOT NULL,
    agency_id               INTEGER NOT NULL,
    status                  TEXT    NOT NULL,
    kind                    TEXT    NULL,
    business_related        INTEGER NULL,
    online_level            TEXT    NULL,
    full_online_eligible    INTEGER NULL,
    boundary_free           INTEGER NULL,
    technical_regulation    INTEGER NULL,
    is_abolished            INTEGER NOT NULL,
    last_reviewed_on        TEXT    NULL,
    time_entry_id           INTEGER NULL,
    time_units              INTEGER NULL,
    cost_entry_id           INTEGER NULL,
    money_centi             INTEGER NULL,
    hours_hundredths        INTEGER NULL,
    annual_filings          INTEGER NULL,
    documents               INTEGER NOT NULL,
    documents_provided_once INTEGER NOT NULL,
    CONSTRAINT pk_procedure_windows PRIMARY KEY (procedure_id, valid_from)
) WITHOUT ROWID;

CREATE TABLE procedure_baselines (
    procedure_id        INTEGER NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
    program_code        TEXT    NOT NULL REFERENCES reduction_programs (code) ON DELETE CASCADE,
    hourly_tariff_vnd   INTEGER NULL,
    time_units          INTEGER NULL,
    cost_centi          INTEGER NULL,
    annual_filings      INTEGER NULL,
    CONSTRAINT pk_procedure_baselines PRIMARY KEY (procedure_id, program_code)
) WITHOUT ROWID;

-- Each document's provided-once mark in force, per window of dates, for the readers of one procedure's documents on a
-- date (procedure detail, export): from the document's first entry on (before it the document does not count yet).
CREATE TABLE document_windows (
    document_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    valid_from    TEXT    NOT NULL,
    valid_to      TEXT    NULL,
    procedure_id  INTEGER NOT NULL,
    entry_id      INTEGER NOT NULL,
    provided_once INTEGER NOT NULL,
    CONSTRAINT pk_document_windows PRIMARY KEY (document_id, valid_from)
) WITHOUT ROWID;

CREATE INDEX ix_document_windows_procedure ON document_windows (procedure_id);

-- Where a refresh puts the entry windows (views/0100: entry_windows_computed) of the procedures it re-derives, while it
-- derives their elementary windows from them; empty outside a refresh. SQLite has one writer at a time.
CREATE TABLE procedure_windows_work (
    procedure_id     INTEGER NOT NULL,
    series           TEXT    NOT NULL,
    item_id          INTEGER NOT NULL,
    valid_from       TEXT    NOT NULL,
    valid_to         TEXT    NULL,
    entry_id         INTEGER NOT NULL,
    units            INTEGER NULL,
    money_centi      INTEGER NULL,
    hours_hundredths INTEGER NULL,
    annual_filings   INTEGER NULL,
    value            TEXT    NULL,
    CONSTRAINT pk_procedure_windows_work PRIMARY KEY (procedure_id, series, item_id, valid_from)
) WITHOUT ROWID;

-- A write that touches one procedure's histories many times (a new procedure with its attributes, documents and history;
-- an import's record) puts the procedure's id here for the length of that write, so that the refreshes of its rows
-- wait (they would re-derive it once per row written), and derives it once at the end, in the same transaction. A bulk
-- load (the catalogue generator) puts 0: every refresh waits, and the deploy's step for what is missing derives every
-- procedure once (views/0150). Empty outside such a write.
CREATE TABLE derivation_paused (
    procedure_id INTEGER NOT NULL PRIMARY KEY
);
