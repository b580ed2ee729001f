-- The rows of reduction_windows read by the reports' scans (issue 17, item 3): SQLite gets an index ordered by the end
-- of each window that holds every column (db/sqlite/migrations/0019), so that the windows that end on or before @AsOf
-- are skipped. SQL Server's form of "a second copy of the table for scanning" is a nonclustered columnstore index: the
-- reports' sums over hundreds of thousands of rows read only the columns they use, compressed, in batch mode, while
-- the rowstore keeps serving the ranges of one jurisdiction and the rows of one procedure.
CREATE NONCLUSTERED COLUMNSTORE INDEX ix_reduction_windows_holding ON reduction_windows (
    program_code, jurisdiction_code, agency_id, procedure_id, valid_from, valid_to, level, field_id, status, kind,
    business_related, online_level, full_online_eligible, boundary_free, technical_regulation, is_abolished,
    last_reviewed_on, documents, documents_provided_once, time_baseline, time_current, time_reduction_hundredths,
    hourly_tariff_vnd, cost_baseline, cost_current, cost_reduction_hundredths, baseline_annual_filings,
    current_annual_filings, baseline_yearly_centi, current_yearly_centi);
GO
