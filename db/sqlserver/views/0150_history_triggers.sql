-- What keeps the derived rows of migration 0012 in step, in the transaction of every change (also of changes written
-- straight into the database): a change of a procedure's histories, documents, reviews, abolition or grouping columns
-- re-derives its windows and baselines (views/0100); a change of a program or a tariff re-derives the baselines it
-- prices. (The triggers that kept procedure_figures went with it in migration 0012.)
-- A new procedure has its one window at once; a change of what its windows carry under the procedure's own names
-- re-derives them (the refresh's own update of the latest values changes none of those columns).
CREATE OR ALTER TRIGGER tr_procedures_windows ON procedures AFTER INSERT, UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    IF NOT EXISTS (SELECT 1 FROM deleted)
        OR UPDATE(jurisdiction_code) OR UPDATE(level) OR UPDATE(field_id) OR UPDATE(agency_id) OR UPDATE(status) OR UPDATE(abolished_on)
    BEGIN
        INSERT INTO procedure_windows_refresh (procedure_id)
        SELECT i.id FROM inserted i;
    END;
END;
GO

CREATE OR ALTER TRIGGER tr_time_history_windows ON time_history AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO procedure_windows_refresh (procedure_id)
    SELECT i.procedure_id FROM inserted i UNION SELECT d.procedure_id FROM deleted d;
END;
GO

CREATE OR ALTER TRIGGER tr_cost_history_windows ON cost_history AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO procedure_windows_refresh (procedure_id)
    SELECT i.procedure_id FROM inserted i UNION SELECT d.procedure_id FROM deleted d;
END;
GO

-- Entries deleted with their procedure (ON DELETE CASCADE) leave nothing to derive.
CREATE OR ALTER TRIGGER tr_attribute_history_windows ON attribute_history AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO procedure_windows_refresh (procedure_id)
    SELECT c.procedure_id
    FROM (SELECT i.procedure_id FROM inserted i UNION SELECT d.procedure_id FROM deleted d) c
    WHERE EXISTS (SELECT 1 FROM procedures p WHERE p.id = c.procedure_id);
END;
GO

CREATE OR ALTER TRIGGER tr_provided_once_history_windows ON provided_once_history AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO procedure_windows_refresh (procedure_id)
    SELECT c.procedure_id
    FROM (SELECT i.procedure_id FROM inserted i UNION SELECT d.procedure_id FROM deleted d) c
    WHERE EXISTS (SELECT 1 FROM procedures p WHERE p.id = c.procedure_id);
END;
GO

-- A document removed takes its provided-once history with it (ON DELETE CASCADE); the procedure's counts follow.
CREATE OR ALTER TRIGGER tr_documents_windows ON documents AFTER DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO procedure_windows_refresh (procedure_id)
    SELECT DISTINCT d.procedure_id FROM deleted d
    WHERE EXISTS (SELECT 1 FROM procedures p WHERE p.id = d.procedure_id);
END;
GO

CREATE OR ALTER TRIGGER tr_procedure_reviews_windows ON procedure_reviews AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO procedure_windows_refresh (procedure_id)
    SELECT c.procedure_id
    FROM (SELECT i.procedure_id FROM inserted i UNION SELECT d.procedure_id FROM deleted d) c
    WHERE EXISTS (SELECT 1 FROM procedures p WHERE p.id = c.procedure_id);
END;
GO

-- A new program, or a program's baseline date moved: every procedure has new baselines.
CREATE OR ALTER TRIGGER tr_reduction_programs_baselines ON reduction_programs AFTER INSERT, UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    IF NOT UPDATE(code) AND NOT UPDATE(baseline_date)
        RETURN;

    INSERT INTO procedure_baselines_refresh (procedure_id)
    SELECT p.id FROM procedures p;
END;
GO

-- A tariff set, changed or removed prices the baselines of its jurisdiction's procedures anew.
CREATE OR ALTER TRIGGER tr_hourly_tariffs_baselines ON hourly_tariffs AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO procedure_baselines_refresh (procedure_id)
    SELECT p.id FROM procedures p
    WHERE p.jurisdiction_code IN (SELECT i.jurisdiction_code FROM inserted i UNION SELECT d.jurisdiction_code FROM deleted d);
END;
GO

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
GO
