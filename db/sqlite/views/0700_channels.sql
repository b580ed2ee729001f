-- Channels (migration 0015): each channel's value in force on D, defined as for the procedure-level histories
-- (views/0100_history_windows.sql): the entry with the latest effective_from on or before D, ties to the one
-- recorded last (then the highest id); before the first entry nothing is in force. The windows of each
-- (procedure, channel, measure) are kept in channel_windows, re-derived by the triggers below in the
-- transaction of every change of a channel's history, and at every deploy for anything missing.
--
-- channel_reductions measures one channel's time and fee against a program's baseline with the rules of
-- views/0200_reductions.sql (baseline on the program's baseline date, C = 0 from the day of abolition, none
-- for a procedure abolished on or before the baseline date, 10000 x (B - C) / B rounded half away from zero in
-- exact integers). It mirrors time_reductions rather than extending it, because those views are keyed by
-- procedure alone; the fee is the channel's fee only (no other costs or applicant hours, so no tariff).
DROP VIEW IF EXISTS channel_windows_computed;
CREATE VIEW channel_windows_computed AS
SELECT s.procedure_id, s.channel, s.measure, s.valid_from, s.valid_to, s.entry_id, s.value
FROM (
    SELECT
        h.procedure_id,
        h.channel,
        'time' AS measure,
        h.effective_from AS valid_from,
        LEAD(h.effective_from) OVER (PARTITION BY h.procedure_id, h.channel ORDER BY h.effective_from, h.recorded_at, h.id) AS valid_to,
        h.id AS entry_id,
        CAST(ROUND(h.amount * 100) AS INTEGER)
            * CASE h.unit WHEN 'working-days' THEN 56 WHEN 'calendar-days' THEN 40 WHEN 'hours' THEN 7 END AS value
    FROM channel_time_history h
) s
WHERE s.valid_to IS NULL OR s.valid_to > s.valid_from
UNION ALL
SELECT s.procedure_id, s.channel, s.measure, s.valid_from, s.valid_to, s.entry_id, s.value
FROM (
    SELECT
        h.procedure_id,
        h.channel,
        'fee' AS measure,
        h.effective_from AS valid_from,
        LEAD(h.effective_from) OVER (PARTITION BY h.procedure_id, h.channel ORDER BY h.effective_from, h.recorded_at, h.id) AS valid_to,
        h.id AS entry_id,
        h.fee_vnd * 100 AS value
    FROM channel_fee_history h
) s
WHERE s.valid_to IS NULL OR s.valid_to > s.valid_from
UNION ALL
SELECT h.procedure_id, h.channel, 'time', '0001-01-01', MIN(h.effective_from), NULL, NULL
FROM channel_time_history h
GROUP BY h.procedure_id, h.channel
UNION ALL
SELECT h.procedure_id, h.channel, 'fee', '0001-01-01', MIN(h.effective_from), NULL, NULL
FROM channel_fee_history h
GROUP BY h.procedure_id, h.channel;

DROP VIEW IF EXISTS channel_in_force;
CREATE VIEW channel_in_force AS
SELECT w.procedure_id, w.channel, w.measure, w.valid_from, w.valid_to, w.entry_id, w.value
FROM channel_windows w;

-- Inserting a (procedure, channel) here re-derives that channel's windows of both measures: the one place that
-- writes channel_windows, which the triggers below and the deploy go through.
DROP VIEW IF EXISTS channel_windows_refresh;
CREATE VIEW channel_windows_refresh AS
SELECT w.procedure_id, w.channel FROM channel_windows w WHERE 0 = 1;

DROP TRIGGER IF EXISTS channel_windows_refresh_insert;
CREATE TRIGGER channel_windows_refresh_insert INSTEAD OF INSERT ON channel_windows_refresh BEGIN
    DELETE FROM channel_windows WHERE procedure_id = NEW.procedure_id AND channel = NEW.channel;
    INSERT INTO channel_windows (procedure_id, channel, measure, valid_from, valid_to, entry_id, value)
    SELECT procedure_id, channel, measure, valid_from, valid_to, entry_id, value
    FROM channel_windows_computed
    WHERE procedure_id = NEW.procedure_id AND channel = NEW.channel;
END;

DROP TRIGGER IF EXISTS channel_time_history_windows_insert;
CREATE TRIGGER channel_time_history_windows_insert AFTER INSERT ON channel_time_history BEGIN
    INSERT INTO channel_windows_refresh (procedure_id, channel) VALUES (NEW.procedure_id, NEW.channel);
END;

DROP TRIGGER IF EXISTS channel_time_history_windows_update;
CREATE TRIGGER channel_time_history_windows_update AFTER UPDATE ON channel_time_history BEGIN
    INSERT INTO channel_windows_refresh (procedure_id, channel) SELECT OLD.procedure_id, OLD.channel UNION SELECT NEW.procedure_id, NEW.channel;
