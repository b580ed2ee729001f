-- Coverage indicators (shares, domain brief sections 4 and 6), counted from the values in force on D: per program
-- year and elementary window of a procedure (migration 0012, as reduction_windows of migration 0018 keeps it in the
-- order of jurisdictions), whether the procedure (or how many of its documents)
-- is in each indicator's denominator and numerator, 0/1 (documents: counts). Only what is active in the window counts
-- (not abolished on or before its start); internal-reviewed and technical-regulation-reviewed count a procedure reviewed
-- on a date within the program year and not after D. The caller keeps the rows whose window holds D, adds the columns
-- up and takes share = numerator / denominator of each indicator (src/ProcedureCatalog.Api/Reports/CoverageQueries.cs).
DROP VIEW IF EXISTS coverage_facts;
GO

CREATE OR ALTER VIEW coverage_windows AS
SELECT
    w.program_code, w.year, w.procedure_id, w.jurisdiction_code, w.valid_from, w.valid_to,
    w.is_external_business AS business_online_denominator,
    CASE WHEN w.is_external_business = 1 AND w.online_level IN (N'partial', N'full') THEN 1 ELSE 0 END AS business_online_numerator,
    w.is_external AS boundary_free_denominator,
    CASE WHEN w.is_external = 1 AND w.boundary_free = 1 THEN 1 ELSE 0 END AS boundary_free_numerator,
    w.is_internal AS internal_reviewed_denominator,
    CASE WHEN w.is_internal = 1 AND w.reviewed_in_year = 1 THEN 1 ELSE 0 END AS internal_reviewed_numerator,
    CASE WHEN w.is_external_business = 1 THEN w.documents ELSE 0 END AS documents_provided_once_denominator,
    CASE WHEN w.is_external_business = 1 THEN w.documents_provided_once ELSE 0 END AS documents_provided_once_numerator,
    w.is_eligible AS full_online_of_eligible_denominator,
    CASE WHEN w.is_eligible = 1 AND w.online_level = N'full' THEN 1 ELSE 0 END AS full_online_of_eligible_numerator,
    w.is_internal AS internal_electronic_denominator,
    CASE WHEN w.is_internal = 1 AND w.online_level = N'full' THEN 1 ELSE 0 END AS internal_electronic_numerator,
    w.is_technical AS technical_regulation_reviewed_denominator,
    CASE WHEN w.is_technical = 1 AND w.reviewed_in_year = 1 THEN 1 ELSE 0 END AS technical_regulation_reviewed_numerator
FROM (
    -- what each window is in a program year: active (not abolished on or before its start), of which kind on its dates,
    -- and reviewed within the year and not after its start (reviews cut the windows: not after any of its dates). The
    -- latest review on or before the window says it, unless it is after the year: then an earlier one in the year may.
    SELECT
        y.program_code, y.year, v.procedure_id, v.jurisdiction_code, v.valid_from, v.valid_to, v.online_level, v.boundary_free, v.documents, v.documents_provided_once,
        CASE WHEN v.is_abolished = 0 AND v.kind = N'external' AND v.business_related = 1 THEN 1 ELSE 0 END AS is_external_business,
        CASE WHEN v.is_abolished = 0 AND v.kind = N'external' THEN 1 ELSE 0 END AS is_external,
        CASE WHEN v.is_abolished = 0 AND v.kind IN (N'internal-between-agencies', N'internal-within-agency') THEN 1 ELSE 0 END AS is_internal,
        CASE WHEN v.is_abolished = 0 AND v.full_online_eligible = 1 THEN 1 ELSE 0 END AS is_eligible,
        CASE WHEN v.is_abolished = 0 AND v.technical_regulation = 1 THEN 1 ELSE 0 END AS is_technical,
        CASE WHEN v.last_reviewed_on >= y.year_start
                  AND (v.last_reviewed_on <= y.year_end
                       OR EXISTS (SELECT 1 FROM procedure_reviews r
                                  WHERE r.procedure_id = v.procedure_id AND r.reviewed_on >= y.year_start AND r.reviewed_on <= y.year_end))
             THEN 1 ELSE 0 END AS reviewed_in_year
    FROM reduction_windows v
    INNER JOIN (
        SELECT DISTINCT t.program_code, t.year, DATEFROMPARTS(t.year, 1, 1) AS year_start, DATEFROMPARTS(t.year, 12, 31) AS year_end
        FROM program_targets t
    ) y ON y.program_code = v.program_code
) w;
GO
