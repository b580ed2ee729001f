-- Every attribute the scoreboard counts has a date (domain brief, section 6). Like time and cost, the attributes of a
-- procedure (kind, business-related, online level, full-online eligibility, boundary-free, and the new technical-
-- regulation flag) and each document's provided-once mark are never overwritten: a change is a new entry in force
-- from its effective_from, published by a decision, recorded at and by; the value on D is the entry with the latest
-- effective_from on or before D, ties to the one recorded last (then the highest id). Reviews become dated events
-- (procedure_reviews) instead of one last_reviewed_on.
--
-- What the catalogue held before these histories is in force from the beginning: every procedure's values and every
-- document's mark become one entry each from 0001-01-01, recorded when the row was last written, by the service, and
-- a last_reviewed_on becomes one review on that date. So every figure of today's catalogue stays what it was, for any
-- date. The columns of procedures keep the latest value of each attribute (the one from its last effective date on),
-- kept by the triggers of views/0100_history_windows.sql; nothing reads a value on a date from them.

CREATE TABLE attribute_history (
    id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    procedure_id   INTEGER NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
    attribute      TEXT    NOT NULL CHECK (attribute IN ('kind', 'business-related', 'online-level', 'full-online-eligible', 'boundary-free', 'technical-regulation')),
    value          TEXT    NOT NULL,
    effective_from TEXT    NOT NULL,
    decision_ref   TEXT    NULL,
    recorded_at    TEXT    NOT NULL,
    recorded_by    TEXT    NOT NULL,
    CONSTRAINT ck_attribute_history_value CHECK (
        (attribute = 'kind' AND value IN ('external', 'internal-between-agencies', 'internal-within-agency'))
        OR (attribute = 'online-level' AND value IN ('none', 'partial', 'full'))
        OR (attribute IN ('business-related', 'full-online-eligible', 'boundary-free', 'technical-regulation') AND value IN ('true', 'false')))
);

CREATE INDEX ix_attribute_history_in_force ON attribute_history (procedure_id, attribute, effective_from, recorded_at, id);

-- procedure_id repeats the document's, so that a procedure's marks are found at once (its documents go with it).
CREATE TABLE provided_once_history (
    id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    procedure_id   INTEGER NOT NULL,
    provided_once  INTEGER NOT NULL CHECK (provided_once IN (0, 1)),
    effective_from TEXT    NOT NULL,
    decision_ref   TEXT    NULL,
    recorded_at    TEXT    NOT NULL,
    recorded_by    TEXT    NOT NULL
);

CREATE INDEX ix_provided_once_history_in_force ON provided_once_history (procedure_id, document_id, effective_from, recorded_at, id);
CREATE INDEX ix_provided_once_history_document ON provided_once_history (document_id);

CREATE TABLE procedure_reviews (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    procedure_id INTEGER NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
    reviewed_on  TEXT    NOT NULL,
    decision_ref TEXT    NULL,
    note         TEXT    NULL,
    recorded_at  TEXT    NOT NULL,
    recorded_by  TEXT    NOT NULL
);

CREATE INDEX ix_procedure_reviews_procedure ON procedure_reviews (procedure_id, reviewed_on);

-- Procedures set by technical regulations and mandatory standards (the 2026 indicator technical-regulation-reviewed).
ALTER TABLE procedures ADD COLUMN technical_regulation INTEGER NOT NULL DEFAULT 0 CHECK (technical_regulation IN (0, 1));

INSERT INTO attribute_history (procedure_id, attribute, value, effective_from, decision_ref, recorded_at, recorded_by)
SELECT p.id, a.attribute,
       CASE a.attribute
           WHEN 'kind' THEN p.kind
           WHEN 'online-level' THEN p.online_level
           WHEN 'business-related' THEN CASE WHEN p.business_related = 1 THEN 'true' ELSE 'false' END
           WHEN 'full-online-eligible' THEN CASE WHEN p.full_online_eligible = 1 THEN 'true' ELSE 'false' END
           WHEN 'boundary-free' THEN CASE WHEN p.boundary_free = 1 THEN 'true' ELSE 'false' END
           ELSE CASE WHEN p.technical_regulation = 1 THEN 'true' ELSE 'false' END
       END,
       '0001-01-01', NULL, p.updated_at, 'service'
FROM procedures p
CROSS JOIN (
    SELECT 'kind' AS attribute UNION ALL SELECT 'business-related' UNION ALL SELECT 'online-level'
    UNION ALL SELECT 'full-online-eligible' UNION ALL SELECT 'boundary-free' UNION ALL SELECT 'technical-regulation'
) a
ORDER BY p.id, a.attribute;

INSERT INTO provided_once_history (document_id, procedure_id, provided_once, effective_from, decision_ref, recorded_at, recorded_by)
SELECT d.id, d.procedure_id, d.provided_once, '0001-01-01', NULL, d.updated_at, 'service'
FROM documents d
ORDER BY d.id;

INSERT INTO procedure_reviews (procedure_id, reviewed_on, decision_ref, note, recorded_at, recorded_by)
SELECT p.id, p.last_reviewed_on, NULL, NULL, p.updated_at, 'service'
FROM procedures p
WHERE p.last_reviewed_on IS NOT NULL
ORDER BY p.id;

-- The two 2026 indicators of section 6 join the list of indicators. A CHECK cannot be changed in place in SQLite: the
-- targets are rebuilt with the same columns (the same rebuild as migration 0013's, which then finds both indicators
-- allowed). Views are re-created after the migrations on every deploy (legacy_alter_table keeps RENAME from
-- re-checking those that name the table meanwhile).
PRAGMA legacy_alter_table = ON;

CREATE TABLE program_targets_rebuilt (
    program_code TEXT    NOT NULL REFERENCES reduction_programs (code),
    indicator    TEXT    NOT NULL CHECK (indicator IN ('time-reduction', 'cost-reduction', 'business-online', 'boundary-free', 'internal-reviewed', 'documents-provided-once', 'full-online-of-eligible', 'internal-electronic', 'technical-regulation-reviewed', 'business-reporting-electronic')),
    year         INTEGER NOT NULL,
    target_pct   NUMERIC NOT NULL CHECK (target_pct >= 0 AND target_pct <= 100),
    judged_on    TEXT    NOT NULL,
    scope        TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT pk_program_targets PRIMARY KEY (program_code, indicator, year)
);
INSERT INTO program_targets_rebuilt (program_code, indicator, year, target_pct, judged_on, scope, created_at, updated_at, version)
SELECT program_code, indicator, year, target_pct, judged_on, scope, created_at, updated_at, version FROM program_targets;
DROP TABLE program_targets;
ALTER TABLE program_targets_rebuilt RENAME TO program_targets;

PRAGMA legacy_alter_table = OFF;

INSERT INTO program_targets (program_code, indicator, year, target_pct, judged_on, scope, created_at, updated_at, version)
SELECT 'resolution-66', 'technical-regulation-reviewed', 2026, 100, '2026-12-31',
       'Active procedures set by technical regulations and mandatory standards reviewed, cut and simplified within the year',
       '2025-03-26 00:00:00', '2025-03-26 00:00:00', 1
WHERE EXISTS (SELECT 1 FROM reduction_programs WHERE code = 'resolution-66')
  AND NOT EXISTS (SELECT 1 FROM program_targets WHERE program_code = 'resolution-66' AND indicator = 'technical-regulation-reviewed' AND year = 2026);
