-- One fragment index for search and the hotline lookup (issue 10), SQLite dialect. Keep in step with
-- SqlServer/0008_fragments.sql.
-- The character pairs of each project's name, responsible unit and printed places (Data/FragmentIndex.cs), written by
-- the importer into an ordinary table, the same on both engines. It replaces the FTS5 tables of 0006_hotline.sql and
-- their triggers, which indexed every row as it arrived and made bulk loads several times slower; the migrator fills
-- it for the projects already loaded.
DROP TRIGGER projects_lookup_insert;
DROP TRIGGER projects_lookup_update;
DROP TRIGGER projects_lookup_delete;
DROP TRIGGER project_places_lookup_insert;
DROP TRIGGER project_places_lookup_update;
DROP TRIGGER project_places_lookup_delete;
DROP TABLE project_name_lookup;
DROP TABLE project_unit_lookup;
DROP TABLE project_place_lookup;
DROP TABLE lookup_positions;

-- field: 1 name, 2 responsible unit, 3 printed place. Clustered on the fragment (WITHOUT ROWID): a fragment's projects
-- are one range in id order.
CREATE TABLE project_fragments (
    fragment   TEXT NOT NULL,
    field      INTEGER NOT NULL,
    project_id INTEGER NOT NULL,
    PRIMARY KEY (fragment, field, project_id)
) WITHOUT ROWID;
CREATE INDEX ix_project_fragments_project ON project_fragments(project_id);
