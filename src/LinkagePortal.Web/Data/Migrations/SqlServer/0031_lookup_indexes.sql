-- SQL Server dialect; keep in step with Sqlite/0031_lookup_indexes.sql.
-- Plain indexes for what the filtered unique indexes of 0007_sqlserver_types.sql stopped answering. A filtered index
-- serves only queries that imply its filter, so "the places of these projects" (every project page, list and CSV
-- export) and "the targets of this project" scanned the whole table at a million projects. Same in both dialects.
CREATE INDEX ix_project_places_project ON project_places(project_id, id);
CREATE INDEX ix_performance_targets_project ON performance_targets(project_id, id);
