-- Reduction of processing time and compliance cost against a program's baseline, as windows of dates.
--
-- Everything that feeds a percentage is an exact integer (never floating point), so that SQLite and SQL
-- Server give identical results:
--   * time is counted in units of 1/5600 working day: hundredths of the amount x 56 (working-days),
--     x 40 (calendar-days: x 5/7) or x 7 (hours: / 8). 5600 units = 1 working day.
--   * cost is counted in hundredths of a đồng (cost_centi).
--   * a reduction is in hundredths of a per cent: 10000 x (B - C) / B rounded half away from zero, as
--     (20000 x (B - C) + sign(B - C) x B) / (2 x B) with integer division truncating toward zero.
--
-- The *_reduction_windows views tile the whole date line for every (program, procedure): for any date D
-- exactly one row per (program, procedure) has valid_from <= D AND (valid_until IS NULL OR valid_until > D).
-- The baseline is the value in force on the program's baseline date; a procedure abolished on or before
-- that date has nothing in force then, so no baseline (NULL), like a procedure with no entry yet.

-- One row per history entry with its value in exact integers. The reports look up the entry in force on a
-- date through these (one index seek per procedure); the window views below reuse them.
DROP VIEW IF EXISTS time_entry_units;
CREATE VIEW time_entry_units AS
SELECT
    h.id AS entry_id,
    h.procedure_id,
    h.effective_from,
    h.recorded_at,
    CAST(ROUND(h.amount * 100) AS INTEGER)
        * CASE h.unit WHEN 'working-days' THEN 56 WHEN 'calendar-days' THEN 40 WHEN 'hours' THEN 7 END AS units
FROM time_history h;

