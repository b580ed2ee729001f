-- Coverage indicators (shares): one row per (program target of a coverage indicator, item of that
-- indicator's denominator), with in_numerator 0/1 (INT, so it can be summed). Items are procedures, or
-- documents for documents-provided-once (document_id set, NULL otherwise). The caller keeps the items
-- active on D with abolished_on IS NULL OR abolished_on > D, then share = SUM(in_numerator) / COUNT(*).
CREATE OR ALTER VIEW coverage_facts AS
SELECT
    t.program_code,
    t.year,
    t.indicator,
    p.jurisdiction_code,
    p.id AS procedure_id,
    CAST(NULL AS INT) AS document_id,
    p.abolished_on,
    CASE
        WHEN t.indicator = N'business-online' AND p.online_level IN (N'partial', N'full') THEN 1
        WHEN t.indicator = N'boundary-free' AND p.boundary_free = 1 THEN 1
        WHEN t.indicator = N'internal-reviewed' AND YEAR(p.last_reviewed_on) = t.year THEN 1
        WHEN t.indicator = N'full-online-of-eligible' AND p.online_level = N'full' THEN 1
        WHEN t.indicator = N'internal-electronic' AND p.online_level = N'full' THEN 1
        ELSE 0
    END AS in_numerator
FROM program_targets t
INNER JOIN procedures p
    ON (t.indicator = N'business-online' AND p.kind = N'external' AND p.business_related = 1)
    OR (t.indicator = N'boundary-free' AND p.kind = N'external')
    OR (t.indicator = N'internal-reviewed' AND p.kind IN (N'internal-between-agencies', N'internal-within-agency'))
    OR (t.indicator = N'full-online-of-eligible' AND p.full_online_eligible = 1)
    OR (t.indicator = N'internal-electronic' AND p.kind IN (N'internal-between-agencies', N'internal-within-agency'))
WHERE t.indicator IN (N'business-online', N'boundary-free', N'internal-reviewed', N'full-online-of-eligible', N'internal-electronic')
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
    ON p.kind = N'external' AND p.business_related = 1
INNER JOIN documents d
    ON d.procedure_id = p.id
WHERE t.indicator = N'documents-provided-once';
GO
