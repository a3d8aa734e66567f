-- Write path to ASVS level 2 (issue 12), SQL Server dialect. Keep in step with Sqlite/0020_hosting.sql.
-- The migrator runs a script as one batch, which is compiled whole: statements that name a column added here run
-- through EXEC, so that they are compiled after the column exists.
CREATE TABLE organisations (
    id   INT IDENTITY(1,1) PRIMARY KEY,
    name NVARCHAR(200) NOT NULL UNIQUE
);
INSERT INTO organisations (name) SELECT organisation FROM api_keys UNION SELECT organisation FROM complaints;

ALTER TABLE api_keys ADD organisation_id INT NULL REFERENCES organisations(id);
EXEC(N'UPDATE api_keys SET organisation_id = (SELECT o.id FROM organisations o WHERE o.name = api_keys.organisation)');

ALTER TABLE complaints ADD organisation_id INT NULL REFERENCES organisations(id);
EXEC(N'UPDATE complaints SET organisation_id = (SELECT o.id FROM organisations o WHERE o.name = complaints.organisation)');
DROP INDEX ux_complaints_case ON complaints;
EXEC(N'CREATE UNIQUE INDEX ux_complaints_case ON complaints(organisation_id, case_reference)');

-- The audit log's hash chain (see AuditLog.cs). The INSTEAD OF UPDATE, DELETE trigger of 0006 already refuses
-- MERGE and every other overwrite; SQL Server has no INSERT OR REPLACE.
ALTER TABLE audit_log ADD previous_hash NVARCHAR(64) NULL;
ALTER TABLE audit_log ADD entry_hash NVARCHAR(64) NULL;
