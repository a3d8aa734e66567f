-- Publishing through the portal (issue 16), SQLite dialect. Keep in step with SqlServer/0071_publishing.sql.
-- A key is for one scope: recording complaints (every key issued before scopes) or publishing.
ALTER TABLE api_keys ADD COLUMN scope TEXT NOT NULL DEFAULT 'complaints';

-- One publication or correction a publisher sent, by the publisher's own reference (sending it again changes
-- nothing). published_at is stamped by the server: the time received, or the future time the publisher scheduled.
CREATE TABLE publications (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    reference       TEXT NOT NULL,
    key_id          TEXT NOT NULL REFERENCES api_keys(id),
    kind            TEXT NOT NULL, -- announcement | correction
    county_code     TEXT NOT NULL REFERENCES regions(code),
    record_type     TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    published_at    TEXT NOT NULL,
    claimed_at      TEXT NULL, -- a time the publisher's body claimed, kept and not used
    body            TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_publications_reference ON publications(organisation_id, reference);

-- Records published through the portal carry 'portal': their publication time is the server's, not a printed one.
ALTER TABLE announcements ADD COLUMN published_via TEXT NULL;
ALTER TABLE projects ADD COLUMN published_via TEXT NULL;