END;

DROP TRIGGER IF EXISTS channel_time_history_windows_delete;
CREATE TRIGGER channel_time_history_windows_delete AFTER DELETE ON channel_time_history BEGIN
    INSERT INTO channel_windows_refresh (procedure_id, channel) VALUES (OLD.procedure_id, OLD.channel);
END;

DROP TRIGGER IF EXISTS channel_fee_history_windows_insert;
CREATE TRIGGER channel_fee_history_windows_insert AFTER INSERT ON channel_fee_history BEGIN
    INSERT INTO channel_windows_refresh (procedure_id, channel) VALUES (NEW.procedure_id, NEW.channel);
END;

DROP TRIGGER IF EXISTS channel_fee_history_windows_update;
CREATE TRIGGER channel_fee_history_windows_update AFTER UPDATE ON channel_fee_history BEGIN
    INSERT INTO channel_windows_refresh (procedure_id, channel) SELECT OLD.procedure_id, OLD.channel UNION SELECT NEW.procedure_id, NEW.channel;
END;

DROP TRIGGER IF EXISTS channel_fee_history_windows_delete;
CREATE TRIGGER channel_fee_history_windows_delete AFTER DELETE ON channel_fee_history BEGIN
    INSERT INTO channel_windows_refresh (procedure_id, channel) VALUES (OLD.procedure_id, OLD.channel);
END;

-- Every deploy derives the windows that are missing (all of them the first time).
INSERT INTO channel_windows_refresh (procedure_id, channel)
SELECT h.procedure_id, h.channel FROM channel_time_history h
WHERE NOT EXISTS (SELECT 1 FROM channel_windows w WHERE w.procedure_id = h.procedure_id AND w.channel = h.channel AND w.measure = 'time')
UNION
SELECT h.procedure_id, h.channel FROM channel_fee_history h
WHERE NOT EXISTS (SELECT 1 FROM channel_windows w WHERE w.procedure_id = h.procedure_id AND w.channel = h.channel AND w.measure = 'fee');

-- Per (program, channel, measure, procedure) and window of dates: B, C and the reduction, tiling the date line
-- for every channel a procedure offers (one with no history of the measure has one row without B or C, and
-- counts as noBaseline). The procedure's own columns are carried under their names in procedures.
DROP VIEW IF EXISTS channel_reductions;
CREATE VIEW channel_reductions AS
SELECT
    r.program_code, r.channel, r.measure, r.id, r.jurisdiction_code, r.code, r.name, r.level, r.kind, r.business_related, r.online_level,
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
        c.channel,
        m.measure,
        p.id, p.jurisdiction_code, p.code, p.name, p.level, p.kind, p.business_related, p.online_level,
        p.full_online_eligible, p.boundary_free, p.field_id, p.agency_id, p.status, p.search_text,
        CASE WHEN k.abolished = 1 THEN p.abolished_on ELSE COALESCE(w.valid_from, '0001-01-01') END AS valid_from,
        CASE
            WHEN k.abolished = 1 THEN NULL
            WHEN p.abolished_on IS NOT NULL AND (w.valid_to IS NULL OR w.valid_to > p.abolished_on) THEN p.abolished_on
            ELSE w.valid_to
        END AS valid_to,
        k.abolished AS is_abolished,
        b.value AS baseline_value,
        CASE WHEN k.abolished = 1 THEN 0 ELSE w.value END AS current_value
    FROM reduction_programs rp
    CROSS JOIN procedure_channels c
    INNER JOIN procedures p
        ON p.id = c.procedure_id
    CROSS JOIN (SELECT 'time' AS measure UNION ALL SELECT 'fee') m
    LEFT JOIN channel_in_force b
        ON b.procedure_id = c.procedure_id AND b.channel = c.channel AND b.measure = m.measure
       AND b.valid_from <= rp.baseline_date AND (b.valid_to IS NULL OR b.valid_to > rp.baseline_date)
       AND (p.abolished_on IS NULL OR p.abolished_on > rp.baseline_date)
    LEFT JOIN channel_in_force w
        ON w.procedure_id = c.procedure_id AND w.channel = c.channel AND w.measure = m.measure
    -- each window once, and once more from the day of abolition on for the window that holds that day
    INNER JOIN (SELECT 0 AS abolished UNION ALL SELECT 1) k
        ON k.abolished = 0 OR p.abolished_on IS NOT NULL
    WHERE (k.abolished = 0 AND (p.abolished_on IS NULL OR COALESCE(w.valid_from, '0001-01-01') < p.abolished_on))
       OR (k.abolished = 1 AND p.abolished_on IS NOT NULL
           AND (w.procedure_id IS NULL OR (w.valid_from <= p.abolished_on AND (w.valid_to IS NULL OR w.valid_to > p.abolished_on))))
) r;

