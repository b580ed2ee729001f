-- What keeps the derived rows of migration 0012 in step, in the transaction of every change (also of changes written
-- straight into the database): a change of a procedure's histories, documents, reviews, abolition or grouping columns
-- re-derives its windows and baselines (views/0100); a change of a program or a tariff re-derives the baselines it
-- prices. (The triggers that kept procedure_figures went with it in migration 0012.)
-- A new procedure has its one window at once; a change of what its windows carry under the procedure's own names re-derives them.
DROP TRIGGER IF EXISTS procedures_windows_insert;
CREATE TRIGGER procedures_windows_insert AFTER INSERT ON procedures BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) VALUES (NEW.id);
END;

DROP TRIGGER IF EXISTS procedures_windows_update;
CREATE TRIGGER procedures_windows_update AFTER UPDATE OF jurisdiction_code, level, field_id, agency_id, status, abolished_on ON procedures BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) VALUES (NEW.id);
END;

DROP TRIGGER IF EXISTS time_history_windows_insert;
CREATE TRIGGER time_history_windows_insert AFTER INSERT ON time_history BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) VALUES (NEW.procedure_id);
END;

DROP TRIGGER IF EXISTS time_history_windows_update;
CREATE TRIGGER time_history_windows_update AFTER UPDATE ON time_history BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) SELECT OLD.procedure_id UNION SELECT NEW.procedure_id;
END;

DROP TRIGGER IF EXISTS time_history_windows_delete;
CREATE TRIGGER time_history_windows_delete AFTER DELETE ON time_history BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) VALUES (OLD.procedure_id);
END;

DROP TRIGGER IF EXISTS cost_history_windows_insert;
CREATE TRIGGER cost_history_windows_insert AFTER INSERT ON cost_history BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) VALUES (NEW.procedure_id);
END;

DROP TRIGGER IF EXISTS cost_history_windows_update;
CREATE TRIGGER cost_history_windows_update AFTER UPDATE ON cost_history BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) SELECT OLD.procedure_id UNION SELECT NEW.procedure_id;
END;

DROP TRIGGER IF EXISTS cost_history_windows_delete;
CREATE TRIGGER cost_history_windows_delete AFTER DELETE ON cost_history BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) VALUES (OLD.procedure_id);
END;

DROP TRIGGER IF EXISTS attribute_history_windows_insert;
CREATE TRIGGER attribute_history_windows_insert AFTER INSERT ON attribute_history BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) VALUES (NEW.procedure_id);
END;

DROP TRIGGER IF EXISTS attribute_history_windows_update;
CREATE TRIGGER attribute_history_windows_update AFTER UPDATE ON attribute_history BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) SELECT OLD.procedure_id UNION SELECT NEW.procedure_id;
END;

DROP TRIGGER IF EXISTS attribute_history_windows_delete;
CREATE TRIGGER attribute_history_windows_delete AFTER DELETE ON attribute_history BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) SELECT OLD.procedure_id WHERE EXISTS (SELECT 1 FROM procedures p WHERE p.id = OLD.procedure_id);
END;

DROP TRIGGER IF EXISTS provided_once_history_windows_insert;
CREATE TRIGGER provided_once_history_windows_insert AFTER INSERT ON provided_once_history BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) VALUES (NEW.procedure_id);
END;

DROP TRIGGER IF EXISTS provided_once_history_windows_update;
CREATE TRIGGER provided_once_history_windows_update AFTER UPDATE ON provided_once_history BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) SELECT OLD.procedure_id UNION SELECT NEW.procedure_id;
END;

DROP TRIGGER IF EXISTS provided_once_history_windows_delete;
CREATE TRIGGER provided_once_history_windows_delete AFTER DELETE ON provided_once_history BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) SELECT OLD.procedure_id WHERE EXISTS (SELECT 1 FROM procedures p WHERE p.id = OLD.procedure_id);
END;

-- A document removed takes its provided-once history with it (ON DELETE CASCADE); the procedure's counts follow.
DROP TRIGGER IF EXISTS documents_windows_delete;
CREATE TRIGGER documents_windows_delete AFTER DELETE ON documents BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) SELECT OLD.procedure_id WHERE EXISTS (SELECT 1 FROM procedures p WHERE p.id = OLD.procedure_id);
END;

