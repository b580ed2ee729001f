-- The integration surface: API keys (stored only as hashes) with the jurisdictions they may write, the
-- change log that is both the change feed and the audit trail, and bulk imports.

CREATE TABLE api_keys (
    id         INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_api_keys PRIMARY KEY,
    name       NVARCHAR(200) NOT NULL,
    role       NVARCHAR(20)  NOT NULL CONSTRAINT ck_api_keys_role CHECK (role IN (N'editor', N'admin')),
    key_prefix NVARCHAR(40)  NOT NULL,
    key_hash   NVARCHAR(100) NOT NULL,
    created_at DATETIME2(7)  NOT NULL,
    revoked_at DATETIME2(7)  NULL,
    CONSTRAINT uq_api_keys_name UNIQUE (name),
    CONSTRAINT uq_api_keys_prefix UNIQUE (key_prefix)
);

CREATE TABLE api_key_jurisdictions (
    key_id            INT          NOT NULL CONSTRAINT fk_api_key_jurisdictions_key REFERENCES api_keys (id) ON DELETE CASCADE,
    jurisdiction_code NVARCHAR(10) NOT NULL CONSTRAINT fk_api_key_jurisdictions_jurisdiction REFERENCES jurisdictions (code),
    CONSTRAINT pk_api_key_jurisdictions PRIMARY KEY (key_id, jurisdiction_code)
);

-- One row per change, written in the transaction of the change. Identity values are handed out at insert,
-- not at commit, so the feed follows row_version and stops below MIN_ACTIVE_ROWVERSION(): a change whose
-- transaction is still open holds back everything after it.
CREATE TABLE changes (
    id                BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_changes PRIMARY KEY,
    row_version       ROWVERSION     NOT NULL,
    entity            NVARCHAR(40)   NOT NULL,
    entity_key        NVARCHAR(200)  NOT NULL,
    action            NVARCHAR(40)   NOT NULL,
    procedure_id      INT            NULL,
    jurisdiction_code NVARCHAR(10)   NULL,
    procedure_code    NVARCHAR(40)   NULL,
    version           INT            NULL,
    key_id            INT            NULL,
    key_name          NVARCHAR(200)  NOT NULL,
    changed_at        DATETIME2(7)   NOT NULL
);

CREATE UNIQUE INDEX ix_changes_row_version ON changes (row_version);
CREATE INDEX ix_changes_procedure ON changes (procedure_id, id);
CREATE INDEX ix_changes_jurisdiction ON changes (jurisdiction_code, row_version);

CREATE TABLE imports (
    id                NVARCHAR(40)  NOT NULL CONSTRAINT pk_imports PRIMARY KEY,
    jurisdiction_code NVARCHAR(10)  NOT NULL CONSTRAINT fk_imports_jurisdiction REFERENCES jurisdictions (code),
    format            NVARCHAR(10)  NOT NULL CONSTRAINT ck_imports_format CHECK (format IN (N'csv', N'xlsx', N'json', N'ndjson')),
    dry_run           BIT           NOT NULL,
    status            NVARCHAR(20)  NOT NULL CONSTRAINT ck_imports_status CHECK (status IN (N'queued', N'running', N'succeeded', N'failed')),
    total_rows        INT           NULL,
    processed_rows    INT           NOT NULL CONSTRAINT df_imports_processed DEFAULT 0,
    created_count     INT           NOT NULL CONSTRAINT df_imports_created DEFAULT 0,
    updated_count     INT           NOT NULL CONSTRAINT df_imports_updated DEFAULT 0,
    unchanged_count   INT           NOT NULL CONSTRAINT df_imports_unchanged DEFAULT 0,
    errors            NVARCHAR(MAX) NULL,
    key_id            INT           NULL,
    key_name          NVARCHAR(200) NOT NULL,
    created_at        DATETIME2(7)  NOT NULL,
    finished_at       DATETIME2(7)  NULL
);
