-- Twin of db/sqlite/migrations/0008_ids_never_reused.sql, which rebuilds SQLite's tables with AUTOINCREMENT so that
-- an id is never handed out twice. SQL Server's IDENTITY columns never hand an id out again after a delete (they
-- only move forward; not even a rollback returns one), so there is nothing to do here. The script exists because
-- every migration has its twin in both dialects, and it runs a statement because DbUp runs every script it journals.
SELECT 1 AS ids_are_never_reused_by_identity;
