-- Twin of db/sqlite/views/0700_channels.sql: each channel's value in force on D (the windows of migration 0015,
-- derived here and re-derived by the triggers below in the transaction of every change of a channel's history),
-- one channel's time and fee reductions with the rules of views/0200_reductions.sql, and local against national.
CREATE OR ALTER VIEW channel_windows_computed AS
SELECT s.procedure_id, s.channel, s.measure, s.valid_from, s.valid_to, s.entry_id, s.value
FROM (
    SELECT
        h.procedure_id,
        h.channel,
        CAST(N'time' AS NVARCHAR(10)) AS measure,
        h.effective_from AS valid_from,
        LEAD(h.effective_from) OVER (PARTITION BY h.procedure_id, h.channel ORDER BY h.effective_from, h.recorded_at, h.id) AS valid_to,
        h.id AS entry_id,
        CAST(h.amount * 100 AS BIGINT)
            * CASE h.unit WHEN N'working-days' THEN CAST(56 AS BIGINT) WHEN N'calendar-days' THEN CAST(40 AS BIGINT) WHEN N'hours' THEN CAST(7 AS BIGINT) END AS value
    FROM channel_time_history h
) s
WHERE s.valid_to IS NULL OR s.valid_to > s.valid_from
UNION ALL
SELECT s.procedure_id, s.channel, s.measure, s.valid_from, s.valid_to, s.entry_id, s.value
FROM (
    SELECT
        h.procedure_id,
        h.channel,
        CAST(N'fee' AS NVARCHAR(10)) AS measure,
        h.effective_from AS valid_from,
        LEAD(h.effective_from) OVER (PARTITION BY h.procedure_id, h.channel ORDER BY h.effective_from, h.recorded_at, h.id) AS valid_to,
        h.id AS entry_id,
        CAST(h.fee_vnd AS BIGINT) * 100 AS value
    FROM channel_fee_history h
) s
WHERE s.valid_to IS NULL OR s.valid_to > s.valid_from
UNION ALL
SELECT h.procedure_id, h.channel, CAST(N'time' AS NVARCHAR(10)), CAST('0001-01-01' AS DATE), MIN(h.effective_from), CAST(NULL AS INT), CAST(NULL AS BIGINT)
FROM channel_time_history h
GROUP BY h.procedure_id, h.channel
UNION ALL
SELECT h.procedure_id, h.channel, CAST(N'fee' AS NVARCHAR(10)), CAST('0001-01-01' AS DATE), MIN(h.effective_from), CAST(NULL AS INT), CAST(NULL AS BIGINT)
FROM channel_fee_history h
GROUP BY h.procedure_id, h.channel;
GO

CREATE OR ALTER VIEW channel_in_force AS
SELECT w.procedure_id, w.channel, w.measure, w.valid_from, w.valid_to, w.entry_id, w.value
FROM channel_windows w;
GO

-- Inserting (procedure, channel) pairs here re-derives those channels' windows: the one place that writes
-- channel_windows. INSTEAD OF triggers run whatever the server's nested-triggers setting is.
CREATE OR ALTER VIEW channel_windows_refresh AS
SELECT w.procedure_id, w.channel FROM channel_windows w WHERE 1 = 0;
GO

CREATE OR ALTER TRIGGER tr_channel_windows_refresh ON channel_windows_refresh INSTEAD OF INSERT
AS
BEGIN
    SET NOCOUNT ON;
    -- HOLDLOCK: two transactions deriving the same procedure's windows must not both insert them.
    DELETE w FROM channel_windows w WITH (HOLDLOCK)
    WHERE EXISTS (SELECT 1 FROM inserted i WHERE i.procedure_id = w.procedure_id AND i.channel = w.channel);
    INSERT INTO channel_windows (procedure_id, channel, measure, valid_from, valid_to, entry_id, value)
    SELECT c.procedure_id, c.channel, c.measure, c.valid_from, c.valid_to, c.entry_id, c.value
    FROM channel_windows_computed c
    WHERE EXISTS (SELECT 1 FROM inserted i WHERE i.procedure_id = c.procedure_id AND i.channel = c.channel);
END;
GO

CREATE OR ALTER TRIGGER tr_channel_time_history_windows ON channel_time_history AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO channel_windows_refresh (procedure_id, channel)
    SELECT i.procedure_id, i.channel FROM inserted i UNION SELECT d.procedure_id, d.channel FROM deleted d;
END;
GO

CREATE OR ALTER TRIGGER tr_channel_fee_history_windows ON channel_fee_history AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO channel_windows_refresh (procedure_id, channel)
    SELECT i.procedure_id, i.channel FROM inserted i UNION SELECT d.procedure_id, d.channel FROM deleted d;
