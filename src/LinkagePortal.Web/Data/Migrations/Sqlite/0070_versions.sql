-- Every change on the record (issue 16), SQLite dialect. Keep in step with SqlServer/0070_versions.sql.
-- record_versions: the append-only history of every public record (Import/VersionWriter.cs writes it; nothing updates
-- or deletes a row). record_id is the record's public id (a project's code, a document's or notice's id, an
-- allocation cell's "document/region/task"). changes is JSON: [{"field":…,"before":…,"after":…}]. visible_at is when
-- the version becomes public (its commit time, or the record's publication time when that is later); feed_position
-- orders the changes feed: visible_at and id written fixed-width, so that text order is (visible_at, id) order.
CREATE TABLE record_versions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    record_type   TEXT NOT NULL,
    record_id     TEXT NOT NULL,
    version       INTEGER NOT NULL,
    kind          TEXT NOT NULL, -- created | changed | withdrawn
    changed_at    TEXT NOT NULL,
    visible_at    TEXT NOT NULL,
    feed_position TEXT NOT NULL,
    changes       TEXT NULL,
    source        TEXT NOT NULL, -- file:line, or the publishing organisation
    reason        TEXT NULL
);
CREATE UNIQUE INDEX ux_record_versions ON record_versions(record_type, record_id, version);
CREATE UNIQUE INDEX ux_record_versions_feed ON record_versions(feed_position);

-- Records missing from a later import of their document's list are withdrawn, not deleted: hidden by Records/Public.cs.
ALTER TABLE projects ADD COLUMN withdrawn_at TEXT NULL;
ALTER TABLE announcements ADD COLUMN withdrawn_at TEXT NULL;
ALTER TABLE allocations ADD COLUMN withdrawn_at TEXT NULL;
