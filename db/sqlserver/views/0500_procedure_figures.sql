-- procedure_figures (migration 0007) derived from the histories: per (program, procedure), the time and cost
-- entries in force on the program's baseline date and the latest entries, in the units of time_entry_units
-- and cost_entry_amounts. An entry in force on a date is the one with the latest effective_from on or before
-- it, ties to the last recorded, then the highest id, as in the reports' lookups.
CREATE OR ALTER VIEW procedure_figures_computed AS
SELECT
    rp.code AS program_code,
    p.id AS procedure_id,
    tb.units AS time_baseline_units,
    tl.effective_from AS time_latest_from,
    tl.units AS time_latest_units,
    cb.fee_vnd * 100 + cb.other_cost_vnd * 100 AS cost_baseline_money_centi,
    cb.hours_hundredths AS cost_baseline_hours_hundredths,
    cb.annual_filings AS cost_baseline_annual_filings,
    cl.effective_from AS cost_latest_from,
    cl.fee_vnd * 100 + cl.other_cost_vnd * 100 AS cost_latest_money_centi,
    cl.hours_hundredths AS cost_latest_hours_hundredths,
    cl.annual_filings AS cost_latest_annual_filings
FROM reduction_programs rp
CROSS JOIN procedures p
OUTER APPLY (
    SELECT TOP (1) e.units FROM time_entry_units e
    WHERE e.procedure_id = p.id AND e.effective_from <= rp.baseline_date
    ORDER BY e.effective_from DESC, e.recorded_at DESC, e.entry_id DESC
) tb
OUTER APPLY (
    SELECT TOP (1) e.effective_from, e.units FROM time_entry_units e
    WHERE e.procedure_id = p.id
    ORDER BY e.effective_from DESC, e.recorded_at DESC, e.entry_id DESC
) tl
OUTER APPLY (
    SELECT TOP (1) e.fee_vnd, e.other_cost_vnd, e.hours_hundredths, e.annual_filings FROM cost_entry_amounts e
    WHERE e.procedure_id = p.id AND e.effective_from <= rp.baseline_date
    ORDER BY e.effective_from DESC, e.recorded_at DESC, e.entry_id DESC
) cb
OUTER APPLY (
    SELECT TOP (1) e.effective_from, e.fee_vnd, e.other_cost_vnd, e.hours_hundredths, e.annual_filings FROM cost_entry_amounts e
    WHERE e.procedure_id = p.id
    ORDER BY e.effective_from DESC, e.recorded_at DESC, e.entry_id DESC
) cl;
GO

CREATE OR ALTER VIEW procedures_with_history AS
SELECT p.id
FROM procedures p
WHERE EXISTS (SELECT 1 FROM time_history h WHERE h.procedure_id = p.id)
   OR EXISTS (SELECT 1 FROM cost_history h WHERE h.procedure_id = p.id);
GO

-- Inserting procedure ids here re-derives those procedures' rows: the one place that writes procedure_figures,
-- which the triggers below and the deploy go through. INSTEAD OF triggers run whatever the server's
-- nested-triggers setting is.
CREATE OR ALTER VIEW procedure_figures_refresh AS
SELECT f.procedure_id FROM procedure_figures f WHERE 1 = 0;
GO

CREATE OR ALTER TRIGGER tr_procedure_figures_refresh ON procedure_figures_refresh INSTEAD OF INSERT
AS
BEGIN
    SET NOCOUNT ON;
    -- HOLDLOCK: two transactions deriving the same new procedure's rows must not both insert them.
    MERGE procedure_figures WITH (HOLDLOCK) AS f
    USING (
        SELECT c.program_code, c.procedure_id, c.time_baseline_units, c.time_latest_from, c.time_latest_units, c.cost_baseline_money_centi, c.cost_baseline_hours_hundredths, c.cost_baseline_annual_filings, c.cost_latest_from, c.cost_latest_money_centi, c.cost_latest_hours_hundredths, c.cost_latest_annual_filings
        FROM procedure_figures_computed c
        WHERE c.procedure_id IN (SELECT i.procedure_id FROM inserted i)
    ) AS c
    ON f.program_code = c.program_code AND f.procedure_id = c.procedure_id
    WHEN MATCHED THEN UPDATE SET
        f.time_baseline_units = c.time_baseline_units,
        f.time_latest_from = c.time_latest_from,
        f.time_latest_units = c.time_latest_units,
        f.cost_baseline_money_centi = c.cost_baseline_money_centi,
        f.cost_baseline_hours_hundredths = c.cost_baseline_hours_hundredths,
        f.cost_baseline_annual_filings = c.cost_baseline_annual_filings,
        f.cost_latest_from = c.cost_latest_from,
        f.cost_latest_money_centi = c.cost_latest_money_centi,
        f.cost_latest_hours_hundredths = c.cost_latest_hours_hundredths,
        f.cost_latest_annual_filings = c.cost_latest_annual_filings
    WHEN NOT MATCHED BY TARGET THEN
        INSERT (program_code, procedure_id, time_baseline_units, time_latest_from, time_latest_units, cost_baseline_money_centi, cost_baseline_hours_hundredths, cost_baseline_annual_filings, cost_latest_from, cost_latest_money_centi, cost_latest_hours_hundredths, cost_latest_annual_filings)
        VALUES (c.program_code, c.procedure_id, c.time_baseline_units, c.time_latest_from, c.time_latest_units, c.cost_baseline_money_centi, c.cost_baseline_hours_hundredths, c.cost_baseline_annual_filings, c.cost_latest_from, c.cost_latest_money_centi, c.cost_latest_hours_hundredths, c.cost_latest_annual_filings);
END;
GO

-- Every change of a history re-derives the rows of the procedures it touched, in the same transaction.
CREATE OR ALTER TRIGGER tr_time_history_figures ON time_history AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO procedure_figures_refresh (procedure_id)
    SELECT i.procedure_id FROM inserted i UNION SELECT d.procedure_id FROM deleted d;
END;
GO

CREATE OR ALTER TRIGGER tr_cost_history_figures ON cost_history AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO procedure_figures_refresh (procedure_id)
    SELECT i.procedure_id FROM inserted i UNION SELECT d.procedure_id FROM deleted d;
END;
GO

-- A new program, or a program's baseline date moved: every procedure with history has new baselines.
CREATE OR ALTER TRIGGER tr_reduction_programs_figures ON reduction_programs AFTER INSERT, UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    IF NOT UPDATE(code) AND NOT UPDATE(baseline_date)
        RETURN;

    INSERT INTO procedure_figures_refresh (procedure_id)
    SELECT p.id FROM procedures_with_history p;
END;
GO

-- Every deploy derives the rows that are missing: all of them the first time, after migration 0007, and
-- those of any procedure whose history was written while the triggers were absent.
INSERT INTO procedure_figures_refresh (procedure_id)
SELECT p.id
FROM procedures_with_history p
WHERE EXISTS (
    SELECT 1 FROM reduction_programs rp
    WHERE NOT EXISTS (SELECT 1 FROM procedure_figures f WHERE f.program_code = rp.code AND f.procedure_id = p.id)
);
GO
