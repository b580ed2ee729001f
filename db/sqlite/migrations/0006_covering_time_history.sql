-- The reports read the time in force on two dates per procedure. With amount and unit in the index, the
-- backward seek that finds the entry also gives its value, without a second lookup in the table per date
-- (measured at 61,000 procedures: tests/ProcedureCatalog.Benchmarks/README.md).
DROP INDEX ix_time_history_in_force;
CREATE INDEX ix_time_history_in_force ON time_history (procedure_id, effective_from, recorded_at, id, amount, unit);
