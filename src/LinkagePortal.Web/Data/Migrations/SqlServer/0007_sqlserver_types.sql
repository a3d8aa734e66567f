-- SQL Server made to compare as SQLite does (issue 10), SQL Server dialect. Keep in step with Sqlite/0007_sqlserver_types.sql.
-- 1. Every text column is NVARCHAR: Dapper sends strings as NVARCHAR, and a VARCHAR column compared with one is
--    converted row by row (an index scan where a seek was meant; keyset paging compared by two different rules).
-- 2. Codes, ids, vocabulary values, task names, case references and source table names carry the binary collation
--    Latin1_General_100_BIN2: they compare, range and order by code point, as SQLite's BINARY does, so "everything
--    under region C", keyset paging and ORDER BY give the same rows on both engines, and 乌苏市-2024-A and
--    乌苏市-2024-a (or full-width letters) are different case references and tasks, as on SQLite. A column's collation
--    wins over a parameter's, so plain NVARCHAR parameters compare bytewise too.
-- 3. Unique indexes over nullable columns are filtered to rows without NULLs: SQL Server treats NULLs as equal in a
--    unique index, SQLite as distinct; filtered, both leave rows with a NULL unconstrained.
-- ALTER COLUMN needs the column free of keys, indexes, constraints and statistics: those are dropped (the unnamed ones
-- by a catalog query) and created again by name afterwards.

-- Unnamed foreign keys, primary keys on text columns, CHECKs and DEFAULTs on altered columns, column statistics.
DECLARE @drop NVARCHAR(MAX);
SELECT @drop = STRING_AGG(CAST(N'ALTER TABLE ' + QUOTENAME(OBJECT_NAME(parent_object_id)) + N' DROP CONSTRAINT ' + QUOTENAME(name) AS NVARCHAR(MAX)), N'; ')
FROM sys.foreign_keys;
IF @drop IS NOT NULL EXEC sp_executesql @drop;

SELECT @drop = STRING_AGG(CAST(N'ALTER TABLE ' + QUOTENAME(OBJECT_NAME(k.parent_object_id)) + N' DROP CONSTRAINT ' + QUOTENAME(k.name) AS NVARCHAR(MAX)), N'; ')
FROM sys.key_constraints k
WHERE k.type = 'PK' AND OBJECT_NAME(k.parent_object_id) IN (N'regions', N'documents', N'project_funds', N'announcements', N'announcement_projects', N'announcement_documents', N'contacts', N'api_keys', N'api_key_counties');
IF @drop IS NOT NULL EXEC sp_executesql @drop;

SELECT @drop = STRING_AGG(CAST(N'ALTER TABLE ' + QUOTENAME(OBJECT_NAME(c.parent_object_id)) + N' DROP CONSTRAINT ' + QUOTENAME(c.name) AS NVARCHAR(MAX)), N'; ')
FROM sys.check_constraints c
WHERE OBJECT_NAME(c.parent_object_id) = N'complaints';
IF @drop IS NOT NULL EXEC sp_executesql @drop;

SELECT @drop = STRING_AGG(CAST(N'ALTER TABLE ' + QUOTENAME(OBJECT_NAME(d.parent_object_id)) + N' DROP CONSTRAINT ' + QUOTENAME(d.name) AS NVARCHAR(MAX)), N'; ')
FROM sys.default_constraints d
WHERE OBJECT_NAME(d.parent_object_id) = N'allocation_totals' AND COL_NAME(d.parent_object_id, d.parent_column_id) = N'task';
IF @drop IS NOT NULL EXEC sp_executesql @drop;

SELECT @drop = STRING_AGG(CAST(N'DROP STATISTICS ' + QUOTENAME(OBJECT_NAME(s.object_id)) + N'.' + QUOTENAME(s.name) AS NVARCHAR(MAX)), N'; ')
FROM sys.stats s
WHERE (s.auto_created = 1 OR s.user_created = 1)
  AND OBJECT_NAME(s.object_id) IN (N'regions', N'documents', N'allocations', N'allocation_totals', N'projects', N'project_funds', N'project_places', N'announcements', N'announcement_projects', N'announcement_documents', N'contacts', N'performance_targets', N'fund_reports', N'api_keys', N'api_key_counties', N'complaints', N'complaint_status_changes', N'audit_log');
IF @drop IS NOT NULL EXEC sp_executesql @drop;
GO

DROP INDEX ix_regions_parent ON regions;
DROP INDEX ux_allocations_cell ON allocations;
DROP INDEX ix_allocations_region ON allocations;
DROP INDEX ux_allocation_totals_cell ON allocation_totals;
DROP INDEX ux_projects_code ON projects;
DROP INDEX ix_projects_county ON projects;
DROP INDEX ix_projects_county_programme ON projects;
DROP INDEX ix_projects_source ON projects;
DROP INDEX ix_project_funds_document ON project_funds;
DROP INDEX ux_project_places ON project_places;
DROP INDEX ix_project_places_region ON project_places;
DROP INDEX ix_announcements_county ON announcements;
DROP INDEX ux_performance_targets ON performance_targets;
DROP INDEX ux_fund_reports ON fund_reports;
DROP INDEX ux_complaints_case ON complaints;
DROP INDEX ix_complaints_project ON complaints;
GO

