-- procedure_figures (migration 0007) derived from the windows of migration 0010: per (program, procedure), the
-- time and cost entries in force on the program's baseline date and the latest entries, read through
-- time_in_force and cost_in_force (views/0100_history_windows.sql).
CREATE OR ALTER VIEW procedure_figures_computed AS
SELECT
    rp.code AS program_code,
    p.id AS procedure_id,
    tb.units AS time_baseline_units,
    tl.valid_from AS time_latest_from,
    tl.units AS time_latest_units,
    cb.money_centi AS cost_baseline_money_centi,
    cb.hours_hundredths AS cost_baseline_hours_hundredths,
    cb.annual_filings AS cost_baseline_annual_filings,
    cl.valid_from AS cost_latest_from,
    cl.money_centi AS cost_latest_money_centi,
    cl.hours_hundredths AS cost_latest_hours_hundredths,
    cl.annual_filings AS cost_latest_annual_filings
FROM reduction_programs rp
CROSS JOIN procedures p
LEFT JOIN time_in_force tb
    ON tb.procedure_id = p.id AND tb.valid_from <= rp.baseline_date AND (tb.valid_to IS NULL OR tb.valid_to > rp.baseline_date)
LEFT JOIN time_in_force tl
    ON tl.procedure_id = p.id AND tl.valid_to IS NULL
LEFT JOIN cost_in_force cb
    ON cb.procedure_id = p.id AND cb.valid_from <= rp.baseline_date AND (cb.valid_to IS NULL OR cb.valid_to > rp.baseline_date)
LEFT JOIN cost_in_force cl
    ON cl.procedure_id = p.id AND cl.valid_to IS NULL;
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

-- Every change of a history re-derives the windows (views/0100) and then the figures of the procedures it
-- touched, in the same transaction.
CREATE OR ALTER TRIGGER tr_time_history_figures ON time_history AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO history_windows_refresh (procedure_id)
    SELECT i.procedure_id FROM inserted i UNION SELECT d.procedure_id FROM deleted d;
    INSERT INTO procedure_figures_refresh (procedure_id)
    SELECT i.procedure_id FROM inserted i UNION SELECT d.procedure_id FROM deleted d;
END;
GO

CREATE OR ALTER TRIGGER tr_cost_history_figures ON cost_history AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO history_windows_refresh (procedure_id)
    SELECT i.procedure_id FROM inserted i UNION SELECT d.procedure_id FROM deleted d;
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
