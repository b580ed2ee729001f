-- The procedure as the national database publishes it (domain brief, section 8): the channels it is offered
-- through, each with its own effective-dated processing time and fee, and the published fields (who may file,
-- the result, the conditions, the steps, the agencies that decide, receive and coordinate, and the national
-- procedure a local one implements). The procedure-level histories (time_history, cost_history) stay the
-- figures the reduction reports measure; a channel's own history is what a one-stop system shows for that way
-- of filing, and what a report measures when it is asked for one channel (views/0700_channels.sql).

-- A channel (cách thức thực hiện) a procedure is offered through, once per procedure.
CREATE TABLE procedure_channels (
    procedure_id INTEGER NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
    channel      TEXT    NOT NULL CHECK (channel IN ('in-person', 'online', 'post')),
    description  TEXT    NULL,
    CONSTRAINT pk_procedure_channels PRIMARY KEY (procedure_id, channel)
) WITHOUT ROWID;

-- A channel's histories, never updated: a change is a new row, as in time_history and cost_history. No cascade,
-- so that a channel (and its procedure) with history cannot be removed by accident.
CREATE TABLE channel_time_history (
    id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    procedure_id   INTEGER NOT NULL,
    channel        TEXT    NOT NULL,
    effective_from TEXT    NOT NULL,
    amount         NUMERIC NOT NULL CHECK (amount >= 0),
    unit           TEXT    NOT NULL CHECK (unit IN ('working-days', 'calendar-days', 'hours')),
    decision_ref   TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    CONSTRAINT fk_channel_time_history_channel FOREIGN KEY (procedure_id, channel) REFERENCES procedure_channels (procedure_id, channel)
);

CREATE INDEX ix_channel_time_history_in_force ON channel_time_history (procedure_id, channel, effective_from, recorded_at, id);

CREATE TABLE channel_fee_history (
    id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    procedure_id   INTEGER NOT NULL,
    channel        TEXT    NOT NULL,
    effective_from TEXT    NOT NULL,
    fee_vnd        INTEGER NOT NULL CHECK (fee_vnd >= 0),
    decision_ref   TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    CONSTRAINT fk_channel_fee_history_channel FOREIGN KEY (procedure_id, channel) REFERENCES procedure_channels (procedure_id, channel)
);

CREATE INDEX ix_channel_fee_history_in_force ON channel_fee_history (procedure_id, channel, effective_from, recorded_at, id);

-- The windows of dates of each channel entry, per measure ('time' in 1/5600 working day, 'fee' in hundredths of
-- a đồng), derived like time_windows and cost_windows (migration 0010) by the triggers of views/0700_channels.sql,
-- never written by the service.
CREATE TABLE channel_windows (
    procedure_id INTEGER NOT NULL,
    channel      TEXT    NOT NULL,
    measure      TEXT    NOT NULL CHECK (measure IN ('time', 'fee')),
    valid_from   TEXT    NOT NULL,
    valid_to     TEXT    NULL,
    entry_id     INTEGER NULL,
    value        INTEGER NULL,
    CONSTRAINT pk_channel_windows PRIMARY KEY (procedure_id, channel, measure, valid_from),
    CONSTRAINT fk_channel_windows_channel FOREIGN KEY (procedure_id, channel) REFERENCES procedure_channels (procedure_id, channel) ON DELETE CASCADE
) WITHOUT ROWID;

-- The published fields of one value each. implements_id: the national procedure (of a central jurisdiction) a
-- local one implements; no cascade, so that a national procedure a local one implements is not deleted unseen.
CREATE TABLE procedure_publications (
    procedure_id       INTEGER NOT NULL PRIMARY KEY REFERENCES procedures (id) ON DELETE CASCADE,
    result_name        TEXT    NULL,
    result_form        TEXT    NULL,
    deciding_agency_id INTEGER NULL REFERENCES agencies (id),
    implements_id      INTEGER NULL REFERENCES procedures (id)
);

CREATE INDEX ix_procedure_publications_implements ON procedure_publications (implements_id);

-- Who may file (đối tượng thực hiện), from the national database's fixed list.
CREATE TABLE procedure_applicant_types (
    procedure_id   INTEGER NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
    applicant_type TEXT    NOT NULL CHECK (applicant_type IN ('citizens', 'overseas-vietnamese', 'foreigners', 'public-servants', 'businesses',
                                                              'foreign-invested-businesses', 'organisations', 'foreign-organisations', 'cooperatives')),
    CONSTRAINT pk_procedure_applicant_types PRIMARY KEY (procedure_id, applicant_type)
) WITHOUT ROWID;

-- The conditions (yêu cầu, điều kiện) and the steps (trình tự thực hiện), each an ordered list of texts.
CREATE TABLE procedure_texts (
    procedure_id INTEGER NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
    list         TEXT    NOT NULL CHECK (list IN ('condition', 'step')),
    position     INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    CONSTRAINT pk_procedure_texts PRIMARY KEY (procedure_id, list, position)
) WITHOUT ROWID;

-- The agencies that receive the filing (cơ quan tiếp nhận) and that coordinate (cơ quan phối hợp), in order.
CREATE TABLE procedure_agency_roles (
    procedure_id INTEGER NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
    role         TEXT    NOT NULL CHECK (role IN ('receiving', 'coordinating')),
    position     INTEGER NOT NULL,
    agency_id    INTEGER NOT NULL REFERENCES agencies (id),
    CONSTRAINT pk_procedure_agency_roles PRIMARY KEY (procedure_id, role, position)
) WITHOUT ROWID;

CREATE INDEX ix_procedure_agency_roles_agency ON procedure_agency_roles (agency_id);
