-- Every deploy derives the rows that are missing, last, when every view the derivation reads is there: all of them the
-- first time, after migration 0012, and those of any procedure written while the triggers were absent.
INSERT INTO procedure_windows_refresh (procedure_id)
SELECT p.id FROM procedures p
WHERE NOT EXISTS (SELECT 1 FROM procedure_windows w WHERE w.procedure_id = p.id)
   OR EXISTS (SELECT 1 FROM reduction_programs rp
              WHERE NOT EXISTS (SELECT 1 FROM procedure_baselines b WHERE b.procedure_id = p.id AND b.program_code = rp.code));
GO

-- The reduction rows of procedures whose windows and baselines are there but that have none: all of them the first
-- time after migration 0018.
INSERT INTO reduction_windows_refresh (procedure_id)
SELECT DISTINCT b.procedure_id FROM procedure_baselines b
WHERE NOT EXISTS (SELECT 1 FROM reduction_windows r WHERE r.procedure_id = b.procedure_id);
GO
