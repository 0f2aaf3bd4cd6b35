-- Indexes the task lists' statements need at a province's scale (issue 8, README "Performance").
-- 我发起的 (GET /api/tasks?view=started) pages the caller's submitted projects: without this, every request reads
-- the whole project table.
create index if not exists ix_project_submitted_by on project (submitted_by, id);
-- The same file imported again answers with the earlier import's projects (ImportService.alreadyImported).
create index if not exists ix_project_import on project (import_id);
-- Camunda's ACT_RU_TASK gets its index for the 待办 order (due date, creation) from review/TaskListIndexes once the
-- engine is up: on a fresh database Flyway runs before the engine creates its ACT_ tables (compare
-- flyway_schema_history with ACT_GE_SCHEMA_LOG), so a migration cannot index them.
