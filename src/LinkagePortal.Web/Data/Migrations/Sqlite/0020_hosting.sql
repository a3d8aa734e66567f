-- Write path to ASVS level 2 (issue 12). Keep in step with SqlServer/0020_hosting.sql.
-- Organisations own keys and complaints by id, not by a name typed at the command line: idempotency and the right to
-- move a complaint's status are the organisation's.
CREATE TABLE organisations (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE
);
INSERT INTO organisations (name) SELECT organisation FROM api_keys UNION SELECT organisation FROM complaints;

ALTER TABLE api_keys ADD COLUMN organisation_id INTEGER NULL REFERENCES organisations(id);
UPDATE api_keys SET organisation_id = (SELECT o.id FROM organisations o WHERE o.name = api_keys.organisation);

ALTER TABLE complaints ADD COLUMN organisation_id INTEGER NULL REFERENCES organisations(id);
UPDATE complaints SET organisation_id = (SELECT o.id FROM organisations o WHERE o.name = complaints.organisation);
DROP INDEX ux_complaints_case;
CREATE UNIQUE INDEX ux_complaints_case ON complaints(organisation_id, case_reference);

-- The audit log is a hash chain: each entry carries the previous entry's hash and its own (see AuditLog.cs);
-- `audit verify` recomputes it. Entries written before this script have none and precede the chain.
ALTER TABLE audit_log ADD COLUMN previous_hash TEXT NULL;
ALTER TABLE audit_log ADD COLUMN entry_hash TEXT NULL;

-- INSERT OR REPLACE deletes the old row without firing the DELETE trigger: refuse any insert that names an
-- existing entry's id.
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
