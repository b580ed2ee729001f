-- Business reporting regimes (migration 0013): the windows of their electronic history, kept by triggers in the
-- transaction of every change, and the indicator business-reporting-electronic over them (domain brief, section 6).

-- A regime's windows as its history gives them: each entry until the next one takes over (ties of the same day to
-- the one recorded last, then the highest id; an entry superseded on its own day gets no window), and one window
-- from 0001-01-01 with no entry, up to the first entry or, for a regime without history, open. So every regime
-- has exactly one window holding any date.
DROP VIEW IF EXISTS reporting_regime_windows_computed;
CREATE VIEW reporting_regime_windows_computed AS
SELECT s.regime_id, s.valid_from, s.valid_to, s.entry_id, s.electronic
FROM (
    SELECT
        h.regime_id,
        h.effective_from AS valid_from,
        LEAD(h.effective_from) OVER (PARTITION BY h.regime_id ORDER BY h.effective_from, h.recorded_at, h.id) AS valid_to,
        h.id AS entry_id,
        h.electronic
    FROM reporting_regime_electronic h
) s
WHERE s.valid_to IS NULL OR s.valid_to > s.valid_from
UNION ALL
SELECT r.id, '0001-01-01', (SELECT MIN(h.effective_from) FROM reporting_regime_electronic h WHERE h.regime_id = r.id), NULL, NULL
FROM reporting_regimes r;

-- Inserting a regime id here re-derives that regime's windows: the one place that writes reporting_regime_windows.
DROP VIEW IF EXISTS reporting_regime_windows_refresh;
CREATE VIEW reporting_regime_windows_refresh AS
SELECT w.regime_id FROM reporting_regime_windows w WHERE 0 = 1;

DROP TRIGGER IF EXISTS reporting_regime_windows_refresh_insert;
CREATE TRIGGER reporting_regime_windows_refresh_insert INSTEAD OF INSERT ON reporting_regime_windows_refresh BEGIN
    DELETE FROM reporting_regime_windows WHERE regime_id = NEW.regime_id;
    INSERT INTO reporting_regime_windows (regime_id, valid_from, valid_to, entry_id, electronic)
    SELECT regime_id, valid_from, valid_to, entry_id, electronic
    FROM reporting_regime_windows_computed
    WHERE regime_id = NEW.regime_id;
END;

-- A new regime has its one open window at once; every change of a history re-derives the regime's windows.
DROP TRIGGER IF EXISTS reporting_regimes_windows_insert;
CREATE TRIGGER reporting_regimes_windows_insert AFTER INSERT ON reporting_regimes BEGIN
    INSERT INTO reporting_regime_windows_refresh (regime_id) VALUES (NEW.id);
END;

DROP TRIGGER IF EXISTS reporting_regime_electronic_windows_insert;
CREATE TRIGGER reporting_regime_electronic_windows_insert AFTER INSERT ON reporting_regime_electronic BEGIN
    INSERT INTO reporting_regime_windows_refresh (regime_id) VALUES (NEW.regime_id);
END;

DROP TRIGGER IF EXISTS reporting_regime_electronic_windows_update;
CREATE TRIGGER reporting_regime_electronic_windows_update AFTER UPDATE ON reporting_regime_electronic BEGIN
    INSERT INTO reporting_regime_windows_refresh (regime_id) SELECT OLD.regime_id UNION SELECT NEW.regime_id;
END;

DROP TRIGGER IF EXISTS reporting_regime_electronic_windows_delete;
CREATE TRIGGER reporting_regime_electronic_windows_delete AFTER DELETE ON reporting_regime_electronic BEGIN
    INSERT INTO reporting_regime_windows_refresh (regime_id) VALUES (OLD.regime_id);
END;

-- Every deploy derives the windows of regimes that have none (all of them the first time, after migration 0013).
INSERT INTO reporting_regime_windows_refresh (regime_id)
SELECT r.id FROM reporting_regimes r
WHERE NOT EXISTS (SELECT 1 FROM reporting_regime_windows w WHERE w.regime_id = r.id);

-- business-reporting-electronic: per program target of the indicator and regime, the stretches of dates of the
-- regime split where its electronic value changes and where it is abolished, with in_denominator 1 while it is
-- active (not abolished on or before the date) and in_numerator 1 while it is also electronic. Each regime has
-- exactly one row per target holding any date D, so a report keeps the rows with
-- valid_from <= @AsOf AND (valid_to IS NULL OR valid_to > @AsOf) and adds up in_numerator and in_denominator.
DROP VIEW IF EXISTS reporting_regime_coverage;
CREATE VIEW reporting_regime_coverage AS
SELECT
    t.program_code,
    t.year,
    t.indicator,
    r.jurisdiction_code,
    r.id AS regime_id,
    s.valid_from,
    s.valid_to,
    s.in_denominator,
    s.in_numerator
FROM program_targets t
CROSS JOIN (
    SELECT
        w.regime_id,
        w.valid_from,
        CASE WHEN a.abolished_on IS NOT NULL AND (w.valid_to IS NULL OR w.valid_to > a.abolished_on) THEN a.abolished_on ELSE w.valid_to END AS valid_to,
        1 AS in_denominator,
        CASE WHEN w.electronic = 1 THEN 1 ELSE 0 END AS in_numerator
    FROM reporting_regime_windows w
    INNER JOIN reporting_regimes a ON a.id = w.regime_id
    WHERE a.abolished_on IS NULL OR a.abolished_on > w.valid_from
    UNION ALL
    SELECT
        w.regime_id,
        CASE WHEN a.abolished_on > w.valid_from THEN a.abolished_on ELSE w.valid_from END AS valid_from,
        w.valid_to,
        0 AS in_denominator,
        0 AS in_numerator
    FROM reporting_regime_windows w
    INNER JOIN reporting_regimes a ON a.id = w.regime_id
    WHERE a.abolished_on IS NOT NULL AND (w.valid_to IS NULL OR w.valid_to > a.abolished_on)
) s
INNER JOIN reporting_regimes r ON r.id = s.regime_id
WHERE t.indicator = 'business-reporting-electronic';
