-- The rows of reduction_windows that hold a date, read as one range (issue 17, item 3). A report over every
-- jurisdiction keeps the window that holds @AsOf as valid_from <= @AsOf AND COALESCE(valid_to, '9999-12-31') > @AsOf
-- (report dates run to 2100-12-31, so the open end is later than any of them). Ordered by the end of the window, the windows that end on or before @AsOf
-- (most of a catalogue's history) are skipped instead of read; the index holds every column of the table, so that a
-- report never has to look a row up from it (one lookup per row would cost more than reading the whole table).
-- Only that form of the condition reads the index by its range: a statement of one jurisdiction or one procedure writes
-- it plainly (valid_to IS NULL OR valid_to > @AsOf) and reads its own range of the table
-- (src/ProcedureCatalog.Api/Reports/ReportQueries.cs, HoldsAsOf; tests/ProcedureCatalog.Tests/Database/SqlitePlanTests.cs).
CREATE INDEX ix_reduction_windows_holding ON reduction_windows (
    program_code, COALESCE(valid_to, '9999-12-31'),
    jurisdiction_code, agency_id, procedure_id, valid_from, valid_to, level, field_id, status, kind, business_related,
    online_level, full_online_eligible, boundary_free, technical_regulation, is_abolished, last_reviewed_on, documents,
    documents_provided_once, time_baseline, time_current, time_reduction_hundredths, hourly_tariff_vnd, cost_baseline,
    cost_current, cost_reduction_hundredths, baseline_annual_filings, current_annual_filings, baseline_yearly_centi,
    current_yearly_centi);
