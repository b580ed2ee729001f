-- The catalogue: jurisdictions, agencies, fields, procedures with their documents, legal basis and
-- effective-dated history of processing time and cost. Text is NVARCHAR for Vietnamese.

CREATE TABLE jurisdictions (
    code        NVARCHAR(10)  NOT NULL CONSTRAINT pk_jurisdictions PRIMARY KEY,
    name        NVARCHAR(200) NOT NULL,
    level       NVARCHAR(20)  NOT NULL CONSTRAINT ck_jurisdictions_level CHECK (level IN (N'central', N'province')),
    created_at  DATETIME2(7)  NOT NULL,
    updated_at  DATETIME2(7)  NOT NULL,
    version     INT           NOT NULL CONSTRAINT df_jurisdictions_version DEFAULT 1
);

CREATE TABLE fields (
    id          INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_fields PRIMARY KEY,
    name        NVARCHAR(200) NOT NULL,
    created_at  DATETIME2(7)  NOT NULL,
    updated_at  DATETIME2(7)  NOT NULL,
    version     INT           NOT NULL CONSTRAINT df_fields_version DEFAULT 1,
    CONSTRAINT uq_fields_name UNIQUE (name)
);

CREATE TABLE agencies (
    id                INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_agencies PRIMARY KEY,
    jurisdiction_code NVARCHAR(10)  NOT NULL CONSTRAINT fk_agencies_jurisdiction REFERENCES jurisdictions (code),
    name              NVARCHAR(300) NOT NULL,
    created_at        DATETIME2(7)  NOT NULL,
    updated_at        DATETIME2(7)  NOT NULL,
    version           INT           NOT NULL CONSTRAINT df_agencies_version DEFAULT 1,
    CONSTRAINT uq_agencies_jurisdiction_name UNIQUE (jurisdiction_code, name)
);

CREATE TABLE procedures (
    id                   INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_procedures PRIMARY KEY,
    jurisdiction_code    NVARCHAR(10)   NOT NULL CONSTRAINT fk_procedures_jurisdiction REFERENCES jurisdictions (code),
    code                 NVARCHAR(40)   NOT NULL,
    name                 NVARCHAR(1000) NOT NULL,
    search_text          NVARCHAR(1100) NOT NULL,
    level                NVARCHAR(20)   NOT NULL CONSTRAINT ck_procedures_level CHECK (level IN (N'central', N'province', N'district', N'commune')),
    kind                 NVARCHAR(40)   NOT NULL CONSTRAINT ck_procedures_kind CHECK (kind IN (N'external', N'internal-between-agencies', N'internal-within-agency')),
    business_related     BIT            NOT NULL,
    online_level         NVARCHAR(20)   NOT NULL CONSTRAINT ck_procedures_online_level CHECK (online_level IN (N'none', N'partial', N'full')),
    full_online_eligible BIT            NOT NULL,
    boundary_free        BIT            NOT NULL,
    field_id             INT            NOT NULL CONSTRAINT fk_procedures_field REFERENCES fields (id),
    agency_id            INT            NOT NULL CONSTRAINT fk_procedures_agency REFERENCES agencies (id),
    status               NVARCHAR(20)   NOT NULL CONSTRAINT ck_procedures_status CHECK (status IN (N'active', N'abolished')),
    abolished_on         DATE           NULL,
    last_reviewed_on     DATE           NULL,
    created_at           DATETIME2(7)   NOT NULL,
    updated_at           DATETIME2(7)   NOT NULL,
    version              INT            NOT NULL CONSTRAINT df_procedures_version DEFAULT 1,
    CONSTRAINT uq_procedures_jurisdiction_code UNIQUE (jurisdiction_code, code),
    CONSTRAINT ck_procedures_abolished_on CHECK ((status = N'abolished' AND abolished_on IS NOT NULL) OR (status = N'active' AND abolished_on IS NULL))
);

CREATE INDEX ix_procedures_field ON procedures (field_id);
CREATE INDEX ix_procedures_agency ON procedures (agency_id);

CREATE TABLE legal_basis (
    id           INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_legal_basis PRIMARY KEY,
    procedure_id INT            NOT NULL CONSTRAINT fk_legal_basis_procedure REFERENCES procedures (id) ON DELETE CASCADE,
    position     INT            NOT NULL,
    number       NVARCHAR(100)  NOT NULL,
    title        NVARCHAR(1000) NOT NULL,
    issued_on    DATE           NULL,
    issuer       NVARCHAR(300)  NULL
);

CREATE INDEX ix_legal_basis_procedure ON legal_basis (procedure_id);

CREATE TABLE documents (
    id            INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_documents PRIMARY KEY,
    procedure_id  INT            NOT NULL CONSTRAINT fk_documents_procedure REFERENCES procedures (id) ON DELETE CASCADE,
    position      INT            NOT NULL,
    name          NVARCHAR(1000) NOT NULL,
    template_name NVARCHAR(300)  NULL,
    originals     INT            NOT NULL CONSTRAINT ck_documents_originals CHECK (originals >= 0),
    copies        INT            NOT NULL CONSTRAINT ck_documents_copies CHECK (copies >= 0),
    case_note     NVARCHAR(1000) NULL,
    provided_once BIT            NOT NULL,
    data_source   NVARCHAR(300)  NULL,
    created_at    DATETIME2(7)   NOT NULL,
    updated_at    DATETIME2(7)   NOT NULL,
    version       INT            NOT NULL CONSTRAINT df_documents_version DEFAULT 1
);

CREATE INDEX ix_documents_procedure ON documents (procedure_id);

-- History rows are never updated: a change is a new row. No cascade, so that a procedure with
-- history cannot be deleted by accident.
CREATE TABLE time_history (
    id             INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_time_history PRIMARY KEY,
    procedure_id   INT           NOT NULL CONSTRAINT fk_time_history_procedure REFERENCES procedures (id),
    effective_from DATE          NOT NULL,
    amount         DECIMAL(9, 2) NOT NULL CONSTRAINT ck_time_history_amount CHECK (amount >= 0),
    unit           NVARCHAR(20)  NOT NULL CONSTRAINT ck_time_history_unit CHECK (unit IN (N'working-days', N'calendar-days', N'hours')),
    decision_ref   NVARCHAR(100) NOT NULL,
    recorded_at    DATETIME2(7)  NOT NULL
);

CREATE INDEX ix_time_history_procedure ON time_history (procedure_id, effective_from);

CREATE TABLE cost_history (
    id              INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_cost_history PRIMARY KEY,
    procedure_id    INT           NOT NULL CONSTRAINT fk_cost_history_procedure REFERENCES procedures (id),
    effective_from  DATE          NOT NULL,
    fee_vnd         BIGINT        NOT NULL CONSTRAINT ck_cost_history_fee CHECK (fee_vnd >= 0),
    other_cost_vnd  BIGINT        NOT NULL CONSTRAINT ck_cost_history_other CHECK (other_cost_vnd >= 0),
    applicant_hours DECIMAL(9, 2) NOT NULL CONSTRAINT ck_cost_history_hours CHECK (applicant_hours >= 0),
    annual_filings  BIGINT        NULL CONSTRAINT ck_cost_history_filings CHECK (annual_filings >= 0),
    decision_ref    NVARCHAR(100) NOT NULL,
    recorded_at     DATETIME2(7)  NOT NULL
);

CREATE INDEX ix_cost_history_procedure ON cost_history (procedure_id, effective_from);