DROP TRIGGER IF EXISTS procedure_reviews_windows_insert;
CREATE TRIGGER procedure_reviews_windows_insert AFTER INSERT ON procedure_reviews BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) VALUES (NEW.procedure_id);
END;

DROP TRIGGER IF EXISTS procedure_reviews_windows_update;
CREATE TRIGGER procedure_reviews_windows_update AFTER UPDATE ON procedure_reviews BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) SELECT OLD.procedure_id UNION SELECT NEW.procedure_id;
END;

DROP TRIGGER IF EXISTS procedure_reviews_windows_delete;
CREATE TRIGGER procedure_reviews_windows_delete AFTER DELETE ON procedure_reviews BEGIN
    INSERT INTO procedure_windows_refresh (procedure_id) SELECT OLD.procedure_id WHERE EXISTS (SELECT 1 FROM procedures p WHERE p.id = OLD.procedure_id);
END;

-- A new program, or a program's baseline date moved: every procedure has new baselines.
DROP TRIGGER IF EXISTS reduction_programs_baselines_insert;
CREATE TRIGGER reduction_programs_baselines_insert AFTER INSERT ON reduction_programs BEGIN
    INSERT INTO procedure_baselines_refresh (procedure_id) SELECT p.id FROM procedures p;
END;

DROP TRIGGER IF EXISTS reduction_programs_baselines_update;
CREATE TRIGGER reduction_programs_baselines_update AFTER UPDATE OF code, baseline_date ON reduction_programs BEGIN
    INSERT INTO procedure_baselines_refresh (procedure_id) SELECT p.id FROM procedures p;
END;

-- A tariff set, changed or removed prices the baselines of its jurisdiction's procedures anew.
DROP TRIGGER IF EXISTS hourly_tariffs_baselines_insert;
CREATE TRIGGER hourly_tariffs_baselines_insert AFTER INSERT ON hourly_tariffs BEGIN
    INSERT INTO procedure_baselines_refresh (procedure_id) SELECT p.id FROM procedures p WHERE p.jurisdiction_code = NEW.jurisdiction_code;
END;

DROP TRIGGER IF EXISTS hourly_tariffs_baselines_update;
CREATE TRIGGER hourly_tariffs_baselines_update AFTER UPDATE OF jurisdiction_code, year, hourly_tariff_vnd ON hourly_tariffs BEGIN
    INSERT INTO procedure_baselines_refresh (procedure_id)
    SELECT p.id FROM procedures p WHERE p.jurisdiction_code = OLD.jurisdiction_code OR p.jurisdiction_code = NEW.jurisdiction_code;
END;

DROP TRIGGER IF EXISTS hourly_tariffs_baselines_delete;
CREATE TRIGGER hourly_tariffs_baselines_delete AFTER DELETE ON hourly_tariffs BEGIN
    INSERT INTO procedure_baselines_refresh (procedure_id) SELECT p.id FROM procedures p WHERE p.jurisdiction_code = OLD.jurisdiction_code;
END;

-- Every deploy derives the rows that are missing: all of them the first time, after migration 0012, those of any
-- procedure written while the triggers were absent, and those whose windows carry an online level or boundary-free flag
-- without the entry that gives it (derived before migration 0017, or by the views of a version before it).
INSERT INTO procedure_windows_refresh (procedure_id)
SELECT p.id FROM procedures p
WHERE NOT EXISTS (SELECT 1 FROM procedure_windows w WHERE w.procedure_id = p.id)
   OR EXISTS (SELECT 1 FROM reduction_programs rp
              WHERE NOT EXISTS (SELECT 1 FROM procedure_baselines b WHERE b.procedure_id = p.id AND b.program_code = rp.code))
   OR p.id IN (SELECT w.procedure_id FROM procedure_windows w
               WHERE (w.online_level IS NOT NULL AND w.online_level_entry_id IS NULL)
                  OR (w.boundary_free IS NOT NULL AND w.boundary_free_entry_id IS NULL));
