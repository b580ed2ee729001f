-- Coverage indicators (shares): one row per (program target of a coverage indicator, item of that
-- indicator's denominator), with in_numerator 0/1. Items are procedures, or documents for
-- documents-provided-once (document_id set, NULL otherwise). The caller keeps the items active on D with
-- abolished_on IS NULL OR abolished_on > D, then share = SUM(in_numerator) / COUNT(*).
DROP VIEW IF EXISTS coverage_facts;
CREATE VIEW coverage_facts AS
SELECT
    t.program_code,
    t.year,
    t.indicator,
    p.jurisdiction_code,
    p.id AS procedure_id,
    NULL AS document_id,
    p.abolished_on,
    CASE
        WHEN t.indicator = 'business-online' AND p.online_level IN ('partial', 'full') THEN 1
        WHEN t.indicator = 'boundary-free' AND p.boundary_free = 1 THEN 1
        WHEN t.indicator = 'internal-reviewed' AND CAST(strftime('%Y', p.last_reviewed_on) AS INTEGER) = t.year THEN 1
        WHEN t.indicator = 'full-online-of-eligible' AND p.online_level = 'full' THEN 1
        WHEN t.indicator = 'internal-electronic' AND p.online_level = 'full' THEN 1
        ELSE 0
    END AS in_numerator
FROM program_targets t
INNER JOIN procedures p
    ON (t.indicator = 'business-online' AND p.kind = 'external' AND p.business_related = 1)
    OR (t.indicator = 'boundary-free' AND p.kind = 'external')
    OR (t.indicator = 'internal-reviewed' AND p.kind IN ('internal-between-agencies', 'internal-within-agency'))
    OR (t.indicator = 'full-online-of-eligible' AND p.full_online_eligible = 1)
    OR (t.indicator = 'internal-electronic' AND p.kind IN ('internal-between-agencies', 'internal-within-agency'))
WHERE t.indicator IN ('business-online', 'boundary-free', 'internal-reviewed', 'full-online-of-eligible', 'internal-electronic')
UNION ALL
SELECT
    t.program_code,
    t.year,
    t.indicator,
    p.jurisdiction_code,
    p.id AS procedure_id,
    d.id AS document_id,
    p.abolished_on,
    CASE WHEN d.provided_once = 1 THEN 1 ELSE 0 END AS in_numerator
FROM program_targets t
INNER JOIN procedures p
    ON p.kind = 'external' AND p.business_related = 1
INNER JOIN documents d
    ON d.procedure_id = p.id
WHERE t.indicator = 'documents-provided-once';
