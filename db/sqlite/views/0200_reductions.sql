-- Reduction of processing time and compliance cost against a program's baseline (domain brief, section 4), per
-- (program, procedure) and elementary window of dates (migration 0012): B, C and the reduction of both measures, with
-- the abolition rule and the tariff applied. The reports only pick the window that holds @AsOf, filter, add up and
-- apply the group formula to the sums (src/ProcedureCatalog.Api/Reports).
--
-- Everything that feeds a percentage is an exact integer (never floating point), so that SQLite and SQL Server give
-- identical results:
--   * time is counted in units of 1/5600 working day (procedure_windows.time_units, views/0100).
--   * cost is counted in hundredths of a đồng: money_centi + hours_hundredths x the hourly tariff.
--   * a reduction is in hundredths of a per cent: 10000 x (B - C) / B rounded half away from zero, as
--     (20000 x (B - C) + sign(B - C) x B) / (2 x B) with integer division truncating toward zero.
--
-- The windows tile the whole date line for every (program, procedure): for any date D exactly one row per (program,
-- procedure) has valid_from <= D AND (valid_to IS NULL OR valid_to > D). From the day of abolition on the burden is
-- gone (C = 0, is_abolished = 1), for cost too whether or not the jurisdiction has a tariff. The baseline is the value
-- in force on the program's baseline date (procedure_baselines); a procedure abolished on or before that date has none
-- (NULL), like one with nothing in force then. The procedure's columns are carried under their names in procedures,
-- the dated ones (kind, business_related, online_level, ...) as in force in the window, so that the reports filter the
-- views as the procedure list filters procedures on a date.
DROP VIEW IF EXISTS time_reduction_windows;
DROP VIEW IF EXISTS cost_reduction_windows;
DROP VIEW IF EXISTS time_normalised;
DROP VIEW IF EXISTS cost_normalised;
DROP VIEW IF EXISTS time_entry_units;
DROP VIEW IF EXISTS cost_entry_amounts;

DROP VIEW IF EXISTS procedure_reductions_computed;
CREATE VIEW procedure_reductions_computed AS
SELECT
    r.program_code, r.id, r.jurisdiction_code, r.level, r.kind, r.business_related, r.online_level,
    r.full_online_eligible, r.boundary_free, r.technical_regulation, r.field_id, r.agency_id, r.status,
    r.valid_from, r.valid_to, r.is_abolished, r.last_reviewed_on, r.documents, r.documents_provided_once,
    r.time_baseline, r.time_current,
    CASE
        WHEN r.time_baseline IS NULL OR r.time_baseline = 0 OR r.time_current IS NULL THEN NULL
        ELSE (20000 * (r.time_baseline - r.time_current)
              + CASE WHEN r.time_baseline > r.time_current THEN r.time_baseline WHEN r.time_baseline < r.time_current THEN -r.time_baseline ELSE 0 END)
             / (2 * r.time_baseline)
    END AS time_reduction_hundredths,
    r.hourly_tariff_vnd, r.cost_baseline, r.cost_current,
    CASE
        WHEN r.cost_baseline IS NULL OR r.cost_baseline = 0 OR r.cost_current IS NULL THEN NULL
        ELSE (20000 * (r.cost_baseline - r.cost_current)
              + CASE WHEN r.cost_baseline > r.cost_current THEN r.cost_baseline WHEN r.cost_baseline < r.cost_current THEN -r.cost_baseline ELSE 0 END)
             / (2 * r.cost_baseline)
    END AS cost_reduction_hundredths,
    r.baseline_annual_filings, r.current_annual_filings,
    r.cost_baseline * r.baseline_annual_filings AS baseline_yearly_centi,
    r.cost_current * r.current_annual_filings AS current_yearly_centi
