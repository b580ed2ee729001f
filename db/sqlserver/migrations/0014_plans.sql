-- Twin of db/sqlite/migrations/0014_plans.sql: the local plans that implement a reduction program (kế hoạch,
-- domain brief section 7), their tasks with lead and coordinating agencies, a milestone per deadline, and each
-- milestone's dated progress. Text is NVARCHAR for Vietnamese.

-- A plan's number and date go together: a plan is known by (jurisdiction, number, date). A copy that has lost
-- both (the sample's Điện Biên Phủ plan) has neither.
CREATE TABLE plans (
    id                INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_plans PRIMARY KEY,
    jurisdiction_code NVARCHAR(10)   NOT NULL CONSTRAINT fk_plans_jurisdiction REFERENCES jurisdictions (code),
    program_code      NVARCHAR(40)   NOT NULL CONSTRAINT fk_plans_program REFERENCES reduction_programs (code),
    number            NVARCHAR(100)  NULL,
    issued_on         DATE           NULL,
    issuer            NVARCHAR(300)  NOT NULL,
    title             NVARCHAR(2000) NOT NULL,
    created_at        DATETIME2(7)   NOT NULL,
    updated_at        DATETIME2(7)   NOT NULL,
    version           INT            NOT NULL CONSTRAINT df_plans_version DEFAULT 1,
    CONSTRAINT ck_plans_number_issued_on CHECK ((number IS NULL AND issued_on IS NULL) OR (number IS NOT NULL AND issued_on IS NOT NULL))
);

CREATE UNIQUE INDEX ux_plans_number ON plans (jurisdiction_code, number, issued_on) WHERE number IS NOT NULL;
CREATE INDEX ix_plans_jurisdiction ON plans (jurisdiction_code);

-- A task's number is the plan's own (8, 8.1 under 8, 2.b.ii); section is the heading it stands under (I, II, …).
CREATE TABLE plan_tasks (
    id              INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_plan_tasks PRIMARY KEY,
    plan_id         INT            NOT NULL CONSTRAINT fk_plan_tasks_plan REFERENCES plans (id),
    number          NVARCHAR(40)   NOT NULL,
    section         NVARCHAR(1000) NULL,
    content         NVARCHAR(4000) NOT NULL,
    expected_output NVARCHAR(4000) NULL,
    deadline_text   NVARCHAR(2000) NULL,
    created_at      DATETIME2(7)   NOT NULL,
    updated_at      DATETIME2(7)   NOT NULL,
    version         INT            NOT NULL CONSTRAINT df_plan_tasks_version DEFAULT 1,
    CONSTRAINT uq_plan_tasks_number UNIQUE (plan_id, number)
);

-- Lead (chủ trì) and coordinating (phối hợp) agencies, in the plan's order: an agency of the catalogue, or the
-- plan's own words where it names a group ("Các sở, ban, ngành thành phố") or an agency the catalogue lacks.
CREATE TABLE plan_task_agencies (
    id        INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_plan_task_agencies PRIMARY KEY,
    task_id   INT           NOT NULL CONSTRAINT fk_plan_task_agencies_task REFERENCES plan_tasks (id) ON DELETE CASCADE,
    role      NVARCHAR(20)  NOT NULL CONSTRAINT ck_plan_task_agencies_role CHECK (role IN (N'lead', N'coordinating')),
    position  INT           NOT NULL,
    agency_id INT           NULL CONSTRAINT fk_plan_task_agencies_agency REFERENCES agencies (id),
    name      NVARCHAR(300) NULL,
    CONSTRAINT ck_plan_task_agencies_reference CHECK ((agency_id IS NULL AND name IS NOT NULL) OR (agency_id IS NOT NULL AND name IS NULL))
);

CREATE INDEX ix_plan_task_agencies_task ON plan_task_agencies (task_id, role, position);
CREATE INDEX ix_plan_task_agencies_agency ON plan_task_agencies (agency_id);

-- One milestone per deadline of a task: a date, within a year (due by its 31 December), or ongoing (thường xuyên).
CREATE TABLE plan_milestones (
    id            INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_plan_milestones PRIMARY KEY,
    task_id       INT           NOT NULL CONSTRAINT fk_plan_milestones_task REFERENCES plan_tasks (id),
    position      INT           NOT NULL,
    label         NVARCHAR(500) NULL,
    deadline_kind NVARCHAR(20)  NOT NULL CONSTRAINT ck_plan_milestones_kind CHECK (deadline_kind IN (N'date', N'year', N'ongoing')),
    due_on        DATE          NULL,
    due_year      INT           NULL,
    CONSTRAINT ck_plan_milestones_deadline CHECK (
        (deadline_kind = N'date' AND due_on IS NOT NULL AND due_year IS NULL)
        OR (deadline_kind = N'year' AND due_on IS NULL AND due_year IS NOT NULL)
        OR (deadline_kind = N'ongoing' AND due_on IS NULL AND due_year IS NULL))
);

CREATE INDEX ix_plan_milestones_task ON plan_milestones (task_id, position);

-- Progress is a history: an entry is never changed, a new one supersedes it from its date. No cascade, so that a
-- milestone with progress cannot be deleted by accident. Done needs its evidence: a decision number or a link.
CREATE TABLE milestone_progress (
    id           INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_milestone_progress PRIMARY KEY,
    milestone_id INT            NOT NULL CONSTRAINT fk_milestone_progress_milestone REFERENCES plan_milestones (id),
    progress_on  DATE           NOT NULL,
    status       NVARCHAR(20)   NOT NULL CONSTRAINT ck_milestone_progress_status CHECK (status IN (N'not-started', N'in-progress', N'done')),
    decision_ref NVARCHAR(100)  NULL,
    link         NVARCHAR(2000) NULL,
    notes        NVARCHAR(4000) NULL,
    recorded_at  DATETIME2(7)   NOT NULL,
    recorded_by  NVARCHAR(200)  NOT NULL,
    CONSTRAINT ck_milestone_progress_evidence CHECK (status <> N'done' OR decision_ref IS NOT NULL OR link IS NOT NULL)
);

CREATE INDEX ix_milestone_progress_milestone ON milestone_progress (milestone_id, progress_on);
