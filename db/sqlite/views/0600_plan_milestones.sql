-- The status of every milestone of a plan's tasks on any date (domain brief, section 7), defined once: the progress
-- entry with the latest date on or before it, ties to the one recorded last (then the highest id); before the
-- first entry, not started. Like the history windows of 0100, each entry holds [valid_from, valid_to) until the
-- next one takes over (an entry superseded on its own day gets an empty window and is left out), so the status on
-- D is the one window with valid_from <= D AND (valid_to IS NULL OR valid_to > D). A done window's valid_from is
-- the date the milestone was done. due_by is the last day of the deadline: the date, 31 December of a year, or
-- NULL for an ongoing task. The task reports (Plans/TaskReportQueries.cs) read it:
--   overdue on D:          status on D is not done and due_by < D;
--   due from D1 to D2:     status on D1 is not done and D1 <= due_by <= D2;
--   done from D1 to D2:    status on D2 is done and D1 <= valid_from <= D2.
DROP VIEW IF EXISTS milestone_status_windows;
CREATE VIEW milestone_status_windows AS
SELECT
    m.id AS milestone_id,
    m.task_id,
    t.plan_id,
    p.jurisdiction_code,
    m.deadline_kind,
    CASE m.deadline_kind WHEN 'date' THEN m.due_on WHEN 'year' THEN printf('%04d-12-31', m.due_year) END AS due_by,
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
    SELECT f.id, '0001-01-01', (SELECT MIN(e.progress_on) FROM milestone_progress e WHERE e.milestone_id = f.id), NULL, 'not-started'
    FROM plan_milestones f
) w ON w.milestone_id = m.id;