FROM (
    SELECT
        b.program_code,
        w.procedure_id AS id, w.jurisdiction_code,
        w.level, w.kind, w.business_related, w.online_level, w.full_online_eligible, w.boundary_free, w.technical_regulation, w.field_id, w.agency_id, w.status,
        w.valid_from, w.valid_to, w.is_abolished, w.last_reviewed_on, w.documents, w.documents_provided_once,
        b.time_units AS time_baseline,
        CASE WHEN w.is_abolished = 1 THEN 0 ELSE w.time_units END AS time_current,
        b.hourly_tariff_vnd,
        b.cost_centi AS cost_baseline,
        CASE WHEN w.is_abolished = 1 THEN 0 ELSE w.money_centi + w.hours_hundredths * b.hourly_tariff_vnd END AS cost_current,
        b.annual_filings AS baseline_annual_filings,
        CASE WHEN w.is_abolished = 1 THEN 0 ELSE w.annual_filings END AS current_annual_filings
    FROM procedure_windows w
    INNER JOIN procedure_baselines b ON b.procedure_id = w.procedure_id
) r;

-- What every report reads: the rows of procedure_reductions_computed as reduction_windows keeps them (migration 0018,
-- derived by the refreshes of views/0100), with the procedure's code, name and search text.
DROP VIEW IF EXISTS procedure_reductions;
CREATE VIEW procedure_reductions AS
SELECT
    r.program_code, r.procedure_id AS id, r.jurisdiction_code,
    -- names and search text only where a report asks for them: a subquery in the select list costs nothing unused
    (SELECT pr.code FROM procedures pr WHERE pr.id = r.procedure_id) AS code,
    (SELECT pr.name FROM procedures pr WHERE pr.id = r.procedure_id) AS name,
    r.level, r.kind, r.business_related, r.online_level, r.full_online_eligible, r.boundary_free, r.technical_regulation, r.field_id, r.agency_id, r.status,
    (SELECT pr.search_text FROM procedures pr WHERE pr.id = r.procedure_id) AS search_text,
    r.valid_from, r.valid_to, r.is_abolished,
    r.time_baseline, r.time_current, r.time_reduction_hundredths,
    r.hourly_tariff_vnd, r.cost_baseline, r.cost_current, r.cost_reduction_hundredths,
    r.baseline_annual_filings, r.current_annual_filings, r.baseline_yearly_centi, r.current_yearly_centi
FROM reduction_windows r;


-- Each measure on its own, under the names the per-procedure reports and the laggards read.
DROP VIEW IF EXISTS time_reductions;
CREATE VIEW time_reductions AS
SELECT
    r.program_code, r.id, r.jurisdiction_code, r.code, r.name, r.level, r.kind, r.business_related, r.online_level,
    r.full_online_eligible, r.boundary_free, r.technical_regulation, r.field_id, r.agency_id, r.status, r.search_text,
    r.valid_from, r.valid_to, r.is_abolished,
    r.time_baseline AS baseline_value, r.time_current AS current_value, r.time_reduction_hundredths AS reduction_hundredths
FROM procedure_reductions r;

-- The tariff is the one of the procedure's jurisdiction for the year of the program's baseline date; a cost is NULL
-- when that tariff is missing (the reports answer 422 naming it), except the 0 of an abolished one.
DROP VIEW IF EXISTS cost_reductions;
CREATE VIEW cost_reductions AS
SELECT
    r.program_code, r.id, r.jurisdiction_code, r.code, r.name, r.level, r.kind, r.business_related, r.online_level,
    r.full_online_eligible, r.boundary_free, r.technical_regulation, r.field_id, r.agency_id, r.status, r.search_text,
    r.valid_from, r.valid_to, r.is_abolished, r.hourly_tariff_vnd,
    r.cost_baseline AS baseline_value, r.cost_current AS current_value, r.cost_reduction_hundredths AS reduction_hundredths,
    r.baseline_annual_filings, r.current_annual_filings, r.baseline_yearly_centi, r.current_yearly_centi
FROM procedure_reductions r;
