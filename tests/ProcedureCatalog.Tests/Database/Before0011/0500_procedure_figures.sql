-- procedure_figures (migration 0007) derived from the windows of migration 0010: per (program, procedure), the
-- time and cost entries in force on the program's baseline date and the latest entries, read through
-- time_in_force and cost_in_force (views/0100_history_windows.sql).
DROP VIEW IF EXISTS procedure_figures_computed;
CREATE VIEW procedure_figures_computed AS
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

-- Every change of a history re-derives the windows (views/0100) and then the figures of the procedures it
-- touched, in the same transaction.
DROP TRIGGER IF EXISTS time_history_figures_insert;
CREATE TRIGGER time_history_figures_insert AFTER INSERT ON time_history BEGIN
    INSERT INTO history_windows_refresh (procedure_id) VALUES (NEW.procedure_id);
    INSERT INTO procedure_figures_refresh (procedure_id) VALUES (NEW.procedure_id);
END;

DROP TRIGGER IF EXISTS time_history_figures_update;
CREATE TRIGGER time_history_figures_update AFTER UPDATE ON time_history BEGIN
    INSERT INTO history_windows_refresh (procedure_id) SELECT OLD.procedure_id UNION SELECT NEW.procedure_id;
    INSERT INTO procedure_figures_refresh (procedure_id) SELECT OLD.procedure_id UNION SELECT NEW.procedure_id;
END;

DROP TRIGGER IF EXISTS time_history_figures_delete;
CREATE TRIGGER time_history_figures_delete AFTER DELETE ON time_history BEGIN
    INSERT INTO history_windows_refresh (procedure_id) VALUES (OLD.procedure_id);
    INSERT INTO procedure_figures_refresh (procedure_id) VALUES (OLD.procedure_id);
END;

DROP TRIGGER IF EXISTS cost_history_figures_insert;
CREATE TRIGGER cost_history_figures_insert AFTER INSERT ON cost_history BEGIN
    INSERT INTO history_windows_refresh (procedure_id) VALUES (NEW.procedure_id);
    INSERT INTO procedure_figures_refresh (procedure_id) VALUES (NEW.procedure_id);
END;

DROP TRIGGER IF EXISTS cost_history_figures_update;
CREATE TRIGGER cost_history_figures_update AFTER UPDATE ON cost_history BEGIN
    INSERT INTO history_windows_refresh (procedure_id) SELECT OLD.procedure_id UNION SELECT NEW.procedure_id;
    INSERT INTO procedure_figures_refresh (procedure_id) SELECT OLD.procedure_id UNION SELECT NEW.procedure_id;
END;

DROP TRIGGER IF EXISTS cost_history_figures_delete;
CREATE TRIGGER cost_history_figures_delete AFTER DELETE ON cost_history BEGIN
    INSERT INTO history_windows_refresh (procedure_id) VALUES (OLD.procedure_id);
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