ALTER TABLE regions ALTER COLUMN code NVARCHAR(12) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE regions ALTER COLUMN level NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE regions ALTER COLUMN parent_code NVARCHAR(12) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE documents ALTER COLUMN id NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE documents ALTER COLUMN fund_level NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE documents ALTER COLUMN kind NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE documents ALTER COLUMN task NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE documents ALTER COLUMN direct_fund_flag NVARCHAR(8) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE allocations ALTER COLUMN document_id NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE allocations ALTER COLUMN source_table NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE allocations ALTER COLUMN region_code NVARCHAR(12) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE allocations ALTER COLUMN task NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE allocations ALTER COLUMN derivation NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE allocation_totals ALTER COLUMN document_id NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE allocation_totals ALTER COLUMN source_table NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE allocation_totals ALTER COLUMN region_code NVARCHAR(12) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE allocation_totals ALTER COLUMN task NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE allocation_totals ALTER COLUMN derivation NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE projects ALTER COLUMN code NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE projects ALTER COLUMN programme NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE projects ALTER COLUMN county_code NVARCHAR(12) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE projects ALTER COLUMN derivation NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE projects ALTER COLUMN source_document_id NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE projects ALTER COLUMN source_table NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE project_funds ALTER COLUMN document_id NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE project_places ALTER COLUMN region_code NVARCHAR(12) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE project_places ALTER COLUMN match_kind NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE announcements ALTER COLUMN id NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE announcements ALTER COLUMN county_code NVARCHAR(12) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE announcements ALTER COLUMN source_document_id NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE announcement_projects ALTER COLUMN announcement_id NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE announcement_documents ALTER COLUMN announcement_id NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE announcement_documents ALTER COLUMN document_id NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE contacts ALTER COLUMN region_code NVARCHAR(12) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE contacts ALTER COLUMN source_document_id NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE performance_targets ALTER COLUMN document_id NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE performance_targets ALTER COLUMN source_table NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE fund_reports ALTER COLUMN region_code NVARCHAR(12) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE fund_reports ALTER COLUMN item NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE fund_reports ALTER COLUMN derivation NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE fund_reports ALTER COLUMN source_document_id NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE api_keys ALTER COLUMN id NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE api_keys ALTER COLUMN secret_hash NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE api_key_counties ALTER COLUMN key_id NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE api_key_counties ALTER COLUMN region_code NVARCHAR(12) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE complaints ALTER COLUMN case_reference NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE complaints ALTER COLUMN channel NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE complaints ALTER COLUMN status NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE complaint_status_changes ALTER COLUMN from_status NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE complaint_status_changes ALTER COLUMN to_status NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE audit_log ALTER COLUMN key_id NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE audit_log ALTER COLUMN action NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE audit_log ALTER COLUMN entity NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE audit_log ALTER COLUMN entity_id NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
GO

ALTER TABLE regions ADD CONSTRAINT pk_regions PRIMARY KEY (code);
ALTER TABLE documents ADD CONSTRAINT pk_documents PRIMARY KEY (id);
ALTER TABLE project_funds ADD CONSTRAINT pk_project_funds PRIMARY KEY (project_id, document_id);
ALTER TABLE announcements ADD CONSTRAINT pk_announcements PRIMARY KEY (id);
ALTER TABLE announcement_projects ADD CONSTRAINT pk_announcement_projects PRIMARY KEY (announcement_id, project_id);
ALTER TABLE announcement_documents ADD CONSTRAINT pk_announcement_documents PRIMARY KEY (announcement_id, document_id);
ALTER TABLE contacts ADD CONSTRAINT pk_contacts PRIMARY KEY (region_code);
ALTER TABLE api_keys ADD CONSTRAINT pk_api_keys PRIMARY KEY (id);
ALTER TABLE api_key_counties ADD CONSTRAINT pk_api_key_counties PRIMARY KEY (key_id, region_code);

CREATE INDEX ix_regions_parent ON regions(parent_code);
CREATE UNIQUE INDEX ux_allocations_cell ON allocations(document_id, region_code, task);
CREATE INDEX ix_allocations_region ON allocations(region_code);
CREATE UNIQUE INDEX ux_allocation_totals_cell ON allocation_totals(document_id, region_code, task);
CREATE UNIQUE INDEX ux_projects_code ON projects(code);
CREATE INDEX ix_projects_county ON projects(county_code, id);
CREATE INDEX ix_projects_county_programme ON projects(county_code, programme, code) INCLUDE (amount_yuan, published_at);
CREATE INDEX ix_projects_source ON projects(source_document_id, code);
CREATE INDEX ix_project_funds_document ON project_funds(document_id);
CREATE UNIQUE INDEX ux_project_places ON project_places(project_id, place_as_printed, region_code) WHERE region_code IS NOT NULL;
CREATE INDEX ix_project_places_region ON project_places(region_code, project_id);
CREATE INDEX ix_announcements_county ON announcements(county_code);
CREATE UNIQUE INDEX ux_performance_targets ON performance_targets(document_id, project_id, level1, level2, level3)
    WHERE document_id IS NOT NULL AND project_id IS NOT NULL AND level1 IS NOT NULL AND level3 IS NOT NULL;
