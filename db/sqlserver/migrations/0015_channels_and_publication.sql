-- Twin of db/sqlite/migrations/0015_channels_and_publication.sql: the channels of a procedure with their own
-- effective-dated processing time and fee, and the published fields (who may file, the result, the conditions, the
-- steps, the agencies that decide, receive and coordinate, the national procedure a local one implements). The
-- procedure-level histories stay the figures the reduction reports measure (views/0700_channels.sql).

-- A channel (cách thức thực hiện) a procedure is offered through, once per procedure.
CREATE TABLE procedure_channels (
    procedure_id INT            NOT NULL CONSTRAINT fk_procedure_channels_procedure REFERENCES procedures (id) ON DELETE CASCADE,
    channel      NVARCHAR(20)   NOT NULL CONSTRAINT ck_procedure_channels_channel CHECK (channel IN (N'in-person', N'online', N'post')),
    description  NVARCHAR(2000) NULL,
    CONSTRAINT pk_procedure_channels PRIMARY KEY (procedure_id, channel)
);

-- A channel's histories, never updated: a change is a new row. No cascade, so that a channel (and its procedure)
-- with history cannot be removed by accident.
CREATE TABLE channel_time_history (
    id             INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_channel_time_history PRIMARY KEY,
    procedure_id   INT           NOT NULL,
    channel        NVARCHAR(20)  NOT NULL,
    effective_from DATE          NOT NULL,
    amount         DECIMAL(9, 2) NOT NULL CONSTRAINT ck_channel_time_history_amount CHECK (amount >= 0),
    unit           NVARCHAR(20)  NOT NULL CONSTRAINT ck_channel_time_history_unit CHECK (unit IN (N'working-days', N'calendar-days', N'hours')),
    decision_ref   NVARCHAR(100) NOT NULL,
    recorded_at    DATETIME2(7)  NOT NULL,
    CONSTRAINT fk_channel_time_history_channel FOREIGN KEY (procedure_id, channel) REFERENCES procedure_channels (procedure_id, channel)
);

CREATE INDEX ix_channel_time_history_in_force ON channel_time_history (procedure_id, channel, effective_from, recorded_at, id);

CREATE TABLE channel_fee_history (
    id             INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_channel_fee_history PRIMARY KEY,
    procedure_id   INT           NOT NULL,
    channel        NVARCHAR(20)  NOT NULL,
    effective_from DATE          NOT NULL,
    fee_vnd        BIGINT        NOT NULL CONSTRAINT ck_channel_fee_history_fee CHECK (fee_vnd >= 0),
    decision_ref   NVARCHAR(100) NOT NULL,
    recorded_at    DATETIME2(7)  NOT NULL,
    CONSTRAINT fk_channel_fee_history_channel FOREIGN KEY (procedure_id, channel) REFERENCES procedure_channels (procedure_id, channel)
);

CREATE INDEX ix_channel_fee_history_in_force ON channel_fee_history (procedure_id, channel, effective_from, recorded_at, id);

-- The windows of dates of each channel entry, per measure ('time' in 1/5600 working day, 'fee' in hundredths of
-- a đồng), derived like time_windows and cost_windows (migration 0010) by the triggers of views/0700_channels.sql.
CREATE TABLE channel_windows (
    procedure_id INT          NOT NULL,
    channel      NVARCHAR(20) NOT NULL,
    measure      NVARCHAR(10) NOT NULL CONSTRAINT ck_channel_windows_measure CHECK (measure IN (N'time', N'fee')),
    valid_from   DATE         NOT NULL,
    valid_to     DATE         NULL,
    entry_id     INT          NULL,
    value        BIGINT       NULL,
    CONSTRAINT pk_channel_windows PRIMARY KEY (procedure_id, channel, measure, valid_from),
    CONSTRAINT fk_channel_windows_channel FOREIGN KEY (procedure_id, channel) REFERENCES procedure_channels (procedure_id, channel) ON DELETE CASCADE
);

-- The published fields of one value each; implements_id is the national procedure a local one implements.
CREATE TABLE procedure_publications (
    procedure_id       INT            NOT NULL CONSTRAINT pk_procedure_publications PRIMARY KEY
                                      CONSTRAINT fk_procedure_publications_procedure REFERENCES procedures (id) ON DELETE CASCADE,
    result_name        NVARCHAR(1000) NULL,
    result_form        NVARCHAR(300)  NULL,
    deciding_agency_id INT            NULL CONSTRAINT fk_procedure_publications_deciding_agency REFERENCES agencies (id),
    implements_id      INT            NULL CONSTRAINT fk_procedure_publications_implements REFERENCES procedures (id)
);

CREATE INDEX ix_procedure_publications_implements ON procedure_publications (implements_id);

-- Who may file (đối tượng thực hiện), from the national database's fixed list.
CREATE TABLE procedure_applicant_types (
    procedure_id   INT          NOT NULL CONSTRAINT fk_procedure_applicant_types_procedure REFERENCES procedures (id) ON DELETE CASCADE,
    applicant_type NVARCHAR(40) NOT NULL CONSTRAINT ck_procedure_applicant_types_type CHECK (applicant_type IN (N'citizens', N'overseas-vietnamese',
                                N'foreigners', N'public-servants', N'businesses', N'foreign-invested-businesses', N'organisations', N'foreign-organisations',
                                N'cooperatives')),
    CONSTRAINT pk_procedure_applicant_types PRIMARY KEY (procedure_id, applicant_type)
);

-- The conditions (yêu cầu, điều kiện) and the steps (trình tự thực hiện), each an ordered list of texts.
CREATE TABLE procedure_texts (
    procedure_id INT            NOT NULL CONSTRAINT fk_procedure_texts_procedure REFERENCES procedures (id) ON DELETE CASCADE,
    list         NVARCHAR(20)   NOT NULL CONSTRAINT ck_procedure_texts_list CHECK (list IN (N'condition', N'step')),
    position     INT            NOT NULL,
    text         NVARCHAR(2000) NOT NULL,
    CONSTRAINT pk_procedure_texts PRIMARY KEY (procedure_id, list, position)
);

-- The agencies that receive the filing (cơ quan tiếp nhận) and that coordinate (cơ quan phối hợp), in order.
CREATE TABLE procedure_agency_roles (
    procedure_id INT          NOT NULL CONSTRAINT fk_procedure_agency_roles_procedure REFERENCES procedures (id) ON DELETE CASCADE,
    role         NVARCHAR(20) NOT NULL CONSTRAINT ck_procedure_agency_roles_role CHECK (role IN (N'receiving', N'coordinating')),
    position     INT          NOT NULL,
    agency_id    INT          NOT NULL CONSTRAINT fk_procedure_agency_roles_agency REFERENCES agencies (id),
    CONSTRAINT pk_procedure_agency_roles PRIMARY KEY (procedure_id, role, position)
);

CREATE INDEX ix_procedure_agency_roles_agency ON procedure_agency_roles (agency_id);
GO

-- Search covers the result and the conditions too (Procedures/SearchText.cs): the folded text outgrows the
-- 1,100 characters of a code and a name.
ALTER TABLE procedures ALTER COLUMN search_text NVARCHAR(MAX) NOT NULL;
GO
