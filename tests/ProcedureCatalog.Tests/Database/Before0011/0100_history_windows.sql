-- The value in force on a date, defined once (domain brief, section 3): the entry with the latest
-- effective_from on or before it, ties to the one recorded last (then the highest id). The windows of
-- migration 0010 hold it, derived here from the histories and re-derived by the triggers of
-- views/0500_procedure_figures.sql in the transaction of every change. Every reader of a value in force
-- (procedure detail, export, reductions, laggards, procedure_figures) reads time_in_force or cost_in_force
-- with valid_from <= D AND (valid_to IS NULL OR valid_to > D): one seek on (procedure_id, valid_from).
DROP VIEW IF EXISTS time_stretches;
DROP VIEW IF EXISTS cost_stretches;

-- A procedure's windows as the history gives them: each entry until the next one takes over (an entry
-- superseded on its own day gets an empty window and is left out), and before the first entry one window
-- with no entry. Time in units of 1/5600 working day: hundredths of the amount x 56 (working-days),
-- x 40 (calendar-days: x 5/7) or x 7 (hours: / 8).
DROP VIEW IF EXISTS time_windows_computed;
CREATE VIEW time_windows_computed AS
SELECT s.procedure_id, s.valid_from, s.valid_to, s.entry_id, s.units
FROM (
    SELECT
        h.procedure_id,
        h.effective_from AS valid_from,
        LEAD(h.effective_from) OVER (PARTITION BY h.procedure_id ORDER BY h.effective_from, h.recorded_at, h.id) AS valid_to,
        h.id AS entry_id,
        CAST(ROUND(h.amount * 100) AS INTEGER)
            * CASE h.unit WHEN 'working-days' THEN 56 WHEN 'calendar-days' THEN 40 WHEN 'hours' THEN 7 END AS units
    FROM time_history h
) s
WHERE s.valid_to IS NULL OR s.valid_to > s.valid_from
UNION ALL
SELECT h.procedure_id, '0001-01-01', MIN(h.effective_from), NULL, NULL
FROM time_history h
GROUP BY h.procedure_id;

-- The same for cost: the money part (fee and other costs) in hundredths of a đồng and the applicant's hours
-- in hundredths, priced by a program's tariff in views/0200_reductions.sql.
DROP VIEW IF EXISTS cost_windows_computed;
CREATE VIEW cost_windows_computed AS
SELECT s.procedure_id, s.valid_from, s.valid_to, s.entry_id, s.money_centi, s.hours_hundredths, s.annual_filings
FROM (
    SELECT
        h.procedure_id,
        h.effective_from AS valid_from,
        LEAD(h.effective_from) OVER (PARTITION BY h.procedure_id ORDER BY h.effective_from, h.recorded_at, h.id) AS valid_to,
        h.id AS entry_id,
        h.fee_vnd * 100 + h.other_cost_vnd * 100 AS money_centi,
        CAST(ROUND(h.applicant_hours * 100) AS INTEGER) AS hours_hundredths,
        h.annual_filings
    FROM cost_history h
) s
WHERE s.valid_to IS NULL OR s.valid_to > s.valid_from
UNION ALL
SELECT h.procedure_id, '0001-01-01', MIN(h.effective_from), NULL, NULL, NULL, NULL
FROM cost_history h
GROUP BY h.procedure_id;

-- The value in force: one view per measure over the derived windows.
DROP VIEW IF EXISTS time_in_force;
CREATE VIEW time_in_force AS
SELECT w.procedure_id, w.valid_from, w.valid_to, w.entry_id, w.units
FROM time_windows w;

DROP VIEW IF EXISTS cost_in_force;
CREATE VIEW cost_in_force AS
SELECT w.procedure_id, w.valid_from, w.valid_to, w.entry_id, w.money_centi, w.hours_hundredths, w.annual_filings
FROM cost_windows w;

-- Inserting a procedure id here re-derives that procedure's windows of both measures: the one place that
-- writes time_windows and cost_windows, which the history triggers (views/0500) and the deploy go through.
DROP VIEW IF EXISTS history_windows_refresh;
CREATE VIEW history_windows_refresh AS
SELECT w.procedure_id FROM time_windows w WHERE 0 = 1;

DROP TRIGGER IF EXISTS history_windows_refresh_insert;
CREATE TRIGGER history_windows_refresh_insert INSTEAD OF INSERT ON history_windows_refresh BEGIN
    DELETE FROM time_windows WHERE procedure_id = NEW.procedure_id;
    INSERT INTO time_windows (procedure_id, valid_from, valid_to, entry_id, units)
    SELECT procedure_id, valid_from, valid_to, entry_id, units
    FROM time_windows_computed
    WHERE procedure_id = NEW.procedure_id;
    DELETE FROM cost_windows WHERE procedure_id = NEW.procedure_id;
    INSERT INTO cost_windows (procedure_id, valid_from, valid_to, entry_id, money_centi, hours_hundredths, annual_filings)
    SELECT procedure_id, valid_from, valid_to, entry_id, money_centi, hours_hundredths, annual_filings
    FROM cost_windows_computed
    WHERE procedure_id = NEW.procedure_id;
END;

-- Every deploy derives the windows that are missing: all of them the first time, after migration 0010, and
-- those of any procedure whose history was written while the triggers were absent.
INSERT INTO history_windows_refresh (procedure_id)
SELECT h.procedure_id FROM time_history h
WHERE NOT EXISTS (SELECT 1 FROM time_windows w WHERE w.procedure_id = h.procedure_id)
UNION
SELECT h.procedure_id FROM cost_history h
WHERE NOT EXISTS (SELECT 1 FROM cost_windows w WHERE w.procedure_id = h.procedure_id);
