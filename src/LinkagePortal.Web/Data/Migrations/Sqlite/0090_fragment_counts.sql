-- SQLite dialect; keep in step with SqlServer/0090_fragment_counts.sql.
-- How many projects have each character pair in each field (Records/FragmentIndex.cs), kept exact by every writer of
-- project_fragments in the same transaction: search and the hotline lookup pick a query's rarest pairs from these
-- counts instead of counting a sample of each pair's posting list (a common pair's thousand rows, for every pair of
-- the query and every field, was most of a lookup's time at a million projects). Filled here for the rows loaded.
CREATE TABLE project_fragment_counts (
    fragment TEXT NOT NULL,
    field    INTEGER NOT NULL,
    projects INTEGER NOT NULL,
    PRIMARY KEY (fragment, field)
) WITHOUT ROWID;
INSERT INTO project_fragment_counts (fragment, field, projects)
SELECT fragment, field, COUNT(*) FROM project_fragments GROUP BY fragment, field;