END;
GO

-- Every deploy derives the windows that are missing (all of them the first time).
INSERT INTO channel_windows_refresh (procedure_id, channel)
SELECT h.procedure_id, h.channel FROM channel_time_history h
WHERE NOT EXISTS (SELECT 1 FROM channel_windows w WHERE w.procedure_id = h.procedure_id AND w.channel = h.channel AND w.measure = N'time')
UNION
SELECT h.procedure_id, h.channel FROM channel_fee_history h
WHERE NOT EXISTS (SELECT 1 FROM channel_windows w WHERE w.procedure_id = h.procedure_id AND w.channel = h.channel AND w.measure = N'fee');
GO

-- Per (program, channel, measure, procedure) and window of dates: B, C and the reduction, tiling the date line
-- for every channel a procedure offers (one with no history of the measure has one row without B or C).
CREATE OR ALTER VIEW channel_reductions AS
SELECT
    r.program_code, r.channel, r.measure, r.id, r.jurisdiction_code, r.code, r.name, r.level, r.kind, r.business_related, r.online_level,
    r.full_online_eligible, r.boundary_free, r.field_id, r.agency_id, r.status, r.search_text,
    r.valid_from, r.valid_to, r.is_abolished, r.baseline_value, r.current_value,
    CASE
        WHEN r.baseline_value IS NULL OR r.baseline_value = 0 OR r.current_value IS NULL THEN NULL
        ELSE (CAST(20000 AS BIGINT) * (r.baseline_value - r.current_value)
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
        c.channel,
        m.measure,
        p.id, p.jurisdiction_code, p.code, p.name, p.level, p.kind, p.business_related, p.online_level,
        p.full_online_eligible, p.boundary_free, p.field_id, p.agency_id, p.status, p.search_text,
        CASE WHEN k.abolished = 1 THEN p.abolished_on ELSE COALESCE(w.valid_from, CAST('0001-01-01' AS DATE)) END AS valid_from,
        CASE
            WHEN k.abolished = 1 THEN NULL
            WHEN p.abolished_on IS NOT NULL AND (w.valid_to IS NULL OR w.valid_to > p.abolished_on) THEN p.abolished_on
            ELSE w.valid_to
        END AS valid_to,
        k.abolished AS is_abolished,
        b.value AS baseline_value,
        CASE WHEN k.abolished = 1 THEN CAST(0 AS BIGINT) ELSE w.value END AS current_value
    FROM reduction_programs rp
    CROSS JOIN procedure_channels c
    INNER JOIN procedures p
        ON p.id = c.procedure_id
    CROSS JOIN (SELECT CAST(N'time' AS NVARCHAR(10)) AS measure UNION ALL SELECT CAST(N'fee' AS NVARCHAR(10))) m
    LEFT JOIN channel_in_force b
        ON b.procedure_id = c.procedure_id AND b.channel = c.channel AND b.measure = m.measure
       AND b.valid_from <= rp.baseline_date AND (b.valid_to IS NULL OR b.valid_to > rp.baseline_date)
       AND (p.abolished_on IS NULL OR p.abolished_on > rp.baseline_date)
    LEFT JOIN channel_in_force w
        ON w.procedure_id = c.procedure_id AND w.channel = c.channel AND w.measure = m.measure
    -- each window once, and once more from the day of abolition on for the window that holds that day
    INNER JOIN (SELECT CAST(0 AS INT) AS abolished UNION ALL SELECT CAST(1 AS INT)) k
        ON k.abolished = 0 OR p.abolished_on IS NOT NULL
    WHERE (k.abolished = 0 AND (p.abolished_on IS NULL OR COALESCE(w.valid_from, CAST('0001-01-01' AS DATE)) < p.abolished_on))
       OR (k.abolished = 1 AND p.abolished_on IS NOT NULL
           AND (w.procedure_id IS NULL OR (w.valid_from <= p.abolished_on AND (w.valid_to IS NULL OR w.valid_to > p.abolished_on))))
) r;
GO

-- One channel's measures in the shape of time_reductions and cost_reductions; the fee has no tariff and no filings a year.
CREATE OR ALTER VIEW channel_time_reductions AS
SELECT
    r.program_code, r.channel, r.id, r.jurisdiction_code, r.code, r.name, r.level, r.kind, r.business_related, r.online_level,
    r.full_online_eligible, r.boundary_free, r.field_id, r.agency_id, r.status, r.search_text,
    r.valid_from, r.valid_to, r.is_abolished, r.baseline_value, r.current_value, r.reduction_hundredths
