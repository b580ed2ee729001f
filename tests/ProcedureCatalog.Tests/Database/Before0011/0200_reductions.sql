-- Reduction of processing time and compliance cost against a program's baseline (domain brief, section 4),
-- per (program, procedure) and window of dates: B, C and the reduction, with the abolition rule and the
-- tariff applied. The reports only pick the window that holds @AsOf, filter, add up and apply the group
-- formula to the sums (src/ProcedureCatalog.Api/Reports).
--
-- Everything that feeds a percentage is an exact integer (never floating point), so that SQLite and SQL
-- Server give identical results:
--   * time is counted in units of 1/5600 working day (time_in_force.units, views/0100).
--   * cost is counted in hundredths of a đồng: money_centi + hours_hundredths x the hourly tariff.
--   * a reduction is in hundredths of a per cent: 10000 x (B - C) / B rounded half away from zero, as
--     (20000 x (B - C) + sign(B - C) x B) / (2 x B) with integer division truncating toward zero.
--
-- The views tile the whole date line for every (program, procedure): for any date D exactly one row per
-- (program, procedure) has valid_from <= D AND (valid_to IS NULL OR valid_to > D). The windows of the value in
-- force are cut at abolition; from the day of abolition on the burden is gone (C = 0, is_abolished = 1), for
-- cost too whether or not the jurisdiction has a tariff. The baseline is the value in force on the program's
-- baseline date; a procedure abolished on or before that date has none (NULL), like one with no entry yet.
-- The procedure's own columns are carried under their names in procedures, so that the reports filter the
-- views as they filter procedures.
DROP VIEW IF EXISTS time_reduction_windows;
DROP VIEW IF EXISTS cost_reduction_windows;
DROP VIEW IF EXISTS time_normalised;
DROP VIEW IF EXISTS cost_normalised;
DROP VIEW IF EXISTS time_entry_units;
DROP VIEW IF EXISTS cost_entry_amounts;

DROP VIEW IF EXISTS time_reductions;
CREATE VIEW time_reductions AS
SELECT
    r.program_code, r.id, r.jurisdiction_code, r.code, r.name, r.level, r.kind, r.business_related, r.online_level,
    r.full_online_eligible, r.boundary_free, r.field_id, r.agency_id, r.status, r.search_text,
    r.valid_from, r.valid_to, r.is_abolished, r.baseline_value, r.current_value,
    CASE
        WHEN r.baseline_value IS NULL OR r.baseline_value = 0 OR r.current_value IS NULL THEN NULL
        ELSE (20000 * (r.baseline_value - r.current_value)
              + CASE
                    WHEN r.baseline_value > r.current_value THEN r.baseline_value
                    WHEN r.baseline_value < r.current_value THEN -r.baseline_value
                    ELSE 0
                END)
             / (2 * r.baseline_value)
    END AS reduction_hundredths
FROM (
    SELECT
        rp.code AS program_code,
        p.id, p.jurisdiction_code, p.code, p.name, p.level, p.kind, p.business_related, p.online_level,
        p.full_online_eligible, p.boundary_free, p.field_id, p.agency_id, p.status, p.search_text,
        CASE WHEN k.abolished = 1 THEN p.abolished_on ELSE COALESCE(w.valid_from, '0001-01-01') END AS valid_from,
        CASE
            WHEN k.abolished = 1 THEN NULL
            WHEN p.abolished_on IS NOT NULL AND (w.valid_to IS NULL OR w.valid_to > p.abolished_on) THEN p.abolished_on
            ELSE w.valid_to
        END AS valid_to,
        k.abolished AS is_abolished,
        b.units AS baseline_value,
        CASE WHEN k.abolished = 1 THEN 0 ELSE w.units END AS current_value
    FROM reduction_programs rp
    CROSS JOIN procedures p
    LEFT JOIN time_in_force b
        ON b.procedure_id = p.id
       AND b.valid_from <= rp.baseline_date AND (b.valid_to IS NULL OR b.valid_to > rp.baseline_date)
       AND (p.abolished_on IS NULL OR p.abolished_on > rp.baseline_date)
    LEFT JOIN time_in_force w
        ON w.procedure_id = p.id
    -- each window once, and once more from the day of abolition on for the window that holds that day
    INNER JOIN (SELECT 0 AS abolished UNION ALL SELECT 1) k
        ON k.abolished = 0 OR p.abolished_on IS NOT NULL
    WHERE (k.abolished = 0 AND (p.abolished_on IS NULL OR COALESCE(w.valid_from, '0001-01-01') < p.abolished_on))
       OR (k.abolished = 1 AND p.abolished_on IS NOT NULL
           AND (w.procedure_id IS NULL OR (w.valid_from <= p.abolished_on AND (w.valid_to IS NULL OR w.valid_to > p.abolished_on))))
) r;