-- One row per cost entry with the applicant's hours in exact hundredths. The compliance cost of an entry
-- is fee_vnd * 100 + other_cost_vnd * 100 + hours_hundredths * hourly tariff, in hundredths of a đồng
-- (cost_normalised below, and the reports' in-force lookups, which price entries with the same expression).
DROP VIEW IF EXISTS cost_entry_amounts;
CREATE VIEW cost_entry_amounts AS
SELECT
    h.id AS entry_id,
    h.procedure_id,
    h.effective_from,
    h.recorded_at,
    h.fee_vnd,
    h.other_cost_vnd,
    CAST(ROUND(h.applicant_hours * 100) AS INTEGER) AS hours_hundredths,
    h.annual_filings
FROM cost_history h;

DROP VIEW IF EXISTS time_normalised;
CREATE VIEW time_normalised AS
SELECT
    s.entry_id,
    s.procedure_id,
    s.effective_from,
    s.effective_until,
    s.amount,
    s.unit,
    u.units
FROM time_stretches s
INNER JOIN time_entry_units u
    ON u.entry_id = s.entry_id;

-- One row per (program, cost stretch). The tariff is the one of the procedure's jurisdiction for the year
-- of the program's baseline date; cost_centi is NULL when that tariff is missing.
DROP VIEW IF EXISTS cost_normalised;
CREATE VIEW cost_normalised AS
SELECT
    rp.code AS program_code,
    s.entry_id,
    s.procedure_id,
    s.effective_from,
    s.effective_until,
    s.fee_vnd,
    s.other_cost_vnd,
    s.applicant_hours,
    s.annual_filings,
    ht.hourly_tariff_vnd,
    a.fee_vnd * 100 + a.other_cost_vnd * 100 + a.hours_hundredths * ht.hourly_tariff_vnd AS cost_centi
FROM reduction_programs rp
CROSS JOIN cost_stretches s
INNER JOIN cost_entry_amounts a
    ON a.entry_id = s.entry_id
INNER JOIN procedures p
    ON p.id = s.procedure_id
LEFT JOIN hourly_tariffs ht
    ON ht.jurisdiction_code = p.jurisdiction_code
   AND ht.year = CAST(strftime('%Y', rp.baseline_date) AS INTEGER);

DROP VIEW IF EXISTS time_reduction_windows;
CREATE VIEW time_reduction_windows AS
WITH subjects AS (
    SELECT
        rp.code AS program_code,
        p.id AS procedure_id,
        p.jurisdiction_code,
        p.abolished_on,
        (SELECT MIN(h.effective_from) FROM time_history h WHERE h.procedure_id = p.id) AS first_from,
        b.units AS baseline_units
    FROM reduction_programs rp
    CROSS JOIN procedures p
    LEFT JOIN time_normalised b
        ON b.procedure_id = p.id
       AND b.effective_from <= rp.baseline_date
       AND (b.effective_until IS NULL OR b.effective_until > rp.baseline_date)
       AND (p.abolished_on IS NULL OR p.abolished_on > rp.baseline_date)
),
windows AS (
    -- (i) before the first entry (or before abolition, if earlier): nothing in force
    SELECT
        s.program_code,
        s.procedure_id,
        s.jurisdiction_code,
        '0001-01-01' AS valid_from,
        CASE
            WHEN s.first_from IS NULL THEN s.abolished_on
            WHEN s.abolished_on IS NOT NULL AND s.abolished_on < s.first_from THEN s.abolished_on
            ELSE s.first_from
        END AS valid_until,
        s.baseline_units,
        NULL AS current_units,
        0 AS is_abolished
    FROM subjects s
    UNION ALL
    -- (ii) each stretch, clipped at abolition
    SELECT
        s.program_code,
        s.procedure_id,
        s.jurisdiction_code,
        t.effective_from,
        CASE
            WHEN s.abolished_on IS NOT NULL AND (t.effective_until IS NULL OR t.effective_until > s.abolished_on) THEN s.abolished_on
            ELSE t.effective_until
        END,
        s.baseline_units,
        t.units,
        0
    FROM subjects s
    INNER JOIN time_normalised t
        ON t.procedure_id = s.procedure_id
    WHERE s.abolished_on IS NULL OR t.effective_from < s.abolished_on
    UNION ALL
    -- (iii) from abolition on: burden gone
    SELECT
        s.program_code,
        s.procedure_id,
        s.jurisdiction_code,
        s.abolished_on,
        NULL,
        s.baseline_units,
        0,
        1
    FROM subjects s
    WHERE s.abolished_on IS NOT NULL
)
SELECT
    w.program_code,
    w.procedure_id,
    w.jurisdiction_code,
    w.valid_from,
    w.valid_until,
    w.baseline_units,
    w.current_units,
    w.is_abolished,
    CASE
        WHEN w.baseline_units IS NULL OR w.baseline_units = 0 OR w.current_units IS NULL THEN NULL
        ELSE (20000 * (w.baseline_units - w.current_units)
              + CASE
                    WHEN w.baseline_units > w.current_units THEN w.baseline_units
                    WHEN w.baseline_units < w.current_units THEN -w.baseline_units
                    ELSE 0
                END)
             / (2 * w.baseline_units)
    END AS reduction_hundredths
FROM windows w
WHERE w.valid_until IS NULL OR w.valid_until > w.valid_from;

DROP VIEW IF EXISTS cost_reduction_windows;
CREATE VIEW cost_reduction_windows AS
WITH subjects AS (
    SELECT
        rp.code AS program_code,
        p.id AS procedure_id,
        p.jurisdiction_code,
        p.abolished_on,
        (SELECT MIN(h.effective_from) FROM cost_history h WHERE h.procedure_id = p.id) AS first_from,
        CASE WHEN ht.hourly_tariff_vnd IS NULL THEN 1 ELSE 0 END AS tariff_missing,
        b.cost_centi AS baseline_cost_centi,
        b.annual_filings AS baseline_annual_filings
    FROM reduction_programs rp
    CROSS JOIN procedures p
    LEFT JOIN hourly_tariffs ht
        ON ht.jurisdiction_code = p.jurisdiction_code
       AND ht.year = CAST(strftime('%Y', rp.baseline_date) AS INTEGER)
    LEFT JOIN cost_normalised b
        ON b.program_code = rp.code
       AND b.procedure_id = p.id
       AND b.effective_from <= rp.baseline_date
       AND (b.effective_until IS NULL OR b.effective_until > rp.baseline_date)
       AND (p.abolished_on IS NULL OR p.abolished_on > rp.baseline_date)
),
windows AS (
    -- (i) before the first entry (or before abolition, if earlier): nothing in force
    SELECT
        s.program_code,
        s.procedure_id,
        s.jurisdiction_code,
        '0001-01-01' AS valid_from,
        CASE
            WHEN s.first_from IS NULL THEN s.abolished_on
            WHEN s.abolished_on IS NOT NULL AND s.abolished_on < s.first_from THEN s.abolished_on
            ELSE s.first_from
        END AS valid_until,
        s.baseline_cost_centi,
        NULL AS current_cost_centi,
        s.baseline_annual_filings,
        NULL AS current_annual_filings,
        s.tariff_missing,
        0 AS is_abolished
    FROM subjects s
    UNION ALL
    -- (ii) each stretch, clipped at abolition
    SELECT
        s.program_code,
        s.procedure_id,
        s.jurisdiction_code,
        c.effective_from,
        CASE
            WHEN s.abolished_on IS NOT NULL AND (c.effective_until IS NULL OR c.effective_until > s.abolished_on) THEN s.abolished_on
            ELSE c.effective_until
        END,
        s.baseline_cost_centi,
        c.cost_centi,
        s.baseline_annual_filings,
        c.annual_filings,
        s.tariff_missing,
        0
    FROM subjects s
    INNER JOIN cost_normalised c
        ON c.program_code = s.program_code
       AND c.procedure_id = s.procedure_id
    WHERE s.abolished_on IS NULL OR c.effective_from < s.abolished_on
    UNION ALL
    -- (iii) from abolition on: burden gone, cost 0 whether or not the jurisdiction has a tariff (domain brief,
    -- section 4); only the baseline needs the tariff
    SELECT
        s.program_code,
        s.procedure_id,
        s.jurisdiction_code,
        s.abolished_on,
        NULL,
        s.baseline_cost_centi,
        0,
        s.baseline_annual_filings,
        0,
        s.tariff_missing,
        1
    FROM subjects s
    WHERE s.abolished_on IS NOT NULL
)
SELECT
    w.program_code,
    w.procedure_id,
    w.jurisdiction_code,
    w.valid_from,
    w.valid_until,
    w.baseline_cost_centi,
    w.current_cost_centi,
    w.baseline_annual_filings,
    w.current_annual_filings,
    w.tariff_missing,
    w.is_abolished,
    CASE
        WHEN w.baseline_cost_centi IS NULL OR w.baseline_cost_centi = 0 OR w.current_cost_centi IS NULL THEN NULL
        ELSE (20000 * (w.baseline_cost_centi - w.current_cost_centi)
              + CASE
                    WHEN w.baseline_cost_centi > w.current_cost_centi THEN w.baseline_cost_centi
                    WHEN w.baseline_cost_centi < w.current_cost_centi THEN -w.baseline_cost_centi
                    ELSE 0
                END)
             / (2 * w.baseline_cost_centi)
    END AS reduction_hundredths
FROM windows w
WHERE w.valid_until IS NULL OR w.valid_until > w.valid_from;
