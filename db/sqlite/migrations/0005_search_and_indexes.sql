-- Indexes and search chosen from the query plans at national size (61,000 and 610,000 procedures; the plans
-- are in tests/ProcedureCatalog.Benchmarks/README.md).

-- The reports find each procedure's history entry in force on a date with one backward index seek: the
-- latest effective_from, ties to the last recorded (then the highest id). The old indexes are their prefixes.
DROP INDEX ix_time_history_procedure;
CREATE INDEX ix_time_history_in_force ON time_history (procedure_id, effective_from, recorded_at, id);
DROP INDEX ix_cost_history_procedure;
CREATE INDEX ix_cost_history_in_force ON cost_history (procedure_id, effective_from, recorded_at, id);

-- Search: a LIKE '%term%' over every row's search_text reads the whole catalogue. FTS5's trigram tokenizer
-- indexes every three letters of the folded text, so a quoted term of three letters or more matches exactly
-- the rows that contain it, wherever it stands in a word (the substring meaning search has always had).
-- External content: the text lives once, in procedures; the triggers keep the index in step with it.
CREATE VIRTUAL TABLE procedure_search USING fts5(search_text, content = 'procedures', content_rowid = 'id', tokenize = 'trigram');
INSERT INTO procedure_search (procedure_search) VALUES ('rebuild');

CREATE TRIGGER procedures_search_insert AFTER INSERT ON procedures BEGIN
    INSERT INTO procedure_search (rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TRIGGER procedures_search_delete AFTER DELETE ON procedures BEGIN
    INSERT INTO procedure_search (procedure_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;

CREATE TRIGGER procedures_search_update AFTER UPDATE OF search_text ON procedures BEGIN
    INSERT INTO procedure_search (procedure_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO procedure_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
