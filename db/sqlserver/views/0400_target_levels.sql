-- Program targets in exact integer hundredths of a per cent, the unit every reduction and share is
-- compared in.
CREATE OR ALTER VIEW target_levels AS
SELECT
    t.program_code,
    t.indicator,
    t.year,
    CAST(ROUND(t.target_pct * 100, 0) AS BIGINT) AS target_hundredths,
    t.judged_on,
    t.scope
FROM program_targets t;
GO
