-- The local plans that implement a reduction program (kế hoạch, domain brief section 7): their tasks (nhiệm vụ)
-- with lead and coordinating agencies, a milestone per deadline, and each milestone's dated progress. Dates are
-- ISO text (YYYY-MM-DD) so that they compare as dates; timestamps are UTC ISO text. Every id is AUTOINCREMENT,
-- so that none is handed out twice (see 0008).

-- A plan's number and date go together: a plan is known by (jurisdiction, number, date). A copy that has lost
-- both (the sample's Điện Biên Phủ plan) has neither.
CREATE TABLE plans (
    id                INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    jurisdiction_code TEXT    NOT NULL REFERENCES jurisdictions (code),
    program_code      TEXT    NOT NULL REFERENCES reduction_programs (code),
    number            TEXT    NULL,
    issued_on         TEXT    NULL,
    issuer            TEXT    NOT NULL,
    title             TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT ck_plans_number_issued_on CHECK ((number IS NULL AND issued_on IS NULL) OR (number IS NOT NULL AND issued_on IS NOT NULL))
);

CREATE UNIQUE INDEX ux_plans_number ON plans (jurisdiction_code, number, issued_on) WHERE number IS NOT NULL;
CREATE INDEX ix_plans_jurisdiction ON plans (jurisdiction_code);

-- A task's number is the plan's own (8, 8.1 under 8, 2.b.ii); section is the heading it stands under (I, II, …).
CREATE TABLE plan_tasks (
    id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    plan_id         INTEGER NOT NULL REFERENCES plans (id),
    number          TEXT    NOT NULL,
    section         TEXT    NULL,
    content         TEXT    NOT NULL,
    expected_output TEXT    NULL,
    deadline_text   TEXT    NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT uq_plan_tasks_number UNIQUE (plan_id, number)
);

-- Lead (chủ trì) and coordinating (phối hợp) agencies, in the plan's order: an agency of the catalogue, or the
-- plan's own words where it names a group ("Các sở, ban, ngành thành phố") or an agency the catalogue lacks.
CREATE TABLE plan_task_agencies (
    id        INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    task_id   INTEGER NOT NULL REFERENCES plan_tasks (id) ON DELETE CASCADE,
    role      TEXT    NOT NULL CHECK (role IN ('lead', 'coordinating')),
    position  INTEGER NOT NULL,
    agency_id INTEGER NULL REFERENCES agencies (id),
    name      TEXT    NULL,
    CONSTRAINT ck_plan_task_agencies_reference CHECK ((agency_id IS NULL AND name IS NOT NULL) OR (agency_id IS NOT NULL AND name IS NULL))
);

CREATE INDEX ix_plan_task_agencies_task ON plan_task_agencies (task_id, role, position);
CREATE INDEX ix_plan_task_agencies_agency ON plan_task_agencies (agency_id);

-- One milestone per deadline of a task: a date, within a year (due by its 31 December), or ongoing (thường xuyên).
CREATE TABLE plan_milestones (
    id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    task_id       INTEGER NOT NULL REFERENCES plan_tasks (id),
    position      INTEGER NOT NULL,
    label         TEXT    NULL,
    deadline_kind TEXT    NOT NULL CHECK (deadline_kind IN ('date', 'year', 'ongoing')),
    due_on        TEXT    NULL,
    due_year      INTEGER NULL,
    CONSTRAINT ck_plan_milestones_deadline CHECK (
        (deadline_kind = 'date' AND due_on IS NOT NULL AND due_year IS NULL)
        OR (deadline_kind = 'year' AND due_on IS NULL AND due_year IS NOT NULL)
        OR (deadline_kind = 'ongoing' AND due_on IS NULL AND due_year IS NULL))
);

CREATE INDEX ix_plan_milestones_task ON plan_milestones (task_id, position);

-- Progress is a history: an entry is never changed, a new one supersedes it from its date. No cascade, so that a
-- milestone with progress cannot be deleted by accident. Done needs its evidence: a decision number or a link.
CREATE TABLE milestone_progress (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    milestone_id INTEGER NOT NULL REFERENCES plan_milestones (id),
    progress_on  TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('not-started', 'in-progress', 'done')),
    decision_ref TEXT    NULL,
    link         TEXT    NULL,
    notes        TEXT    NULL,
    recorded_at  TEXT    NOT NULL,
    recorded_by  TEXT    NOT NULL,
    CONSTRAINT ck_milestone_progress_evidence CHECK (status <> 'done' OR decision_ref IS NOT NULL OR link IS NOT NULL)
);

CREATE INDEX ix_milestone_progress_milestone ON milestone_progress (milestone_id, progress_on);
