-- procedure_figures (migration 0007) derived from the histories: per (program, procedure), the time and cost
-- entries in force on the program's baseline date and the latest entries, in the units of time_entry_units
-- and cost_entry_amounts. An entry in force on a date is the one with the latest effective_from on or before
-- it, ties to the last recorded, then the highest id, as in the reports' lookups.
DROP VIEW IF EXISTS procedure_figures_computed;
CREATE VIEW procedure_figures_computed AS
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
LEFT JOIN time_entry_units tb
    ON tb.entry_id = (SELECT e.id FROM time_history e WHERE e.procedure_id = p.id AND e.effective_from <= rp.baseline_date
                      ORDER BY e.effective_from DESC, e.recorded_at DESC, e.id DESC LIMIT 1)
LEFT JOIN time_entry_units tl
    ON tl.entry_id = (SELECT e.id FROM time_history e WHERE e.procedure_id = p.id
                      ORDER BY e.effective_from DESC, e.recorded_at DESC, e.id DESC LIMIT 1)
LEFT JOIN cost_entry_amounts cb
    ON cb.entry_id = (SELECT e.id FROM cost_history e WHERE e.procedure_id = p.id AND e.effective_from <= rp.baseline_date
                      ORDER BY e.effective_from DESC, e.recorded_at DESC, e.id DESC LIMIT 1)
LEFT JOIN cost_entry_amounts cl
    ON cl.entry_id = (SELECT e.id FROM cost_history e WHERE e.procedure_id = p.id
                      ORDER BY e.effective_from DESC, e.recorded_at DESC, e.id DESC LIMIT 1);

DROP VIEW IF EXISTS procedures_with_history;
CREATE VIEW procedures_with_history AS
SELECT p.id
FROM procedures p
WHERE EXISTS (SELECT 1 FROM time_history h WHERE h.procedure_id = p.id)
   OR EXISTS (SELECT 1 FROM cost_history h WHERE h.procedure_id = p.id);

-- Inserting a procedure id here re-derives that procedure's rows: the one place that writes procedure_figures,
-- which the triggers below and the deploy go through.
DROP VIEW IF EXISTS procedure_figures_refresh;
CREATE VIEW procedure_figures_refresh AS
SELECT f.procedure_id FROM procedure_figures f WHERE 0 = 1;

DROP TRIGGER IF EXISTS procedure_figures_refresh_insert;
CREATE TRIGGER procedure_figures_refresh_insert INSTEAD OF INSERT ON procedure_figures_refresh BEGIN
    INSERT OR REPLACE INTO procedure_figures (program_code, procedure_id, time_baseline_units, time_latest_from, time_latest_units, cost_baseline_money_centi, cost_baseline_hours_hundredths, cost_baseline_annual_filings, cost_latest_from, cost_latest_money_centi, cost_latest_hours_hundredths, cost_latest_annual_filings)
    SELECT program_code, procedure_id, time_baseline_units, time_latest_from, time_latest_units, cost_baseline_money_centi, cost_baseline_hours_hundredths, cost_baseline_annual_filings, cost_latest_from, cost_latest_money_centi, cost_latest_hours_hundredths, cost_latest_annual_filings
    FROM procedure_figures_computed
    WHERE procedure_id = NEW.procedure_id;
END;

-- Every change of a history re-derives the rows of the procedures it touched, in the same transaction.
DROP TRIGGER IF EXISTS time_history_figures_insert;
CREATE TRIGGER time_history_figures_insert AFTER INSERT ON time_history BEGIN
    INSERT INTO procedure_figures_refresh (procedure_id) VALUES (NEW.procedure_id);
END;

DROP TRIGGER IF EXISTS time_history_figures_update;
CREATE TRIGGER time_history_figures_update AFTER UPDATE ON time_history BEGIN
    INSERT INTO procedure_figures_refresh (procedure_id) SELECT OLD.procedure_id UNION SELECT NEW.procedure_id;
END;

DROP TRIGGER IF EXISTS time_history_figures_delete;
CREATE TRIGGER time_history_figures_delete AFTER DELETE ON time_history BEGIN
    INSERT INTO procedure_figures_refresh (procedure_id) VALUES (OLD.procedure_id);
END;

DROP TRIGGER IF EXISTS cost_history_figures_insert;
CREATE TRIGGER cost_history_figures_insert AFTER INSERT ON cost_history BEGIN
    INSERT INTO procedure_figures_refresh (procedure_id) VALUES (NEW.procedure_id);
END;

DROP TRIGGER IF EXISTS cost_history_figures_update;
CREATE TRIGGER cost_history_figures_update AFTER UPDATE ON cost_history BEGIN
    INSERT INTO procedure_figures_refresh (procedure_id) SELECT OLD.procedure_id UNION SELECT NEW.procedure_id;
END;

DROP TRIGGER IF EXISTS cost_history_figures_delete;
CREATE TRIGGER cost_history_figures_delete AFTER DELETE ON cost_history BEGIN
    INSERT INTO procedure_figures_refresh (procedure_id) VALUES (OLD.procedure_id);
END;

-- A new program, or a program's baseline date moved: every procedure with history has new baselines.
DROP TRIGGER IF EXISTS reduction_programs_figures_insert;
CREATE TRIGGER reduction_programs_figures_insert AFTER INSERT ON reduction_programs BEGIN
    INSERT INTO procedure_figures_refresh (procedure_id) SELECT p.id FROM procedures_with_history p;
END;

DROP TRIGGER IF EXISTS reduction_programs_figures_update;
CREATE TRIGGER reduction_programs_figures_update AFTER UPDATE OF code, baseline_date ON reduction_programs BEGIN
    INSERT INTO procedure_figures_refresh (procedure_id) SELECT p.id FROM procedures_with_history p;
END;

-- Every deploy derives the rows that are missing: all of them the first time, after migration 0007, and
-- those of any procedure whose history was written while the triggers were absent.
INSERT INTO procedure_figures_refresh (procedure_id)
SELECT p.id
FROM procedures_with_history p
WHERE EXISTS (
    SELECT 1 FROM reduction_programs rp
    WHERE NOT EXISTS (SELECT 1 FROM procedure_figures f WHERE f.program_code = rp.code AND f.procedure_id = p.id)
);
