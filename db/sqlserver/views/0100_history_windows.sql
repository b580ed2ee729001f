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
GO

DROP VIEW IF EXISTS cost_stretches;
GO

DROP VIEW IF EXISTS time_windows_computed;
GO

DROP VIEW IF EXISTS cost_windows_computed;
GO

DROP VIEW IF EXISTS history_windows_refresh;
GO

-- Every dated entry of every procedure, one series per measure, attribute, document or kind of event. Time in units of
-- 1/5600 working day (hundredths of the amount x 56 for working-days, x 40 for calendar-days, x 7 for hours); cost's
-- money part (fee and other costs) in hundredths of a đồng and the applicant's hours in hundredths, priced by a
-- program's tariff in views/0200_reductions.sql; attribute values as the API spells them. The series 'procedure' is
-- there from the beginning, so that every procedure has a window for every date.
CREATE OR ALTER VIEW history_entries AS
SELECT p.id AS procedure_id, CAST(N'procedure' AS NVARCHAR(40)) AS series, CAST(0 AS INT) AS item_id, CAST('0001-01-01' AS DATE) AS effective_from,
       p.created_at AS recorded_at, p.id AS entry_id,
       CAST(NULL AS BIGINT) AS units, CAST(NULL AS BIGINT) AS money_centi, CAST(NULL AS BIGINT) AS hours_hundredths, CAST(NULL AS BIGINT) AS annual_filings,
       CAST(NULL AS NVARCHAR(40)) AS value
FROM procedures p
UNION ALL
SELECT h.procedure_id, N'time', 0, h.effective_from, h.recorded_at, h.id,
       CAST(h.amount * 100 AS BIGINT)
           * CASE h.unit WHEN N'working-days' THEN CAST(56 AS BIGINT) WHEN N'calendar-days' THEN CAST(40 AS BIGINT) WHEN N'hours' THEN CAST(7 AS BIGINT) END,
       NULL, NULL, NULL, NULL
FROM time_history h
UNION ALL
SELECT h.procedure_id, N'cost', 0, h.effective_from, h.recorded_at, h.id,
       NULL, CAST(h.fee_vnd AS BIGINT) * 100 + CAST(h.other_cost_vnd AS BIGINT) * 100, CAST(h.applicant_hours * 100 AS BIGINT), h.annual_filings, NULL
FROM cost_history h
UNION ALL
SELECT h.procedure_id, h.attribute, 0, h.effective_from, h.recorded_at, h.id, NULL, NULL, NULL, NULL, h.value
FROM attribute_history h
UNION ALL
SELECT h.procedure_id, N'provided-once', h.document_id, h.effective_from, h.recorded_at, h.id,
       NULL, NULL, NULL, NULL, CASE WHEN h.provided_once = 1 THEN N'true' ELSE N'false' END
FROM provided_once_history h
UNION ALL
SELECT r.procedure_id, N'review', 0, r.reviewed_on, r.recorded_at, r.id, NULL, NULL, NULL, NULL, NULL
FROM procedure_reviews r
UNION ALL
SELECT p.id, N'abolition', 0, p.abolished_on, p.updated_at, p.id, NULL, NULL, NULL, NULL, N'true'
FROM procedures p
WHERE p.abolished_on IS NOT NULL;
GO

-- The rule, once: each entry is in force until the next one of its series takes over. An entry superseded on its own
-- day by one recorded later gets an empty window and is left out.
CREATE OR ALTER VIEW entry_windows_computed AS
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
GO

