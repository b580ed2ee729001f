-- Every deploy derives the rows that are missing, last, when every view the derivation reads is there: all of them the
-- first time, after migration 0012, those of any procedure written while the triggers were absent, and those whose
-- windows carry an online level or boundary-free flag without the entry that gives it (derived before migration 0017,
-- or by the views of a version before it).
INSERT INTO procedure_windows_refresh (procedure_id)
SELECT p.id FROM procedures p
WHERE NOT EXISTS (SELECT 1 FROM procedure_windows w WHERE w.procedure_id = p.id)
   OR EXISTS (SELECT 1 FROM reduction_programs rp
              WHERE NOT EXISTS (SELECT 1 FROM procedure_baselines b WHERE b.procedure_id = p.id AND b.program_code = rp.code))
   OR p.id IN (SELECT w.procedure_id FROM procedure_windows w
               WHERE (w.online_level IS NOT NULL AND w.online_level_entry_id IS NULL)
                  OR (w.boundary_free IS NOT NULL AND w.boundary_free_entry_id IS NULL));

-- The reduction rows of procedures whose windows and baselines are there but that have none: all of them the first
-- time after migration 0018.
INSERT INTO reduction_windows_refresh (procedure_id)
SELECT DISTINCT b.procedure_id FROM procedure_baselines b
WHERE NOT EXISTS (SELECT 1 FROM reduction_windows r WHERE r.procedure_id = b.procedure_id);
