-- SQL Server made to compare as SQLite does (issue 10), SQLite dialect. Keep in step with SqlServer/0007_sqlserver_types.sql.
-- SQLite already stores text as Unicode and compares it bytewise (BINARY collation), which the SQL Server script gives
-- the code, id, task and reference columns there. Both dialects now spell the unique indexes over nullable columns
-- with the same filter; SQLite treats NULLs as distinct in a unique index anyway, so its rows are constrained as before.
DROP INDEX ux_project_places;
CREATE UNIQUE INDEX ux_project_places ON project_places(project_id, place_as_printed, region_code) WHERE region_code IS NOT NULL;
DROP INDEX ux_performance_targets;
CREATE UNIQUE INDEX ux_performance_targets ON performance_targets(document_id, project_id, level1, level2, level3)
    WHERE document_id IS NOT NULL AND project_id IS NOT NULL AND level1 IS NOT NULL AND level3 IS NOT NULL;