-- A procedure's elementary windows: cut at every date any of its series changes, each holding what is in force then.
-- is_abolished: abolished on or before the window's start; last_reviewed_on: the latest review on or before it;
-- documents: those with a provided-once mark in force (a document added later counts from then on).
-- online_level_entry_id and boundary_free_entry_id: the attribute entries in force that give the online level and
-- the boundary-free flag (migration 0017), as time_entry_id and cost_entry_id name the time and cost entries. (SQLite computes
-- the same from a work table of the procedures it re-derives: it does not push a procedure's id through this aggregate.)
CREATE OR ALTER VIEW procedure_windows_computed AS
SELECT
    e.procedure_id, e.valid_from, e.valid_to, p.jurisdiction_code, p.level, p.field_id, p.agency_id, p.status,
    MAX(CASE WHEN w.series = N'kind' THEN w.value END) AS kind,
    CAST(MAX(CASE WHEN w.series = N'business-related' THEN CASE WHEN w.value = N'true' THEN 1 ELSE 0 END END) AS BIT) AS business_related,
    MAX(CASE WHEN w.series = N'online-level' THEN w.value END) AS online_level,
    CAST(MAX(CASE WHEN w.series = N'full-online-eligible' THEN CASE WHEN w.value = N'true' THEN 1 ELSE 0 END END) AS BIT) AS full_online_eligible,
    CAST(MAX(CASE WHEN w.series = N'boundary-free' THEN CASE WHEN w.value = N'true' THEN 1 ELSE 0 END END) AS BIT) AS boundary_free,
    CAST(MAX(CASE WHEN w.series = N'technical-regulation' THEN CASE WHEN w.value = N'true' THEN 1 ELSE 0 END END) AS BIT) AS technical_regulation,
    COUNT(CASE WHEN w.series = N'abolition' THEN 1 END) AS is_abolished,
    MAX(CASE WHEN w.series = N'review' THEN w.valid_from END) AS last_reviewed_on,
    MAX(CASE WHEN w.series = N'time' THEN w.entry_id END) AS time_entry_id,
    MAX(CASE WHEN w.series = N'time' THEN w.units END) AS time_units,
    MAX(CASE WHEN w.series = N'cost' THEN w.entry_id END) AS cost_entry_id,
    MAX(CASE WHEN w.series = N'cost' THEN w.money_centi END) AS money_centi,
    MAX(CASE WHEN w.series = N'cost' THEN w.hours_hundredths END) AS hours_hundredths,
    MAX(CASE WHEN w.series = N'cost' THEN w.annual_filings END) AS annual_filings,
    COUNT(CASE WHEN w.series = N'provided-once' THEN 1 END) AS documents,
    COUNT(CASE WHEN w.series = N'provided-once' AND w.value = N'true' THEN 1 END) AS documents_provided_once,
    MAX(CASE WHEN w.series = N'online-level' THEN w.entry_id END) AS online_level_entry_id,
    MAX(CASE WHEN w.series = N'boundary-free' THEN w.entry_id END) AS boundary_free_entry_id
FROM (
    SELECT d.procedure_id, d.valid_from, LEAD(d.valid_from) OVER (PARTITION BY d.procedure_id ORDER BY d.valid_from) AS valid_to
    FROM (SELECT DISTINCT x.procedure_id, x.valid_from FROM entry_windows_computed x) d
) e
INNER JOIN procedures p ON p.id = e.procedure_id
INNER JOIN entry_windows_computed w
    ON w.procedure_id = e.procedure_id AND w.valid_from <= e.valid_from AND (w.valid_to IS NULL OR w.valid_to > e.valid_from)
GROUP BY e.procedure_id, e.valid_from, e.valid_to, p.jurisdiction_code, p.level, p.field_id, p.agency_id, p.status;
GO

-- Per procedure and program: what is in force on the baseline date (none when abolished on or before it), the cost
-- priced with the tariff of the procedure's jurisdiction for the year of the baseline date (NULL without it).
CREATE OR ALTER VIEW procedure_baselines_computed AS
SELECT
    p.id AS procedure_id, rp.code AS program_code, ht.hourly_tariff_vnd,
    w.time_units,
    w.money_centi + w.hours_hundredths * ht.hourly_tariff_vnd AS cost_centi,
    CASE WHEN w.cost_entry_id IS NULL THEN NULL ELSE w.annual_filings END AS annual_filings
FROM procedures p
CROSS JOIN reduction_programs rp
LEFT JOIN hourly_tariffs ht
    ON ht.jurisdiction_code = p.jurisdiction_code AND ht.year = YEAR(rp.baseline_date)
LEFT JOIN procedure_windows w
    ON w.procedure_id = p.id AND w.valid_from <= rp.baseline_date AND (w.valid_to IS NULL OR w.valid_to > rp.baseline_date)
   AND w.is_abolished = 0;
GO

-- The value in force of each measure, for the readers of one entry (procedure detail, export).
CREATE OR ALTER VIEW time_in_force AS
SELECT w.procedure_id, w.valid_from, w.valid_to, w.time_entry_id AS entry_id, w.time_units AS units
FROM procedure_windows w;
GO

CREATE OR ALTER VIEW cost_in_force AS
SELECT w.procedure_id, w.valid_from, w.valid_to, w.cost_entry_id AS entry_id, w.money_centi, w.hours_hundredths, w.annual_filings
FROM procedure_windows w;
GO

-- Inserting procedure ids here re-derives those procedures' rows: their windows, their documents' windows, their
-- baselines in every program, and the latest value of each attribute in their own columns (and of each document's
-- mark in documents). The one place that writes procedure_windows, document_windows and procedure_baselines for a
-- procedure, which the triggers (views/0150) and the deploy go through; it waits while a write has paused a procedure's
-- derivation, or a bulk load all of it (migration 0012: derivation_paused). INSTEAD OF triggers run whatever the server's
-- nested-triggers setting is.
CREATE OR ALTER VIEW procedure_windows_refresh AS
SELECT w.procedure_id FROM procedure_windows w WHERE 1 = 0;
GO

CREATE OR ALTER TRIGGER tr_procedure_windows_refresh ON procedure_windows_refresh INSTEAD OF INSERT
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM derivation_paused WHERE procedure_id = 0)
        RETURN;

    DECLARE @ids TABLE (procedure_id INT NOT NULL PRIMARY KEY);
    INSERT INTO @ids (procedure_id)
    SELECT DISTINCT i.procedure_id FROM inserted i
    WHERE NOT EXISTS (SELECT 1 FROM derivation_paused d WHERE d.procedure_id = i.procedure_id);

    -- HOLDLOCK: two transactions deriving the same procedure's rows must not both insert them.
    DELETE w FROM procedure_windows w WITH (HOLDLOCK) WHERE w.procedure_id IN (SELECT i.procedure_id FROM @ids i);
    INSERT INTO procedure_windows (
        procedure_id, valid_from, valid_to, jurisdiction_code, level, field_id, agency_id, status, kind, business_related, online_level,
        full_online_eligible, boundary_free, technical_regulation, is_abolished, last_reviewed_on, time_entry_id, time_units, cost_entry_id,
        money_centi, hours_hundredths, annual_filings, documents, documents_provided_once, online_level_entry_id, boundary_free_entry_id)
    SELECT
        c.procedure_id, c.valid_from, c.valid_to, c.jurisdiction_code, c.level, c.field_id, c.agency_id, c.status, c.kind, c.business_related, c.online_level,
        c.full_online_eligible, c.boundary_free, c.technical_regulation, c.is_abolished, c.last_reviewed_on, c.time_entry_id, c.time_units, c.cost_entry_id,
        c.money_centi, c.hours_hundredths, c.annual_filings, c.documents, c.documents_provided_once, c.online_level_entry_id, c.boundary_free_entry_id
    FROM procedure_windows_computed c
    WHERE c.procedure_id IN (SELECT i.procedure_id FROM @ids i);

    DELETE d FROM document_windows d WITH (HOLDLOCK) WHERE d.procedure_id IN (SELECT i.procedure_id FROM @ids i);
    INSERT INTO document_windows (document_id, valid_from, valid_to, procedure_id, entry_id, provided_once)
    SELECT c.item_id, c.valid_from, c.valid_to, c.procedure_id, c.entry_id, CASE WHEN c.value = N'true' THEN 1 ELSE 0 END
    FROM entry_windows_computed c
    WHERE c.procedure_id IN (SELECT i.procedure_id FROM @ids i) AND c.series = N'provided-once';

    DELETE b FROM procedure_baselines b WITH (HOLDLOCK) WHERE b.procedure_id IN (SELECT i.procedure_id FROM @ids i);
    INSERT INTO procedure_baselines (procedure_id, program_code, hourly_tariff_vnd, time_units, cost_centi, annual_filings)
    SELECT c.procedure_id, c.program_code, c.hourly_tariff_vnd, c.time_units, c.cost_centi, c.annual_filings
    FROM procedure_baselines_computed c
    WHERE c.procedure_id IN (SELECT i.procedure_id FROM @ids i);

    INSERT INTO reduction_windows_refresh (procedure_id) SELECT i.procedure_id FROM @ids i;

    UPDATE p
    SET kind = COALESCE(l.kind, p.kind),
        business_related = COALESCE(l.business_related, p.business_related),
        online_level = COALESCE(l.online_level, p.online_level),
        full_online_eligible = COALESCE(l.full_online_eligible, p.full_online_eligible),
        boundary_free = COALESCE(l.boundary_free, p.boundary_free),
        technical_regulation = COALESCE(l.technical_regulation, p.technical_regulation),
        last_reviewed_on = l.last_reviewed_on
    FROM procedures p
    INNER JOIN procedure_windows l ON l.procedure_id = p.id AND l.valid_to IS NULL
    WHERE p.id IN (SELECT i.procedure_id FROM @ids i);

    UPDATE d
    SET provided_once = l.provided_once
    FROM documents d
    INNER JOIN document_windows l ON l.document_id = d.id AND l.valid_to IS NULL
    WHERE d.procedure_id IN (SELECT i.procedure_id FROM @ids i) AND d.provided_once <> l.provided_once;
