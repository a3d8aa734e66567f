-- Publishing through the portal (issue 16), SQL Server dialect. Keep in step with Sqlite/0071_publishing.sql.
-- A key is for one scope: recording complaints (every key issued before scopes) or publishing.
ALTER TABLE api_keys ADD scope NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT df_api_keys_scope DEFAULT N'complaints';

-- One publication or correction a publisher sent, by the publisher's own reference (sending it again changes
-- nothing). published_at is stamped by the server: the time received, or the future time the publisher scheduled.
CREATE TABLE publications (
    id              INT IDENTITY(1,1) PRIMARY KEY,
    organisation_id INT NOT NULL REFERENCES organisations(id),
    reference       NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    key_id          NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NOT NULL REFERENCES api_keys(id),
    kind            NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL, -- announcement | correction
    county_code     NVARCHAR(12) COLLATE Latin1_General_100_BIN2 NOT NULL REFERENCES regions(code),
    record_type     NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
    record_id       NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    received_at     DATETIME2 NOT NULL,
    published_at    DATETIME2 NOT NULL,
    claimed_at      DATETIME2 NULL, -- a time the publisher's body claimed, kept and not used
    body            NVARCHAR(MAX) NOT NULL
);
CREATE UNIQUE INDEX ux_publications_reference ON publications(organisation_id, reference);

-- Records published through the portal carry 'portal': their publication time is the server's, not a printed one.
ALTER TABLE announcements ADD published_via NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE projects ADD published_via NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NULL;
