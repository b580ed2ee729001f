-- The one definition of "the entry in force on D" (domain brief, section 3), kept by the database: per
-- procedure and measure, the windows of dates in which each history entry is in force, valid_from inclusive,
-- valid_to exclusive (NULL: open), with the entry's value in the views' exact integer units. For any date D a
-- procedure with history has exactly one window with valid_from <= D AND (valid_to IS NULL OR valid_to > D):
-- the first window, from 0001-01-01 to the first entry, holds no entry (nothing in force yet); an entry
-- superseded on its own day by one recorded later has no window. Read through the views time_in_force and
-- cost_in_force (views/0100_history_windows.sql), with one seek on (procedure_id, valid_from).
--
-- The rows are derived, never written by the service: triggers on the histories re-derive a procedure's
-- windows in the transaction of every change, and every deploy derives the windows of procedures that have
-- none (views/0100_history_windows.sql, views/0500_procedure_figures.sql).
CREATE TABLE time_windows (
    procedure_id INT    NOT NULL CONSTRAINT fk_time_windows_procedure REFERENCES procedures (id) ON DELETE CASCADE,
    valid_from   DATE   NOT NULL,
    valid_to     DATE   NULL,
    entry_id     INT    NULL,
    units        BIGINT NULL,
    CONSTRAINT pk_time_windows PRIMARY KEY (procedure_id, valid_from)
);

-- A cost entry's money part (fee and other costs) in hundredths of a đồng and the applicant's hours in
-- hundredths; the hours are priced by the program's tariff where the reductions read them (views/0200).
CREATE TABLE cost_windows (
    procedure_id     INT    NOT NULL CONSTRAINT fk_cost_windows_procedure REFERENCES procedures (id) ON DELETE CASCADE,
    valid_from       DATE   NOT NULL,
    valid_to         DATE   NULL,
    entry_id         INT    NULL,
    money_centi      BIGINT NULL,
    hours_hundredths BIGINT NULL,
    annual_filings   BIGINT NULL,
    CONSTRAINT pk_cost_windows PRIMARY KEY (procedure_id, valid_from)
);
GO
