-- Ids are never handed out twice. Without AUTOINCREMENT, SQLite gives a new row the highest id in the table
-- plus one, so deleting the latest procedure and creating another gave the new one the old id: its audit trail
-- held the deleted one's changes, and an ETag or a stale If-Match read from the deleted one applied to the new one.
-- AUTOINCREMENT keeps the highest id ever given in sqlite_sequence instead. SQL Server's identities never go back,
-- so its twin of this script does nothing.
--
-- SQLite cannot add AUTOINCREMENT to a table, so every table whose ids are exposed or whose rows can be deleted
-- is rebuilt with the same columns in the same order, its rows copied with their ids, and its indexes and
-- triggers re-created. changes already has AUTOINCREMENT (0003); api_key_jurisdictions, procedure_figures and the
-- tables keyed by codes have no ids of their own.
--
-- CatalogMigrator runs migrations with foreign keys off (SQLite cannot switch them inside the transaction DbUp
-- opens for a script): dropping a parent table with them on would delete its rows first and cascade to the children.
-- It checks every foreign key afterwards (PRAGMA foreign_key_check) and refuses to start on a violation.
-- legacy_alter_table keeps RENAME from re-checking views that name a table while it is being rebuilt: views are
-- re-created after the migrations on every deploy anyway (db/sqlite/views), and so are the triggers of the
-- histories that keep procedure_figures (views/0500_procedure_figures.sql).
PRAGMA legacy_alter_table = ON;

CREATE TABLE fields_rebuilt (
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT uq_fields_name UNIQUE (name)
);
INSERT INTO fields_rebuilt (id, name, created_at, updated_at, version)
SELECT id, name, created_at, updated_at, version FROM fields;
DROP TABLE fields;
ALTER TABLE fields_rebuilt RENAME TO fields;

CREATE TABLE agencies_rebuilt (
    id                INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    jurisdiction_code TEXT    NOT NULL REFERENCES jurisdictions (code),
    name              TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT uq_agencies_jurisdiction_name UNIQUE (jurisdiction_code, name)
);
INSERT INTO agencies_rebuilt (id, jurisdiction_code, name, created_at, updated_at, version)
SELECT id, jurisdiction_code, name, created_at, updated_at, version FROM agencies;
DROP TABLE agencies;
ALTER TABLE agencies_rebuilt RENAME TO agencies;

