-- The catalogue: jurisdictions, agencies, fields, procedures with their documents, legal basis and
-- effective-dated history of processing time and cost. Dates are ISO text (YYYY-MM-DD) so that they
-- compare as dates; timestamps are UTC ISO text.

CREATE TABLE jurisdictions (
    code        TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    level       TEXT    NOT NULL CHECK (level IN ('central', 'province')),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE fields (
    id          INTEGER NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT uq_fields_name UNIQUE (name)
);

CREATE TABLE agencies (
    id                INTEGER NOT NULL PRIMARY KEY,
    jurisdiction_code TEXT    NOT NULL REFERENCES jurisdictions (code),
    name              TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT uq_agencies_jurisdiction_name UNIQUE (jurisdiction_code, name)
);

CREATE TABLE procedures (
    id                   INTEGER NOT NULL PRIMARY KEY,
    jurisdiction_code    TEXT    NOT NULL REFERENCES jurisdictions (code),
    code                 TEXT    NOT NULL,
    name                 TEXT    NOT NULL,
    search_text          TEXT    NOT NULL,
    level                TEXT    NOT NULL CHECK (level IN ('central', 'province', 'district', 'commune')),
    kind                 TEXT    NOT NULL CHECK (kind IN ('external', 'internal-between-agencies', 'internal-within-agency')),
    business_related     INTEGER NOT NULL CHECK (business_related IN (0, 1)),
    online_level         TEXT    NOT NULL CHECK (online_level IN ('none', 'partial', 'full')),
    full_online_eligible INTEGER NOT NULL CHECK (full_online_eligible IN (0, 1)),
    boundary_free        INTEGER NOT NULL CHECK (boundary_free IN (0, 1)),
    field_id             INTEGER NOT NULL REFERENCES fields (id),
    agency_id            INTEGER NOT NULL REFERENCES agencies (id),
    status               TEXT    NOT NULL CHECK (status IN ('active', 'abolished')),
    abolished_on         TEXT    NULL,
    last_reviewed_on     TEXT    NULL,
    created_at           TEXT    NOT NULL,
    updated_at           TEXT    NOT NULL,
    version              INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT uq_procedures_jurisdiction_code UNIQUE (jurisdiction_code, code),
    CONSTRAINT ck_procedures_abolished_on CHECK ((status = 'abolished' AND abolished_on IS NOT NULL) OR (status = 'active' AND abolished_on IS NULL))
);

CREATE INDEX ix_procedures_field ON procedures (field_id);
CREATE INDEX ix_procedures_agency ON procedures (agency_id);

CREATE TABLE legal_basis (
    id           INTEGER NOT NULL PRIMARY KEY,
    procedure_id INTEGER NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    number       TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    issued_on    TEXT    NULL,
    issuer       TEXT    NULL
);

CREATE INDEX ix_legal_basis_procedure ON legal_basis (procedure_id);

CREATE TABLE documents (
    id            INTEGER NOT NULL PRIMARY KEY,
    procedure_id  INTEGER NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    template_name TEXT    NULL,
    originals     INTEGER NOT NULL CHECK (originals >= 0),
    copies        INTEGER NOT NULL CHECK (copies >= 0),
    case_note     TEXT    NULL,
    provided_once INTEGER NOT NULL CHECK (provided_once IN (0, 1)),
    data_source   TEXT    NULL,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX ix_documents_procedure ON documents (procedure_id);

-- History rows are never updated: a change is a new row. No cascade, so that a procedure with
-- history cannot be deleted by accident.
CREATE TABLE time_history (
    id             INTEGER NOT NULL PRIMARY KEY,
    procedure_id   INTEGER NOT NULL REFERENCES procedures (id),
    effective_from TEXT    NOT NULL,
    amount         NUMERIC NOT NULL CHECK (amount >= 0),
    unit           TEXT    NOT NULL CHECK (unit IN ('working-days', 'calendar-days', 'hours')),
    decision_ref   TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL
);

CREATE INDEX ix_time_history_procedure ON time_history (procedure_id, effective_from);

CREATE TABLE cost_history (
    id              INTEGER NOT NULL PRIMARY KEY,
    procedure_id    INTEGER NOT NULL REFERENCES procedures (id),
    effective_from  TEXT    NOT NULL,
    fee_vnd         INTEGER NOT NULL CHECK (fee_vnd >= 0),
    other_cost_vnd  INTEGER NOT NULL CHECK (other_cost_vnd >= 0),
    applicant_hours NUMERIC NOT NULL CHECK (applicant_hours >= 0),
    annual_filings  INTEGER NULL CHECK (annual_filings >= 0),
    decision_ref    TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL
);

CREATE INDEX ix_cost_history_procedure ON cost_history (procedure_id, effective_from);