END;
GO

-- Inserting procedure ids here re-derives only their baselines: a program or a tariff changed, not the procedure.
CREATE OR ALTER VIEW procedure_baselines_refresh AS
SELECT b.procedure_id FROM procedure_baselines b WHERE 1 = 0;
GO

CREATE OR ALTER TRIGGER tr_procedure_baselines_refresh ON procedure_baselines_refresh INSTEAD OF INSERT
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM derivation_paused WHERE procedure_id = 0)
        RETURN;

    DECLARE @ids TABLE (procedure_id INT NOT NULL PRIMARY KEY);
    INSERT INTO @ids (procedure_id)
    SELECT DISTINCT i.procedure_id FROM inserted i
    WHERE NOT EXISTS (SELECT 1 FROM derivation_paused d WHERE d.procedure_id = i.procedure_id);

    DELETE b FROM procedure_baselines b WITH (HOLDLOCK) WHERE b.procedure_id IN (SELECT i.procedure_id FROM @ids i);
    INSERT INTO procedure_baselines (procedure_id, program_code, hourly_tariff_vnd, time_units, cost_centi, annual_filings)
    SELECT c.procedure_id, c.program_code, c.hourly_tariff_vnd, c.time_units, c.cost_centi, c.annual_filings
    FROM procedure_baselines_computed c
    WHERE c.procedure_id IN (SELECT i.procedure_id FROM @ids i);

    INSERT INTO reduction_windows_refresh (procedure_id) SELECT i.procedure_id FROM @ids i;