FROM channel_reductions r
WHERE r.measure = N'time';
GO

CREATE OR ALTER VIEW channel_fee_reductions AS
SELECT
    r.program_code, r.channel, r.id, r.jurisdiction_code, r.code, r.name, r.level, r.kind, r.business_related, r.online_level,
    r.full_online_eligible, r.boundary_free, r.field_id, r.agency_id, r.status, r.search_text,
    r.valid_from, r.valid_to, r.is_abolished, CAST(NULL AS BIGINT) AS hourly_tariff_vnd, r.baseline_value, r.current_value, r.reduction_hundredths,
    CAST(NULL AS BIGINT) AS baseline_annual_filings, CAST(NULL AS BIGINT) AS current_annual_filings,
    CAST(NULL AS BIGINT) AS baseline_yearly_centi, CAST(NULL AS BIGINT) AS current_yearly_centi
FROM channel_reductions r
WHERE r.measure = N'fee';
GO

-- Local against national: a procedure-level value as a window of dates per measure, the time in force (1/5600
-- working day) and the fee in force (hundredths of a đồng, the fee alone).
CREATE OR ALTER VIEW procedure_value_windows AS
SELECT w.procedure_id, CAST(N'time' AS NVARCHAR(10)) AS measure, w.valid_from, w.valid_to, w.units AS value
FROM time_in_force w
UNION ALL
SELECT w.procedure_id, CAST(N'fee' AS NVARCHAR(10)) AS measure, w.valid_from, w.valid_to, CAST(h.fee_vnd AS BIGINT) * 100 AS value
FROM cost_in_force w
LEFT JOIN cost_history h ON h.id = w.entry_id;
GO

CREATE OR ALTER VIEW national_comparisons AS
SELECT
    pp.procedure_id AS local_id,
    pp.implements_id AS national_id,
    lw.measure,
    CASE WHEN lw.valid_from > nw.valid_from THEN lw.valid_from ELSE nw.valid_from END AS valid_from,
    CASE
        WHEN lw.valid_to IS NULL THEN nw.valid_to
        WHEN nw.valid_to IS NULL OR lw.valid_to < nw.valid_to THEN lw.valid_to
        ELSE nw.valid_to
    END AS valid_to,
    lw.value AS local_value,
    nw.value AS national_value,
    CASE WHEN lw.value IS NULL OR nw.value IS NULL THEN NULL WHEN lw.value > nw.value THEN 1 ELSE 0 END AS exceeds
FROM procedure_publications pp
INNER JOIN procedure_value_windows lw
    ON lw.procedure_id = pp.procedure_id
INNER JOIN procedure_value_windows nw
    ON nw.procedure_id = pp.implements_id AND nw.measure = lw.measure
   AND nw.valid_from < COALESCE(lw.valid_to, CAST('9999-12-31' AS DATE)) AND lw.valid_from < COALESCE(nw.valid_to, CAST('9999-12-31' AS DATE))
WHERE pp.implements_id IS NOT NULL;
GO

CREATE OR ALTER VIEW national_implementations AS
SELECT
    l.id AS local_id, l.jurisdiction_code, l.code AS local_code, l.name AS local_name, l.abolished_on AS local_abolished_on,
    n.id AS national_id, n.jurisdiction_code AS national_jurisdiction, n.code AS national_code, n.name AS national_name,
    n.abolished_on AS national_abolished_on
FROM procedure_publications pp
INNER JOIN procedures l ON l.id = pp.procedure_id
INNER JOIN procedures n ON n.id = pp.implements_id;
GO

CREATE OR ALTER VIEW national_gaps AS
SELECT
    j.code AS jurisdiction_code,
    n.id AS national_id, n.jurisdiction_code AS national_jurisdiction, n.code AS national_code, n.name AS national_name,
    n.abolished_on AS national_abolished_on,
    CASE
        WHEN EXISTS (SELECT 1 FROM national_implementations i
                     WHERE i.national_id = n.id AND i.jurisdiction_code = j.code AND i.local_abolished_on IS NULL) THEN CAST(NULL AS DATE)
        ELSE COALESCE((SELECT MAX(i.local_abolished_on) FROM national_implementations i
                       WHERE i.national_id = n.id AND i.jurisdiction_code = j.code), CAST('0001-01-01' AS DATE))
    END AS unimplemented_from
FROM jurisdictions j
CROSS JOIN procedures n
INNER JOIN jurisdictions nj
    ON nj.code = n.jurisdiction_code AND nj.level = N'central'
WHERE j.level = N'province' AND n.level <> N'central';
GO
