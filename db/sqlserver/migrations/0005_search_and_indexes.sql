-- Indexes and search chosen from the query plans at national size (61,000 and 610,000 procedures; the plans
-- are in tests/ProcedureCatalog.Benchmarks/README.md).

-- The reports find each procedure's history entry in force on a date with one backward index seek: the
-- latest effective_from, ties to the last recorded (then the highest id). The old indexes are their prefixes.
DROP INDEX ix_time_history_procedure ON time_history;
CREATE INDEX ix_time_history_in_force ON time_history (procedure_id, effective_from, recorded_at, id);
DROP INDEX ix_cost_history_procedure ON cost_history;
CREATE INDEX ix_cost_history_in_force ON cost_history (procedure_id, effective_from, recorded_at, id);
GO

-- Search: a LIKE '%term%' over every row's search_text reads the whole catalogue. Full-text search is not
-- used: the SQL Server container image (and the test suite's) has no Full-Text Search component, its index
-- fills asynchronously (a procedure just created would not be found at once), its DDL cannot run inside
-- the transaction DbUp gives each migration, and its word-prefix matching would find less than LIKE
-- '%term%' does on SQLite. Instead every word of the folded search_text is indexed by its suffixes from the
-- third-last letter on (first 100 letters of each): a term found anywhere inside a word is the start of one
-- of them, so each term of three letters or more is an index range seek (suffix LIKE 'term%'), and LIKE on
-- search_text then decides exactly as before.
CREATE TABLE procedure_search_suffixes (
    suffix       NVARCHAR(100) NOT NULL,
    procedure_id INT           NOT NULL CONSTRAINT fk_procedure_search_suffixes_procedure REFERENCES procedures (id) ON DELETE CASCADE,
    CONSTRAINT pk_procedure_search_suffixes PRIMARY KEY (suffix, procedure_id)
);

CREATE INDEX ix_procedure_search_suffixes_procedure ON procedure_search_suffixes (procedure_id);
GO

CREATE TRIGGER tr_procedures_search_suffixes ON procedures AFTER INSERT, UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    IF NOT UPDATE(search_text)
        RETURN;

    DELETE s
    FROM procedure_search_suffixes s
    INNER JOIN deleted d ON d.id = s.procedure_id;

    INSERT INTO procedure_search_suffixes (suffix, procedure_id)
    SELECT DISTINCT LEFT(SUBSTRING(w.value, n.position, 1100), 100), i.id
    FROM inserted i
    CROSS APPLY STRING_SPLIT(i.search_text, N' ') w
    CROSS APPLY (
        -- Positions 1 to 1331 (11 cubed), more than a word of search_text (NVARCHAR(1100)) can have, from
        -- constants rather than a system view, so that the trigger compiles in a model without master.
        SELECT TOP (CASE WHEN LEN(w.value) > 2 THEN LEN(w.value) - 2 ELSE 0 END)
               ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) AS position
        FROM (VALUES (0), (0), (0), (0), (0), (0), (0), (0), (0), (0), (0)) a (n)
        CROSS JOIN (VALUES (0), (0), (0), (0), (0), (0), (0), (0), (0), (0), (0)) b (n)
        CROSS JOIN (VALUES (0), (0), (0), (0), (0), (0), (0), (0), (0), (0), (0)) c (n)
    ) n;
END;
GO

-- Index the catalogue that is already there: setting search_text to itself fires the trigger for every row.
UPDATE procedures SET search_text = search_text;
GO
