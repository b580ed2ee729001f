-- The value in force on a date, defined once (domain brief, section 3): the entry with the latest
-- effective_from on or before it, ties to the one recorded last (then the highest id). The windows of
-- migration 0010 hold it, derived here from the histories and re-derived by the triggers of
-- views/0500_procedure_figures.sql in the transaction of every change. Every reader of a value in force
-- (procedure detail, export, reductions, laggards, procedure_figures) reads time_in_force or cost_in_force
-- with valid_from <= D AND (valid_to IS NULL OR valid_to > D): one seek on (procedure_id, valid_from).
DROP VIEW IF EXISTS time_stretches;
GO

DROP VIEW IF EXISTS cost_stretches;
GO

-- A procedure's windows as the history gives them: each entry until the next one takes over (an entry
-- superseded on its own day gets an empty window and is left out), and before the first entry one window
-- with no entry. Time in units of 1/5600 working day: hundredths of the amount x 56 (working-days),
-- x 40 (calendar-days: x 5/7) or x 7 (hours: / 8).
CREATE OR ALTER VIEW time_windows_computed AS
SELECT s.procedure_id, s.valid_from, s.valid_to, s.entry_id, s.units
FROM (
    SELECT
        h.procedure_id,
        h.effective_from AS valid_from,
        LEAD(h.effective_from) OVER (PARTITION BY h.procedure_id ORDER BY h.effective_from, h.recorded_at, h.id) AS valid_to,
        h.id AS entry_id,
        CAST(h.amount * 100 AS BIGINT)
            * CASE h.unit WHEN N'working-days' THEN CAST(56 AS BIGINT) WHEN N'calendar-days' THEN CAST(40 AS BIGINT) WHEN N'hours' THEN CAST(7 AS BIGINT) END AS units
    FROM time_history h
) s
WHERE s.valid_to IS NULL OR s.valid_to > s.valid_from
UNION ALL
SELECT h.procedure_id, CAST('0001-01-01' AS DATE), MIN(h.effective_from), CAST(NULL AS INT), CAST(NULL AS BIGINT)
FROM time_history h
GROUP BY h.procedure_id;
GO

-- The same for cost: the money part (fee and other costs) in hundredths of a đồng and the applicant's hours
-- in hundredths, priced by a program's tariff in views/0200_reductions.sql.
CREATE OR ALTER VIEW cost_windows_computed AS
SELECT s.procedure_id, s.valid_from, s.valid_to, s.entry_id, s.money_centi, s.hours_hundredths, s.annual_filings
FROM (
    SELECT
        h.procedure_id,
        h.effective_from AS valid_from,
        LEAD(h.effective_from) OVER (PARTITION BY h.procedure_id ORDER BY h.effective_from, h.recorded_at, h.id) AS valid_to,
        h.id AS entry_id,
        CAST(h.fee_vnd AS BIGINT) * 100 + CAST(h.other_cost_vnd AS BIGINT) * 100 AS money_centi,
        CAST(h.applicant_hours * 100 AS BIGINT) AS hours_hundredths,
        h.annual_filings
    FROM cost_history h
) s
WHERE s.valid_to IS NULL OR s.valid_to > s.valid_from
UNION ALL
SELECT h.procedure_id, CAST('0001-01-01' AS DATE), MIN(h.effective_from), CAST(NULL AS INT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
FROM cost_history h
GROUP BY h.procedure_id;
GO

-- The value in force: one view per measure over the derived windows.
CREATE OR ALTER VIEW time_in_force AS
SELECT w.procedure_id, w.valid_from, w.valid_to, w.entry_id, w.units
FROM time_windows w;
GO

CREATE OR ALTER VIEW cost_in_force AS
SELECT w.procedure_id, w.valid_from, w.valid_to, w.entry_id, w.money_centi, w.hours_hundredths, w.annual_filings
FROM cost_windows w;
GO

-- Inserting procedure ids here re-derives those procedures' windows of both measures: the one place that
-- writes time_windows and cost_windows, which the history triggers (views/0500) and the deploy go through.
-- INSTEAD OF triggers run whatever the server's nested-triggers setting is.
CREATE OR ALTER VIEW history_windows_refresh AS
SELECT w.procedure_id FROM time_windows w WHERE 1 = 0;
GO

CREATE OR ALTER TRIGGER tr_history_windows_refresh ON history_windows_refresh INSTEAD OF INSERT
AS
BEGIN
    SET NOCOUNT ON;
    -- HOLDLOCK: two transactions deriving the same procedure's windows must not both insert them.
    DELETE w FROM time_windows w WITH (HOLDLOCK) WHERE w.procedure_id IN (SELECT i.procedure_id FROM inserted i);
    INSERT INTO time_windows (procedure_id, valid_from, valid_to, entry_id, units)
    SELECT c.procedure_id, c.valid_from, c.valid_to, c.entry_id, c.units
    FROM time_windows_computed c
    WHERE c.procedure_id IN (SELECT i.procedure_id FROM inserted i);
    DELETE w FROM cost_windows w WITH (HOLDLOCK) WHERE w.procedure_id IN (SELECT i.procedure_id FROM inserted i);
    INSERT INTO cost_windows (procedure_id, valid_from, valid_to, entry_id, money_centi, hours_hundredths, annual_filings)
    SELECT c.procedure_id, c.valid_from, c.valid_to, c.entry_id, c.money_centi, c.hours_hundredths, c.annual_filings
    FROM cost_windows_computed c
    WHERE c.procedure_id IN (SELECT i.procedure_id FROM inserted i);
END;
GO

-- Every deploy derives the windows that are missing: all of them the first time, after migration 0010, and
-- those of any procedure whose history was written while the triggers were absent.
INSERT INTO history_windows_refresh (procedure_id)
SELECT h.procedure_id FROM time_history h
WHERE NOT EXISTS (SELECT 1 FROM time_windows w WHERE w.procedure_id = h.procedure_id)
UNION
SELECT h.procedure_id FROM cost_history h
WHERE NOT EXISTS (SELECT 1 FROM cost_windows w WHERE w.procedure_id = h.procedure_id);
GO
