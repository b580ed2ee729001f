-- The value in force on a date, defined once (domain brief, section 3): of a series of dated entries, the one with the
-- latest effective_from on or before the date, ties to the one recorded last (then the highest id); before the first
-- entry nothing is in force. Every dated thing of a procedure is such a series (history_entries): its time and its
-- cost, each attribute (migration 0011), each document's provided-once mark, its reviews (in force: the latest review
-- on or before the date) and its abolition; entry_windows_computed applies the rule to all of them at once. The
-- derived rows of migration 0012 (procedure_windows, procedure_baselines) hold the result, re-derived by the triggers
-- of views/0150_history_triggers.sql in the transaction of every change. Every reader of a value on a date (procedure
-- detail and list, export, reductions, coverage) reads procedure_windows, or a view over it, with
-- valid_from <= D AND (valid_to IS NULL OR valid_to > D): one seek, or one row per procedure in a scan.
DROP VIEW IF EXISTS time_stretches;
DROP VIEW IF EXISTS cost_stretches;
DROP VIEW IF EXISTS time_windows_computed;
DROP VIEW IF EXISTS cost_windows_computed;
DROP VIEW IF EXISTS history_windows_refresh;

-- Every dated entry of every procedure, one series per measure, attribute, document or kind of event. Time in units of
-- 1/5600 working day (hundredths of the amount x 56 for working-days, x 40 for calendar-days, x 7 for hours); cost's
-- money part (fee and other costs) in hundredths of a đồng and the applicant's hours in hundredths, priced by a
-- program's tariff in views/0200_reductions.sql; attribute values as the API spells them. The series 'procedure' is
-- there from the beginning, so that every procedure has a window for every date.
DROP VIEW IF EXISTS history_entries;
CREATE VIEW history_entries AS
SELECT p.id AS procedure_id, 'procedure' AS series, 0 AS item_id, '0001-01-01' AS effective_from, p.created_at AS recorded_at, p.id AS entry_id,
       NULL AS units, NULL AS money_centi, NULL AS hours_hundredths, NULL AS annual_filings, NULL AS value
FROM procedures p
UNION ALL
SELECT h.procedure_id, 'time', 0, h.effective_from, h.recorded_at, h.id,
       CAST(ROUND(h.amount * 100) AS INTEGER) * CASE h.unit WHEN 'working-days' THEN 56 WHEN 'calendar-days' THEN 40 WHEN 'hours' THEN 7 END,
       NULL, NULL, NULL, NULL
FROM time_history h
UNION ALL
SELECT h.procedure_id, 'cost', 0, h.effective_from, h.recorded_at, h.id,
       NULL, h.fee_vnd * 100 + h.other_cost_vnd * 100, CAST(ROUND(h.applicant_hours * 100) AS INTEGER), h.annual_filings, NULL
FROM cost_history h
UNION ALL
SELECT h.procedure_id, h.attribute, 0, h.effective_from, h.recorded_at, h.id, NULL, NULL, NULL, NULL, h.value
FROM attribute_history h
UNION ALL
SELECT h.procedure_id, 'provided-once', h.document_id, h.effective_from, h.recorded_at, h.id,
       NULL, NULL, NULL, NULL, CASE WHEN h.provided_once = 1 THEN 'true' ELSE 'false' END
FROM provided_once_history h
UNION ALL
SELECT r.procedure_id, 'review', 0, r.reviewed_on, r.recorded_at, r.id, NULL, NULL, NULL, NULL, NULL
FROM procedure_reviews r
UNION ALL
SELECT p.id, 'abolition', 0, p.abolished_on, p.updated_at, p.id, NULL, NULL, NULL, NULL, 'true'
FROM procedures p
WHERE p.abolished_on IS NOT NULL;

-- The rule, once: each entry is in force until the next one of its series takes over. An entry superseded on its own
-- day by one recorded later gets an empty window and is left out.
DROP VIEW IF EXISTS entry_windows_computed;
CREATE VIEW entry_windows_computed AS
SELECT s.procedure_id, s.series, s.item_id, s.valid_from, s.valid_to, s.entry_id, s.units, s.money_centi, s.hours_hundredths, s.annual_filings, s.value
FROM (
    SELECT
        h.procedure_id, h.series, h.item_id,
        h.effective_from AS valid_from,
        LEAD(h.effective_from) OVER (PARTITION BY h.procedure_id, h.series, h.item_id ORDER BY h.effective_from, h.recorded_at, h.entry_id) AS valid_to,
        h.entry_id, h.units, h.money_centi, h.hours_hundredths, h.annual_filings, h.value
    FROM history_entries h
) s
WHERE s.valid_to IS NULL OR s.valid_to > s.valid_from;

