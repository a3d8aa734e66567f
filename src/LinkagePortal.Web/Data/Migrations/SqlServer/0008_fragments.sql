-- One fragment index for search and the hotline lookup (issue 10), SQL Server dialect. Keep in step with
-- Sqlite/0008_fragments.sql.
-- The character pairs of each project's name, responsible unit and printed places (Data/FragmentIndex.cs), written by
-- the importer into an ordinary table, the same on both engines. It replaces the LIKE '%…%' scans SQL Server made
-- for search and the lookup; the migrator fills it for the projects already loaded.

-- field: 1 name, 2 responsible unit, 3 printed place. Clustered on the fragment: a fragment's projects are one range
-- in id order. Fragments are compared by code point, as on SQLite.
CREATE TABLE project_fragments (
    fragment   NVARCHAR(4) COLLATE Latin1_General_100_BIN2 NOT NULL,
    field      TINYINT NOT NULL,
    project_id INT NOT NULL,
    CONSTRAINT pk_project_fragments PRIMARY KEY (fragment, field, project_id)
);
CREATE INDEX ix_project_fragments_project ON project_fragments(project_id);
