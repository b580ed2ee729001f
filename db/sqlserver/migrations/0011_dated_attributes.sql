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
    id             INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_attribute_history PRIMARY KEY,
    procedure_id   INT           NOT NULL CONSTRAINT fk_attribute_history_procedure REFERENCES procedures (id) ON DELETE CASCADE,
    attribute      NVARCHAR(40)  NOT NULL CONSTRAINT ck_attribute_history_attribute CHECK (attribute IN (N'kind', N'business-related', N'online-level', N'full-online-eligible', N'boundary-free', N'technical-regulation')),
    value          NVARCHAR(40)  NOT NULL,
    effective_from DATE          NOT NULL,
    decision_ref   NVARCHAR(100) NULL,
    recorded_at    DATETIME2(7)  NOT NULL,
    recorded_by    NVARCHAR(200) NOT NULL,
    CONSTRAINT ck_attribute_history_value CHECK (
        (attribute = N'kind' AND value IN (N'external', N'internal-between-agencies', N'internal-within-agency'))
        OR (attribute = N'online-level' AND value IN (N'none', N'partial', N'full'))
        OR (attribute IN (N'business-related', N'full-online-eligible', N'boundary-free', N'technical-regulation') AND value IN (N'true', N'false')))
);

CREATE INDEX ix_attribute_history_in_force ON attribute_history (procedure_id, attribute, effective_from, recorded_at, id);

-- procedure_id repeats the document's, so that a procedure's marks are found at once; SQL Server allows one cascade path
-- from a procedure, through its documents.
CREATE TABLE provided_once_history (
    id             INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_provided_once_history PRIMARY KEY,
    document_id    INT           NOT NULL CONSTRAINT fk_provided_once_history_document REFERENCES documents (id) ON DELETE CASCADE,
    procedure_id   INT           NOT NULL,
    provided_once  BIT           NOT NULL,
    effective_from DATE          NOT NULL,
    decision_ref   NVARCHAR(100) NULL,
    recorded_at    DATETIME2(7)  NOT NULL,
    recorded_by    NVARCHAR(200) NOT NULL
);

CREATE INDEX ix_provided_once_history_in_force ON provided_once_history (procedure_id, document_id, effective_from, recorded_at, id);
CREATE INDEX ix_provided_once_history_document ON provided_once_history (document_id);

CREATE TABLE procedure_reviews (
    id           INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_procedure_reviews PRIMARY KEY,
    procedure_id INT            NOT NULL CONSTRAINT fk_procedure_reviews_procedure REFERENCES procedures (id) ON DELETE CASCADE,
    reviewed_on  DATE           NOT NULL,
    decision_ref NVARCHAR(100)  NULL,
    note         NVARCHAR(2000) NULL,
    recorded_at  DATETIME2(7)   NOT NULL,
    recorded_by  NVARCHAR(200)  NOT NULL
);

CREATE INDEX ix_procedure_reviews_procedure ON procedure_reviews (procedure_id, reviewed_on);

-- Procedures set by technical regulations and mandatory standards (the 2026 indicator technical-regulation-reviewed).
ALTER TABLE procedures ADD technical_regulation BIT NOT NULL CONSTRAINT df_procedures_technical_regulation DEFAULT 0;
GO

INSERT INTO attribute_history (procedure_id, attribute, value, effective_from, decision_ref, recorded_at, recorded_by)
SELECT p.id, a.attribute,
       CASE a.attribute
           WHEN N'kind' THEN p.kind
           WHEN N'online-level' THEN p.online_level
           WHEN N'business-related' THEN CASE WHEN p.business_related = 1 THEN N'true' ELSE N'false' END
           WHEN N'full-online-eligible' THEN CASE WHEN p.full_online_eligible = 1 THEN N'true' ELSE N'false' END
           WHEN N'boundary-free' THEN CASE WHEN p.boundary_free = 1 THEN N'true' ELSE N'false' END
           ELSE CASE WHEN p.technical_regulation = 1 THEN N'true' ELSE N'false' END
       END,
       CAST('0001-01-01' AS DATE), NULL, p.updated_at, N'service'
FROM procedures p
CROSS JOIN (VALUES (N'kind'), (N'business-related'), (N'online-level'), (N'full-online-eligible'), (N'boundary-free'), (N'technical-regulation')) a (attribute)
ORDER BY p.id, a.attribute;

INSERT INTO provided_once_history (document_id, procedure_id, provided_once, effective_from, decision_ref, recorded_at, recorded_by)
SELECT d.id, d.procedure_id, d.provided_once, CAST('0001-01-01' AS DATE), NULL, d.updated_at, N'service'
FROM documents d
ORDER BY d.id;

INSERT INTO procedure_reviews (procedure_id, reviewed_on, decision_ref, note, recorded_at, recorded_by)
SELECT p.id, p.last_reviewed_on, NULL, NULL, p.updated_at, N'service'
FROM procedures p
WHERE p.last_reviewed_on IS NOT NULL
ORDER BY p.id;

-- The two 2026 indicators of section 6 join the list of indicators (the same constraint as migration 0013's).
ALTER TABLE program_targets DROP CONSTRAINT ck_program_targets_indicator;

ALTER TABLE program_targets ADD CONSTRAINT ck_program_targets_indicator CHECK (indicator IN (N'time-reduction', N'cost-reduction', N'business-online', N'boundary-free', N'internal-reviewed', N'documents-provided-once', N'full-online-of-eligible', N'internal-electronic', N'technical-regulation-reviewed', N'business-reporting-electronic'));

INSERT INTO program_targets (program_code, indicator, year, target_pct, judged_on, scope, created_at, updated_at, version)
SELECT N'resolution-66', N'technical-regulation-reviewed', 2026, 100, CAST('2026-12-31' AS DATE),
       N'Active procedures set by technical regulations and mandatory standards reviewed, cut and simplified within the year',
       CAST('2025-03-26T00:00:00' AS DATETIME2(7)), CAST('2025-03-26T00:00:00' AS DATETIME2(7)), 1
WHERE EXISTS (SELECT 1 FROM reduction_programs WHERE code = N'resolution-66')
  AND NOT EXISTS (SELECT 1 FROM program_targets WHERE program_code = N'resolution-66' AND indicator = N'technical-regulation-reviewed' AND year = 2026);
GO
