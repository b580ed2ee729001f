-- Twin of db/sqlite/views/0600_plan_milestones.sql. The status of every milestone of a plan's tasks on any date
-- (domain brief, section 7): the progress entry with the latest date on or before it, ties to the one recorded
-- last (then the highest id); before the first entry, not started. Each entry holds [valid_from, valid_to) until
-- the next one takes over, so the status on D is the one window with valid_from <= D AND (valid_to IS NULL OR
-- valid_to > D); a done window's valid_from is the date the milestone was done. due_by is the last day of the
-- deadline: the date, 31 December of a year, or NULL for an ongoing task.
CREATE OR ALTER VIEW milestone_status_windows AS
SELECT
    m.id AS milestone_id,
    m.task_id,
    t.plan_id,
    p.jurisdiction_code,
    m.deadline_kind,
    CASE m.deadline_kind WHEN N'date' THEN m.due_on WHEN N'year' THEN DATEFROMPARTS(m.due_year, 12, 31) END AS due_by,
    w.valid_from,
    w.valid_to,
    w.progress_id,
    w.status
FROM plan_milestones m
INNER JOIN plan_tasks t ON t.id = m.task_id
INNER JOIN plans p ON p.id = t.plan_id
INNER JOIN (
    SELECT s.milestone_id, s.valid_from, s.valid_to, s.progress_id, s.status
    FROM (
        SELECT
            e.milestone_id,
            e.progress_on AS valid_from,
            LEAD(e.progress_on) OVER (PARTITION BY e.milestone_id ORDER BY e.progress_on, e.recorded_at, e.id) AS valid_to,
            e.id AS progress_id,
            e.status
        FROM milestone_progress e
    ) s
    WHERE s.valid_to IS NULL OR s.valid_to > s.valid_from
    UNION ALL
    SELECT f.id, CAST('0001-01-01' AS DATE), (SELECT MIN(e.progress_on) FROM milestone_progress e WHERE e.milestone_id = f.id), CAST(NULL AS INT),
        CAST(N'not-started' AS NVARCHAR(20))
    FROM plan_milestones f
) w ON w.milestone_id = m.id;
GO