-- A procedure's elementary windows: cut at every date any of its series changes, each holding what is in force then.
-- is_abolished: abolished on or before the window's start; last_reviewed_on: the latest review on or before it;
-- documents: those with a provided-once mark in force (a document added later counts from then on).
-- online_level_entry_id and boundary_free_entry_id: the attribute entries in force that give the online level and
-- the boundary-free flag (migration 0017), as time_entry_id and cost_entry_id name the time and cost entries. Computed from the
-- entry windows in procedure_windows_work, which the refresh below fills with those of the procedures it re-derives
-- (SQLite pushes a procedure's id down into entry_windows_computed, but not through this aggregate).
DROP VIEW IF EXISTS procedure_windows_computed;
CREATE VIEW procedure_windows_computed AS
SELECT
    e.procedure_id, e.valid_from, e.valid_to, p.jurisdiction_code, p.level, p.field_id, p.agency_id, p.status,
    MAX(CASE WHEN w.series = 'kind' THEN w.value END) AS kind,
    MAX(CASE WHEN w.series = 'business-related' THEN CASE WHEN w.value = 'true' THEN 1 ELSE 0 END END) AS business_related,
    MAX(CASE WHEN w.series = 'online-level' THEN w.value END) AS online_level,
    MAX(CASE WHEN w.series = 'full-online-eligible' THEN CASE WHEN w.value = 'true' THEN 1 ELSE 0 END END) AS full_online_eligible,
    MAX(CASE WHEN w.series = 'boundary-free' THEN CASE WHEN w.value = 'true' THEN 1 ELSE 0 END END) AS boundary_free,
    MAX(CASE WHEN w.series = 'technical-regulation' THEN CASE WHEN w.value = 'true' THEN 1 ELSE 0 END END) AS technical_regulation,
    COUNT(CASE WHEN w.series = 'abolition' THEN 1 END) AS is_abolished,
    MAX(CASE WHEN w.series = 'review' THEN w.valid_from END) AS last_reviewed_on,
    MAX(CASE WHEN w.series = 'time' THEN w.entry_id END) AS time_entry_id,
    MAX(CASE WHEN w.series = 'time' THEN w.units END) AS time_units,
    MAX(CASE WHEN w.series = 'cost' THEN w.entry_id END) AS cost_entry_id,
    MAX(CASE WHEN w.series = 'cost' THEN w.money_centi END) AS money_centi,
    MAX(CASE WHEN w.series = 'cost' THEN w.hours_hundredths END) AS hours_hundredths,
    MAX(CASE WHEN w.series = 'cost' THEN w.annual_filings END) AS annual_filings,
    COUNT(CASE WHEN w.series = 'provided-once' THEN 1 END) AS documents,
    COUNT(CASE WHEN w.series = 'provided-once' AND w.value = 'true' THEN 1 END) AS documents_provided_once,
    MAX(CASE WHEN w.series = 'online-level' THEN w.entry_id END) AS online_level_entry_id,
    MAX(CASE WHEN w.series = 'boundary-free' THEN w.entry_id END) AS boundary_free_entry_id
FROM (
    SELECT d.procedure_id, d.valid_from, LEAD(d.valid_from) OVER (PARTITION BY d.procedure_id ORDER BY d.valid_from) AS valid_to
    FROM (SELECT DISTINCT x.procedure_id, x.valid_from FROM procedure_windows_work x) d
) e
INNER JOIN procedures p ON p.id = e.procedure_id
INNER JOIN procedure_windows_work w
    ON w.procedure_id = e.procedure_id AND w.valid_from <= e.valid_from AND (w.valid_to IS NULL OR w.valid_to > e.valid_from)
GROUP BY e.procedure_id, e.valid_from, e.valid_to, p.jurisdiction_code, p.level, p.field_id, p.agency_id, p.status;

-- Per procedure and program: what is in force on the baseline date (none when abolished on or before it), the cost
-- priced with the tariff of the procedure's jurisdiction for the year of the baseline date (NULL without it).
DROP VIEW IF EXISTS procedure_baselines_computed;
CREATE VIEW procedure_baselines_computed AS
SELECT
    p.id AS procedure_id, rp.code AS program_code, ht.hourly_tariff_vnd,
    w.time_units,
    w.money_centi + w.hours_hundredths * ht.hourly_tariff_vnd AS cost_centi,
    CASE WHEN w.cost_entry_id IS NULL THEN NULL ELSE w.annual_filings END AS annual_filings
FROM procedures p
CROSS JOIN reduction_programs rp
LEFT JOIN hourly_tariffs ht
    ON ht.jurisdiction_code = p.jurisdiction_code AND ht.year = CAST(strftime('%Y', rp.baseline_date) AS INTEGER)
LEFT JOIN procedure_windows w
    ON w.procedure_id = p.id AND w.valid_from <= rp.baseline_date AND (w.valid_to IS NULL OR w.valid_to > rp.baseline_date)
   AND w.is_abolished = 0;

-- The value in force of each measure, for the readers of one entry (procedure detail, export).
DROP VIEW IF EXISTS time_in_force;
CREATE VIEW time_in_force AS
SELECT w.procedure_id, w.valid_from, w.valid_to, w.time_entry_id AS entry_id, w.time_units AS units
FROM procedure_windows w;

DROP VIEW IF EXISTS cost_in_force;
CREATE VIEW cost_in_force AS
SELECT w.procedure_id, w.valid_from, w.valid_to, w.cost_entry_id AS entry_id, w.money_centi, w.hours_hundredths, w.annual_filings
FROM procedure_windows w;

-- Inserting a procedure id here re-derives that procedure's rows: its windows, its documents' windows, its baselines in
-- every program, and the latest value of each attribute in its own columns (and of each document's mark in documents). The one place that writes procedure_windows and
-- procedure_baselines for a procedure, which the triggers (views/0150) and the deploy go through; it waits while a write
-- has paused the procedure's derivation, or a bulk load all of it (migration 0012: derivation_paused).
DROP VIEW IF EXISTS procedure_windows_refresh;
CREATE VIEW procedure_windows_refresh AS
SELECT w.procedure_id FROM procedure_windows w WHERE 0 = 1;

DROP TRIGGER IF EXISTS procedure_windows_refresh_insert;
CREATE TRIGGER procedure_windows_refresh_insert INSTEAD OF INSERT ON procedure_windows_refresh
WHEN NOT EXISTS (SELECT 1 FROM derivation_paused d WHERE d.procedure_id IN (0, NEW.procedure_id)) BEGIN
    INSERT INTO procedure_windows_work (procedure_id, series, item_id, valid_from, valid_to, entry_id, units, money_centi, hours_hundredths, annual_filings, value)
    SELECT procedure_id, series, item_id, valid_from, valid_to, entry_id, units, money_centi, hours_hundredths, annual_filings, value
    FROM entry_windows_computed
    WHERE procedure_id = NEW.procedure_id;
    DELETE FROM procedure_windows WHERE procedure_id = NEW.procedure_id;
    INSERT INTO procedure_windows (
        procedure_id, valid_from, valid_to, jurisdiction_code, level, field_id, agency_id, status, kind, business_related, online_level,
        full_online_eligible, boundary_free, technical_regulation, is_abolished, last_reviewed_on, time_entry_id, time_units, cost_entry_id,
        money_centi, hours_hundredths, annual_filings, documents, documents_provided_once, online_level_entry_id, boundary_free_entry_id)
    SELECT
        procedure_id, valid_from, valid_to, jurisdiction_code, level, field_id, agency_id, status, kind, business_related, online_level,
        full_online_eligible, boundary_free, technical_regulation, is_abolished, last_reviewed_on, time_entry_id, time_units, cost_entry_id,
        money_centi, hours_hundredths, annual_filings, documents, documents_provided_once, online_level_entry_id, boundary_free_entry_id
    FROM procedure_windows_computed
    WHERE procedure_id = NEW.procedure_id;
    DELETE FROM document_windows WHERE procedure_id = NEW.procedure_id;
    INSERT INTO document_windows (document_id, valid_from, valid_to, procedure_id, entry_id, provided_once)
    SELECT item_id, valid_from, valid_to, procedure_id, entry_id, CASE WHEN value = 'true' THEN 1 ELSE 0 END
    FROM procedure_windows_work
    WHERE procedure_id = NEW.procedure_id AND series = 'provided-once';
    DELETE FROM procedure_windows_work WHERE procedure_id = NEW.procedure_id;
    DELETE FROM procedure_baselines WHERE procedure_id = NEW.procedure_id;
    INSERT INTO procedure_baselines (procedure_id, program_code, hourly_tariff_vnd, time_units, cost_centi, annual_filings)
    SELECT procedure_id, program_code, hourly_tariff_vnd, time_units, cost_centi, annual_filings
    FROM procedure_baselines_computed
    WHERE procedure_id = NEW.procedure_id;
    INSERT INTO reduction_windows_refresh (procedure_id) VALUES (NEW.procedure_id);
    UPDATE procedures
    SET kind = COALESCE(l.kind, procedures.kind),
        business_related = COALESCE(l.business_related, procedures.business_related),
        online_level = COALESCE(l.online_level, procedures.online_level),
        full_online_eligible = COALESCE(l.full_online_eligible, procedures.full_online_eligible),
        boundary_free = COALESCE(l.boundary_free, procedures.boundary_free),
        technical_regulation = COALESCE(l.technical_regulation, procedures.technical_regulation),
        last_reviewed_on = l.last_reviewed_on
    FROM (SELECT w.kind, w.business_related, w.online_level, w.full_online_eligible, w.boundary_free, w.technical_regulation, w.last_reviewed_on
          FROM procedure_windows w WHERE w.procedure_id = NEW.procedure_id AND w.valid_to IS NULL) l
    WHERE procedures.id = NEW.procedure_id;
    UPDATE documents
    SET provided_once = (SELECT dw.provided_once FROM document_windows dw WHERE dw.document_id = documents.id AND dw.valid_to IS NULL)
    WHERE documents.procedure_id = NEW.procedure_id
      AND EXISTS (SELECT 1 FROM document_windows dw WHERE dw.document_id = documents.id AND dw.valid_to IS NULL AND dw.provided_once <> documents.provided_once);
END;

-- Inserting a procedure id here re-derives only its baselines: a program or a tariff changed, not the procedure.
DROP VIEW IF EXISTS procedure_baselines_refresh;
CREATE VIEW procedure_baselines_refresh AS
SELECT b.procedure_id FROM procedure_baselines b WHERE 0 = 1;

DROP TRIGGER IF EXISTS procedure_baselines_refresh_insert;
CREATE TRIGGER procedure_baselines_refresh_insert INSTEAD OF INSERT ON procedure_baselines_refresh
WHEN NOT EXISTS (SELECT 1 FROM derivation_paused d WHERE d.procedure_id IN (0, NEW.procedure_id)) BEGIN
    DELETE FROM procedure_baselines WHERE procedure_id = NEW.procedure_id;
    INSERT INTO procedure_baselines (procedure_id, program_code, hourly_tariff_vnd, time_units, cost_centi, annual_filings)
    SELECT procedure_id, program_code, hourly_tariff_vnd, time_units, cost_centi, annual_filings
    FROM procedure_baselines_computed
    WHERE procedure_id = NEW.procedure_id;
    INSERT INTO reduction_windows_refresh (procedure_id) VALUES (NEW.procedure_id);
END;

-- Inserting a procedure id here re-derives its reduction rows (migration 0018) from its windows and baselines as they
-- are: the last step of both refreshes above, and of the deploy for procedures that have none (views/0990).
DROP VIEW IF EXISTS reduction_windows_refresh;
CREATE VIEW reduction_windows_refresh AS
SELECT r.procedure_id FROM reduction_windows r WHERE 0 = 1;

DROP TRIGGER IF EXISTS reduction_windows_refresh_insert;
CREATE TRIGGER reduction_windows_refresh_insert INSTEAD OF INSERT ON reduction_windows_refresh
WHEN NOT EXISTS (SELECT 1 FROM derivation_paused d WHERE d.procedure_id IN (0, NEW.procedure_id)) BEGIN
    DELETE FROM reduction_windows WHERE procedure_id = NEW.procedure_id;
    INSERT INTO reduction_windows (
        program_code, jurisdiction_code, agency_id, procedure_id, valid_from, valid_to, level, field_id, status, kind,
        business_related, online_level, full_online_eligible, boundary_free, technical_regulation, is_abolished,
        last_reviewed_on, documents, documents_provided_once, time_baseline, time_current, time_reduction_hundredths, hourly_tariff_vnd, cost_baseline, cost_current,
        cost_reduction_hundredths, baseline_annual_filings, current_annual_filings, baseline_yearly_centi,
        current_yearly_centi)
    SELECT
        program_code, jurisdiction_code, agency_id, id, valid_from, valid_to, level, field_id, status, kind,
        business_related, online_level, full_online_eligible, boundary_free, technical_regulation, is_abolished,
        last_reviewed_on, documents, documents_provided_once, time_baseline, time_current, time_reduction_hundredths, hourly_tariff_vnd, cost_baseline, cost_current,
        cost_reduction_hundredths, baseline_annual_filings, current_annual_filings, baseline_yearly_centi,
        current_yearly_centi
    FROM procedure_reductions_computed
    WHERE id = NEW.procedure_id;
END;