-- One channel's measures in the shape of time_reductions and cost_reductions, so that the reports read them as
-- they read those (Reports/ReportQueries.cs); the fee has no tariff and no filings a year.
DROP VIEW IF EXISTS channel_time_reductions;
CREATE VIEW channel_time_reductions AS
SELECT
    r.program_code, r.channel, r.id, r.jurisdiction_code, r.code, r.name, r.level, r.kind, r.business_related, r.online_level,
    r.full_online_eligible, r.boundary_free, r.field_id, r.agency_id, r.status, r.search_text,
    r.valid_from, r.valid_to, r.is_abolished, r.baseline_value, r.current_value, r.reduction_hundredths
FROM channel_reductions r
WHERE r.measure = 'time';

DROP VIEW IF EXISTS channel_fee_reductions;
CREATE VIEW channel_fee_reductions AS
SELECT
    r.program_code, r.channel, r.id, r.jurisdiction_code, r.code, r.name, r.level, r.kind, r.business_related, r.online_level,
    r.full_online_eligible, r.boundary_free, r.field_id, r.agency_id, r.status, r.search_text,
    r.valid_from, r.valid_to, r.is_abolished, CAST(NULL AS INTEGER) AS hourly_tariff_vnd, r.baseline_value, r.current_value, r.reduction_hundredths,
    CAST(NULL AS INTEGER) AS baseline_annual_filings, CAST(NULL AS INTEGER) AS current_annual_filings,
    CAST(NULL AS INTEGER) AS baseline_yearly_centi, CAST(NULL AS INTEGER) AS current_yearly_centi
FROM channel_reductions r
WHERE r.measure = 'fee';

-- Local against national (GET /reports/local-vs-national). A procedure-level value of a procedure as a window of
-- dates per measure: the time in force (1/5600 working day) and the fee in force (hundredths of a đồng, the fee
-- alone, without other costs), from the windows of migration 0010.
DROP VIEW IF EXISTS procedure_value_windows;
CREATE VIEW procedure_value_windows AS
SELECT w.procedure_id, 'time' AS measure, w.valid_from, w.valid_to, w.units AS value
FROM time_in_force w
UNION ALL
SELECT w.procedure_id, 'fee' AS measure, w.valid_from, w.valid_to, h.fee_vnd * 100 AS value
FROM cost_in_force w
LEFT JOIN cost_history h ON h.id = w.entry_id;

-- Per local procedure that implements a national one, and measure: the windows in which both values are in force
-- (the overlaps of their windows), with both values and whether the local one exceeds the national one.
DROP VIEW IF EXISTS national_comparisons;
CREATE VIEW national_comparisons AS
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
   AND nw.valid_from < COALESCE(lw.valid_to, '9999-12-31') AND lw.valid_from < COALESCE(nw.valid_to, '9999-12-31')
WHERE pp.implements_id IS NOT NULL;

-- The local procedures that implement a national one, with both procedures' names and abolition dates.
DROP VIEW IF EXISTS national_implementations;
CREATE VIEW national_implementations AS
SELECT
    l.id AS local_id, l.jurisdiction_code, l.code AS local_code, l.name AS local_name, l.abolished_on AS local_abolished_on,
    n.id AS national_id, n.jurisdiction_code AS national_jurisdiction, n.code AS national_code, n.name AS national_name,
    n.abolished_on AS national_abolished_on
FROM procedure_publications pp
INNER JOIN procedures l ON l.id = pp.procedure_id
INNER JOIN procedures n ON n.id = pp.implements_id;

-- Per province and national procedure meant to be performed locally (a procedure of a central jurisdiction whose
-- level is not central): from which day no procedure of the province implements it. NULL while one that is not
-- abolished does; the day the last of them was abolished; 0001-01-01 when none ever did.
DROP VIEW IF EXISTS national_gaps;
CREATE VIEW national_gaps AS
SELECT
    j.code AS jurisdiction_code,
    n.id AS national_id, n.jurisdiction_code AS national_jurisdiction, n.code AS national_code, n.name AS national_name,
    n.abolished_on AS national_abolished_on,
    CASE
        WHEN EXISTS (SELECT 1 FROM national_implementations i
                     WHERE i.national_id = n.id AND i.jurisdiction_code = j.code AND i.local_abolished_on IS NULL) THEN NULL
        ELSE COALESCE((SELECT MAX(i.local_abolished_on) FROM national_implementations i
                       WHERE i.national_id = n.id AND i.jurisdiction_code = j.code), '0001-01-01')
    END AS unimplemented_from
FROM jurisdictions j
CROSS JOIN procedures n
INNER JOIN jurisdictions nj
    ON nj.code = n.jurisdiction_code AND nj.level = 'central'
WHERE j.level = 'province' AND n.level <> 'central';
