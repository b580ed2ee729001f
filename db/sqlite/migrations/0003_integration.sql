-- The integration surface: API keys (stored only as hashes) with the jurisdictions they may write, the
-- change log that is both the change feed and the audit trail, and bulk imports.

CREATE TABLE api_keys (
    id         INTEGER NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL,
    role       TEXT    NOT NULL CHECK (role IN ('editor', 'admin')),
    key_prefix TEXT    NOT NULL,
    key_hash   TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    revoked_at TEXT    NULL,
    CONSTRAINT uq_api_keys_name UNIQUE (name),
    CONSTRAINT uq_api_keys_prefix UNIQUE (key_prefix)
);

CREATE TABLE api_key_jurisdictions (
    key_id            INTEGER NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    jurisdiction_code TEXT    NOT NULL REFERENCES jurisdictions (code),
    CONSTRAINT pk_api_key_jurisdictions PRIMARY KEY (key_id, jurisdiction_code)
);

-- One row per change, written in the transaction of the change. SQLite has one writer at a time, so ids
-- are handed out in commit order and the feed can follow them.
CREATE TABLE changes (
    id                INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    entity            TEXT    NOT NULL,
    entity_key        TEXT    NOT NULL,
    action            TEXT    NOT NULL,
    procedure_id      INTEGER NULL,
    jurisdiction_code TEXT    NULL,
    procedure_code    TEXT    NULL,
    version           INTEGER NULL,
    key_id            INTEGER NULL,
    key_name          TEXT    NOT NULL,
    changed_at        TEXT    NOT NULL
);

CREATE INDEX ix_changes_procedure ON changes (procedure_id, id);
CREATE INDEX ix_changes_jurisdiction ON changes (jurisdiction_code, id);

CREATE TABLE imports (
    id                TEXT    NOT NULL PRIMARY KEY,
    jurisdiction_code TEXT    NOT NULL REFERENCES jurisdictions (code),
    format            TEXT    NOT NULL CHECK (format IN ('csv', 'xlsx', 'json', 'ndjson')),
    dry_run           INTEGER NOT NULL CHECK (dry_run IN (0, 1)),
    status            TEXT    NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    total_rows        INTEGER NULL,
    processed_rows    INTEGER NOT NULL DEFAULT 0,
    created_count     INTEGER NOT NULL DEFAULT 0,
    updated_count     INTEGER NOT NULL DEFAULT 0,
    unchanged_count   INTEGER NOT NULL DEFAULT 0,
    errors            TEXT    NULL,
    key_id            INTEGER NULL,
    key_name          TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    finished_at       TEXT    NULL
);
