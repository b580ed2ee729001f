-- Program targets in exact integer hundredths of a per cent, the unit every reduction and share is
-- compared in (target_pct is NUMERIC and may reach SQLite as a floating-point value).
DROP VIEW IF EXISTS target_levels;
CREATE VIEW target_levels AS
SELECT
    t.program_code,
    t.indicator,
    t.year,
    CAST(ROUND(t.target_pct * 100, 0) AS INTEGER) AS target_hundredths,
    t.judged_on,
    t.scope
FROM program_targets t;