END;
GO

-- Inserting procedure ids here re-derives their reduction rows (migration 0018) from their windows and baselines as
-- they are: the last step of both refreshes above, and of the deploy for procedures that have none (views/0990).
CREATE OR ALTER VIEW reduction_windows_refresh AS
SELECT r.procedure_id FROM reduction_windows r WHERE 1 = 0;
GO

CREATE OR ALTER TRIGGER tr_reduction_windows_refresh ON reduction_windows_refresh INSTEAD OF INSERT
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM derivation_paused WHERE procedure_id = 0)
        RETURN;

    DECLARE @ids TABLE (procedure_id INT NOT NULL PRIMARY KEY);
    INSERT INTO @ids (procedure_id)
    SELECT DISTINCT i.procedure_id FROM inserted i
    WHERE NOT EXISTS (SELECT 1 FROM derivation_paused d WHERE d.procedure_id = i.procedure_id);

    DELETE r FROM reduction_windows r WITH (HOLDLOCK) WHERE r.procedure_id IN (SELECT i.procedure_id FROM @ids i);
    INSERT INTO reduction_windows (
        program_code, jurisdiction_code, agency_id, procedure_id, valid_from, valid_to, level, field_id, status, kind,
        business_related, online_level, full_online_eligible, boundary_free, technical_regulation, is_abolished,
        last_reviewed_on, documents, documents_provided_once, time_baseline, time_current, time_reduction_hundredths, hourly_tariff_vnd, cost_baseline, cost_current,
        cost_reduction_hundredths, baseline_annual_filings, current_annual_filings, baseline_yearly_centi,
        current_yearly_centi)
    SELECT
        c.program_code, c.jurisdiction_code, c.agency_id, c.id, c.valid_from, c.valid_to, c.level, c.field_id, c.status,
        c.kind, c.business_related, c.online_level, c.full_online_eligible, c.boundary_free, c.technical_regulation,
        c.is_abolished, c.last_reviewed_on, c.documents, c.documents_provided_once, c.time_baseline, c.time_current, c.time_reduction_hundredths, c.hourly_tariff_vnd,
        c.cost_baseline, c.cost_current, c.cost_reduction_hundredths, c.baseline_annual_filings,
        c.current_annual_filings, c.baseline_yearly_centi, c.current_yearly_centi
    FROM procedure_reductions_computed c
    WHERE c.id IN (SELECT i.procedure_id FROM @ids i);
END;
GO