CREATE UNIQUE INDEX ux_fund_reports ON fund_reports(region_code, fiscal_year, item);
CREATE UNIQUE INDEX ux_complaints_case ON complaints(organisation, case_reference);
CREATE INDEX ix_complaints_project ON complaints(project_id, status);

ALTER TABLE complaints ADD CONSTRAINT ck_complaints_channel CHECK (channel IN (N'hotline', N'discipline', N'other'));
ALTER TABLE complaints ADD CONSTRAINT ck_complaints_status CHECK (status IN (N'received', N'under_review', N'resolved', N'unfounded'));
ALTER TABLE allocation_totals ADD CONSTRAINT df_allocation_totals_task DEFAULT N'' FOR task;

ALTER TABLE regions ADD CONSTRAINT fk_regions_parent_code FOREIGN KEY (parent_code) REFERENCES regions(code);
ALTER TABLE allocations ADD CONSTRAINT fk_allocations_document_id FOREIGN KEY (document_id) REFERENCES documents(id);
ALTER TABLE allocations ADD CONSTRAINT fk_allocations_region_code FOREIGN KEY (region_code) REFERENCES regions(code);
ALTER TABLE allocation_totals ADD CONSTRAINT fk_allocation_totals_document_id FOREIGN KEY (document_id) REFERENCES documents(id);
ALTER TABLE allocation_totals ADD CONSTRAINT fk_allocation_totals_region_code FOREIGN KEY (region_code) REFERENCES regions(code);
ALTER TABLE projects ADD CONSTRAINT fk_projects_county_code FOREIGN KEY (county_code) REFERENCES regions(code);
ALTER TABLE projects ADD CONSTRAINT fk_projects_source_document_id FOREIGN KEY (source_document_id) REFERENCES documents(id);
ALTER TABLE project_funds ADD CONSTRAINT fk_project_funds_project_id FOREIGN KEY (project_id) REFERENCES projects(id);
ALTER TABLE project_funds ADD CONSTRAINT fk_project_funds_document_id FOREIGN KEY (document_id) REFERENCES documents(id);
ALTER TABLE project_places ADD CONSTRAINT fk_project_places_project_id FOREIGN KEY (project_id) REFERENCES projects(id);
ALTER TABLE project_places ADD CONSTRAINT fk_project_places_region_code FOREIGN KEY (region_code) REFERENCES regions(code);
ALTER TABLE announcements ADD CONSTRAINT fk_announcements_county_code FOREIGN KEY (county_code) REFERENCES regions(code);
ALTER TABLE announcements ADD CONSTRAINT fk_announcements_source_document_id FOREIGN KEY (source_document_id) REFERENCES documents(id);
ALTER TABLE announcement_projects ADD CONSTRAINT fk_announcement_projects_announcement_id FOREIGN KEY (announcement_id) REFERENCES announcements(id);
ALTER TABLE announcement_projects ADD CONSTRAINT fk_announcement_projects_project_id FOREIGN KEY (project_id) REFERENCES projects(id);
ALTER TABLE announcement_documents ADD CONSTRAINT fk_announcement_documents_announcement_id FOREIGN KEY (announcement_id) REFERENCES announcements(id);
ALTER TABLE announcement_documents ADD CONSTRAINT fk_announcement_documents_document_id FOREIGN KEY (document_id) REFERENCES documents(id);
ALTER TABLE contacts ADD CONSTRAINT fk_contacts_region_code FOREIGN KEY (region_code) REFERENCES regions(code);
ALTER TABLE contacts ADD CONSTRAINT fk_contacts_source_document_id FOREIGN KEY (source_document_id) REFERENCES documents(id);
ALTER TABLE performance_targets ADD CONSTRAINT fk_performance_targets_document_id FOREIGN KEY (document_id) REFERENCES documents(id);
ALTER TABLE performance_targets ADD CONSTRAINT fk_performance_targets_project_id FOREIGN KEY (project_id) REFERENCES projects(id);
ALTER TABLE fund_reports ADD CONSTRAINT fk_fund_reports_region_code FOREIGN KEY (region_code) REFERENCES regions(code);
ALTER TABLE fund_reports ADD CONSTRAINT fk_fund_reports_source_document_id FOREIGN KEY (source_document_id) REFERENCES documents(id);
ALTER TABLE api_key_counties ADD CONSTRAINT fk_api_key_counties_key_id FOREIGN KEY (key_id) REFERENCES api_keys(id);
ALTER TABLE api_key_counties ADD CONSTRAINT fk_api_key_counties_region_code FOREIGN KEY (region_code) REFERENCES regions(code);
ALTER TABLE complaints ADD CONSTRAINT fk_complaints_project_id FOREIGN KEY (project_id) REFERENCES projects(id);
ALTER TABLE complaint_status_changes ADD CONSTRAINT fk_complaint_status_changes_complaint_id FOREIGN KEY (complaint_id) REFERENCES complaints(id);
