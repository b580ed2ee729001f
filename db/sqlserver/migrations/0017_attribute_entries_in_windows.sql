-- The entry of each dated attribute a report names with its decision: a procedure's window (migration 0012) carries,
-- beside the online level and boundary-free flag in force in it, the id of the attribute_history entry that gives
-- each, as it carries the time and cost entries (time_entry_id, cost_entry_id). The periodic reports read the date and
-- decision of a procedure newly online, fully online or boundary-free from there (domain brief, section 10), so the rule
-- of what is in force (views/0100_history_windows.sql) stays written once.
--
-- The rows derived before this migration have no entry yet: every deploy derives again the procedures whose windows
-- carry a value without its entry (views/0150_history_triggers.sql), so an old catalogue has them after its migrate.
ALTER TABLE procedure_windows ADD
    online_level_entry_id  INT NULL,
    boundary_free_entry_id INT NULL;