CREATE TABLE procedures_rebuilt (
    id                   INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO procedures_rebuilt (id, jurisdiction_code, code, name, search_text, level, kind, business_related, online_level, full_online_eligible,
    boundary_free, field_id, agency_id, status, abolished_on, last_reviewed_on, created_at, updated_at, version)
SELECT id, jurisdiction_code, code, name, search_text, level, kind, business_related, online_level, full_online_eligible,
    boundary_free, field_id, agency_id, status, abolished_on, last_reviewed_on, created_at, updated_at, version FROM procedures;
-- The search index (0005) holds the rows by id, which the copy keeps; only its triggers go with the old table.
DROP TABLE procedures;
ALTER TABLE procedures_rebuilt RENAME TO procedures;
CREATE INDEX ix_procedures_field ON procedures (field_id);
CREATE INDEX ix_procedures_agency ON procedures (agency_id);

CREATE TRIGGER procedures_search_insert AFTER INSERT ON procedures BEGIN
    INSERT INTO procedure_search (rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TRIGGER procedures_search_delete AFTER DELETE ON procedures BEGIN
    INSERT INTO procedure_search (procedure_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;

CREATE TRIGGER procedures_search_update AFTER UPDATE OF search_text ON procedures BEGIN
    INSERT INTO procedure_search (procedure_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO procedure_search (rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TABLE legal_basis_rebuilt (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    procedure_id INTEGER NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    number       TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    issued_on    TEXT    NULL,
    issuer       TEXT    NULL
);
INSERT INTO legal_basis_rebuilt (id, procedure_id, position, number, title, issued_on, issuer)
SELECT id, procedure_id, position, number, title, issued_on, issuer FROM legal_basis;
DROP TABLE legal_basis;
ALTER TABLE legal_basis_rebuilt RENAME TO legal_basis;
CREATE INDEX ix_legal_basis_procedure ON legal_basis (procedure_id);

CREATE TABLE documents_rebuilt (
    id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO documents_rebuilt (id, procedure_id, position, name, template_name, originals, copies, case_note, provided_once, data_source, created_at, updated_at, version)
SELECT id, procedure_id, position, name, template_name, originals, copies, case_note, provided_once, data_source, created_at, updated_at, version FROM documents;
DROP TABLE documents;
ALTER TABLE documents_rebuilt RENAME TO documents;
CREATE INDEX ix_documents_procedure ON documents (procedure_id);

-- The histories keep the in-force indexes of 0005 and 0006; their procedure_figures triggers come back with the views.
CREATE TABLE time_history_rebuilt (
    id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    procedure_id   INTEGER NOT NULL REFERENCES procedures (id),
    effective_from TEXT    NOT NULL,
    amount         NUMERIC NOT NULL CHECK (amount >= 0),
    unit           TEXT    NOT NULL CHECK (unit IN ('working-days', 'calendar-days', 'hours')),
    decision_ref   TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL
);
INSERT INTO time_history_rebuilt (id, procedure_id, effective_from, amount, unit, decision_ref, recorded_at)
SELECT id, procedure_id, effective_from, amount, unit, decision_ref, recorded_at FROM time_history;
DROP TABLE time_history;
ALTER TABLE time_history_rebuilt RENAME TO time_history;
CREATE INDEX ix_time_history_in_force ON time_history (procedure_id, effective_from, recorded_at, id, amount, unit);

CREATE TABLE cost_history_rebuilt (
    id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    procedure_id    INTEGER NOT NULL REFERENCES procedures (id),
    effective_from  TEXT    NOT NULL,
    fee_vnd         INTEGER NOT NULL CHECK (fee_vnd >= 0),
    other_cost_vnd  INTEGER NOT NULL CHECK (other_cost_vnd >= 0),
    applicant_hours NUMERIC NOT NULL CHECK (applicant_hours >= 0),
    annual_filings  INTEGER NULL CHECK (annual_filings >= 0),
    decision_ref    TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL
);
INSERT INTO cost_history_rebuilt (id, procedure_id, effective_from, fee_vnd, other_cost_vnd, applicant_hours, annual_filings, decision_ref, recorded_at)
SELECT id, procedure_id, effective_from, fee_vnd, other_cost_vnd, applicant_hours, annual_filings, decision_ref, recorded_at FROM cost_history;
DROP TABLE cost_history;
ALTER TABLE cost_history_rebuilt RENAME TO cost_history;
CREATE INDEX ix_cost_history_in_force ON cost_history (procedure_id, effective_from, recorded_at, id);

CREATE TABLE api_keys_rebuilt (
    id         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL,
    role       TEXT    NOT NULL CHECK (role IN ('editor', 'admin')),
    key_prefix TEXT    NOT NULL,
    key_hash   TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    revoked_at TEXT    NULL,
    CONSTRAINT uq_api_keys_name UNIQUE (name),
    CONSTRAINT uq_api_keys_prefix UNIQUE (key_prefix)
);
INSERT INTO api_keys_rebuilt (id, name, role, key_prefix, key_hash, created_at, revoked_at)
SELECT id, name, role, key_prefix, key_hash, created_at, revoked_at FROM api_keys;
DROP TABLE api_keys;
ALTER TABLE api_keys_rebuilt RENAME TO api_keys;

-- The copies started each sequence at the highest id left. An id given out before this migration and deleted since
-- may have been higher: the change log remembers those of procedures, fields, agencies and keys, so none of them
-- comes back either.
INSERT INTO sqlite_sequence (name, seq)
SELECT 'procedures', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'procedures')
UNION ALL SELECT 'fields', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'fields')
UNION ALL SELECT 'agencies', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'agencies')
UNION ALL SELECT 'api_keys', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'api_keys');
UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE((SELECT MAX(procedure_id) FROM changes), 0)) WHERE name = 'procedures';
UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE((SELECT MAX(CAST(entity_key AS INTEGER)) FROM changes WHERE entity = 'field'), 0)) WHERE name = 'fields';
UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE((SELECT MAX(CAST(entity_key AS INTEGER)) FROM changes WHERE entity = 'agency'), 0)) WHERE name = 'agencies';
UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE((SELECT MAX(key_id) FROM changes), 0)) WHERE name = 'api_keys';

PRAGMA legacy_alter_table = OFF;
