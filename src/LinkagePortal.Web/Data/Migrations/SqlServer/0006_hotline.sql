-- Supervisory hotlines, SQL Server dialect. Keep the complaint tables in step with Sqlite/0006_hotline.sql.
-- The SQLite script also builds an FTS5 lookup index; SQL Server has no FTS5, and the lookup matches fragments with
-- LIKE here (full-text search is an optional SQL Server feature that cannot be assumed installed).

-- An organisation's API key. The key is shown once when created; only its SHA-256 is kept.
CREATE TABLE api_keys (
    id           VARCHAR(32) NOT NULL PRIMARY KEY, -- public part of the key, named in `keys list` and `keys revoke`
    organisation NVARCHAR(200) NOT NULL,
    secret_hash  CHAR(64) NOT NULL,                -- SHA-256 of the whole key, lowercase hex
    created_at   DATETIME2(3) NOT NULL,
    revoked_at   DATETIME2(3) NULL
);

-- The regions (counties, or a prefecture or the region for all their counties) a key may record complaints for.
CREATE TABLE api_key_counties (
    key_id      VARCHAR(32) NOT NULL REFERENCES api_keys(id),
    region_code VARCHAR(12) NOT NULL REFERENCES regions(code),
    PRIMARY KEY (key_id, region_code)
);

-- A complaint about a listed project. No caller data: the summary is checked for phone and ID-card numbers.
CREATE TABLE complaints (
    id             INT IDENTITY(1,1) PRIMARY KEY,
    project_id     INT NOT NULL REFERENCES projects(id),
    organisation   NVARCHAR(200) NOT NULL,
    case_reference NVARCHAR(100) NOT NULL, -- the recording organisation's own reference: one complaint per reference
    received_at    DATETIME2(0) NOT NULL,
    channel        VARCHAR(16) NOT NULL CHECK (channel IN ('hotline', 'discipline', 'other')),
    category       NVARCHAR(100) NOT NULL,
    summary        NVARCHAR(1000) NOT NULL,
    status         VARCHAR(16) NOT NULL CHECK (status IN ('received', 'under_review', 'resolved', 'unfounded')),
    recorded_at    DATETIME2(3) NOT NULL,
    updated_at     DATETIME2(3) NOT NULL
);
CREATE UNIQUE INDEX ux_complaints_case ON complaints(organisation, case_reference);
CREATE INDEX ix_complaints_project ON complaints(project_id, status);

CREATE TABLE complaint_status_changes (
    id           INT IDENTITY(1,1) PRIMARY KEY,
    complaint_id INT NOT NULL REFERENCES complaints(id),
    from_status  VARCHAR(16) NOT NULL,
    to_status    VARCHAR(16) NOT NULL,
    reason       NVARCHAR(1000) NOT NULL,
    organisation NVARCHAR(200) NOT NULL,
    changed_at   DATETIME2(3) NOT NULL
);
CREATE INDEX ix_complaint_status_changes ON complaint_status_changes(complaint_id, id);

-- Every accepted write: who (the key's organisation), when, what, and the record before and after (JSON).
CREATE TABLE audit_log (
    id          BIGINT IDENTITY(1,1) PRIMARY KEY,
    occurred_at DATETIME2(3) NOT NULL,
    actor       NVARCHAR(200) NOT NULL,
    key_id      VARCHAR(32) NULL,
    action      VARCHAR(64) NOT NULL,
    entity      VARCHAR(64) NOT NULL,
    entity_id   VARCHAR(64) NOT NULL,
    before_json NVARCHAR(MAX) NULL,
    after_json  NVARCHAR(MAX) NULL
);
-- CREATE TRIGGER must start its own batch; the migrator runs a script as one, hence EXEC.
EXEC(N'CREATE TRIGGER audit_log_append_only ON audit_log INSTEAD OF UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    THROW 51000, ''audit_log is append-only'', 1;
END');