-- The tariff is the one of the procedure's jurisdiction for the year of the program's baseline date; a cost
-- is NULL when that tariff is missing (the reports answer 422 naming it), except the 0 of an abolished one.
DROP VIEW IF EXISTS cost_reductions;
CREATE VIEW cost_reductions AS
SELECT
    r.program_code, r.id, r.jurisdiction_code, r.code, r.name, r.level, r.kind, r.business_related, r.online_level,
    r.full_online_eligible, r.boundary_free, r.field_id, r.agency_id, r.status, r.search_text,
    r.valid_from, r.valid_to, r.is_abolished, r.hourly_tariff_vnd, r.baseline_value, r.current_value,
    CASE
        WHEN r.baseline_value IS NULL OR r.baseline_value = 0 OR r.current_value IS NULL THEN NULL
        ELSE (20000 * (r.baseline_value - r.current_value)
              + CASE
                    WHEN r.baseline_value > r.current_value THEN r.baseline_value
                    WHEN r.baseline_value < r.current_value THEN -r.baseline_value
                    ELSE 0
                END)
             / (2 * r.baseline_value)
    END AS reduction_hundredths,
    r.baseline_annual_filings, r.current_annual_filings,
    r.baseline_value * r.baseline_annual_filings AS baseline_yearly_centi,
    r.current_value * r.current_annual_filings AS current_yearly_centi
FROM (
    SELECT
        rp.code AS program_code,
        p.id, p.jurisdiction_code, p.code, p.name, p.level, p.kind, p.business_related, p.online_level,
        p.full_online_eligible, p.boundary_free, p.field_id, p.agency_id, p.status, p.search_text,
        CASE WHEN k.abolished = 1 THEN p.abolished_on ELSE COALESCE(w.valid_from, '0001-01-01') END AS valid_from,
        CASE
            WHEN k.abolished = 1 THEN NULL
            WHEN p.abolished_on IS NOT NULL AND (w.valid_to IS NULL OR w.valid_to > p.abolished_on) THEN p.abolished_on
            ELSE w.valid_to
        END AS valid_to,
        k.abolished AS is_abolished,
        ht.hourly_tariff_vnd,
        b.money_centi + b.hours_hundredths * ht.hourly_tariff_vnd AS baseline_value,
        CASE WHEN k.abolished = 1 THEN 0 ELSE w.money_centi + w.hours_hundredths * ht.hourly_tariff_vnd END AS current_value,
        b.annual_filings AS baseline_annual_filings,
        CASE WHEN k.abolished = 1 THEN 0 ELSE w.annual_filings END AS current_annual_filings
    FROM reduction_programs rp
    CROSS JOIN procedures p
    LEFT JOIN hourly_tariffs ht
        ON ht.jurisdiction_code = p.jurisdiction_code
       AND ht.year = CAST(strftime('%Y', rp.baseline_date) AS INTEGER)
    LEFT JOIN cost_in_force b
        ON b.procedure_id = p.id
       AND b.valid_from <= rp.baseline_date AND (b.valid_to IS NULL OR b.valid_to > rp.baseline_date)
       AND (p.abolished_on IS NULL OR p.abolished_on > rp.baseline_date)
    LEFT JOIN cost_in_force w
        ON w.procedure_id = p.id
    -- each window once, and once more from the day of abolition on for the window that holds that day
    INNER JOIN (SELECT 0 AS abolished UNION ALL SELECT 1) k
        ON k.abolished = 0 OR p.abolished_on IS NOT NULL
    WHERE (k.abolished = 0 AND (p.abolished_on IS NULL OR COALESCE(w.valid_from, '0001-01-01') < p.abolished_on))
       OR (k.abolished = 1 AND p.abolished_on IS NOT NULL
           AND (w.procedure_id IS NULL OR (w.valid_from <= p.abolished_on AND (w.valid_to IS NULL OR w.valid_to > p.abolished_on))))
) r;
