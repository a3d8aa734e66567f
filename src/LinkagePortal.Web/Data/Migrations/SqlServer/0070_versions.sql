-- Every change on the record (issue 16), SQL Server dialect. Keep in step with Sqlite/0070_versions.sql.
-- record_versions: the append-only history of every public record (Import/VersionWriter.cs writes it; nothing updates
-- or deletes a row). record_id is the record's public id (a project's code, a document's or notice's id, an
-- allocation cell's "document/region/task"). changes is JSON: [{"field":…,"before":…,"after":…}]. visible_at is when
-- the version becomes public (its commit time, or the record's publication time when that is later); feed_position
-- orders the changes feed: visible_at and id written fixed-width, so that (binary) text order is (visible_at, id) order.
CREATE TABLE record_versions (
    id            BIGINT IDENTITY(1,1) PRIMARY KEY,
    record_type   NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
    record_id     NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    version       INT NOT NULL,
    kind          NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL, -- created | changed | withdrawn
    changed_at    DATETIME2 NOT NULL,
    visible_at    DATETIME2 NOT NULL,
    feed_position NVARCHAR(48) COLLATE Latin1_General_100_BIN2 NOT NULL,
    changes       NVARCHAR(MAX) NULL,
    source        NVARCHAR(400) NOT NULL, -- file:line, or the publishing organisation
    reason        NVARCHAR(1000) NULL
);
CREATE UNIQUE INDEX ux_record_versions ON record_versions(record_type, record_id, version);
CREATE UNIQUE INDEX ux_record_versions_feed ON record_versions(feed_position);

-- Records missing from a later import of their document's list are withdrawn, not deleted: hidden by Records/Public.cs.
ALTER TABLE projects ADD withdrawn_at DATETIME2 NULL;
ALTER TABLE announcements ADD withdrawn_at DATETIME2 NULL;
ALTER TABLE allocations ADD withdrawn_at DATETIME2 NULL;
