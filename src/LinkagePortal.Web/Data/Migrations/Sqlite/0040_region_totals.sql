-- SQLite dialect; keep in step with SqlServer/0040_region_totals.sql.
-- Totals kept by the importer in the same transaction as the rows (Records/RegionTotals.cs), so that a region page
-- reads a few rows instead of summing every project and allocation below it.
-- region_totals: projects and their amounts per region (depth = the code's length: 2 region, 4 prefecture, 6 county
-- by county_code; 9 township and 12 village by the projects' places, a project once per place), programme and year.
-- allocation_sums: allocation cells per county (or per the region's or a prefecture's own code, for a cell there),
-- document, task and part of task.
-- visible_from: the latest publication time of the rows counted (their own or their document's); NULL when none is
-- stated. Rows are kept apart per visible_from and read with visible_from <= now, so an embargo boundary passing
-- folds its rows in without recomputation.
CREATE TABLE region_totals (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    region_code  TEXT NOT NULL,
    depth        INTEGER NOT NULL,
    programme    TEXT NOT NULL,
    fiscal_year  INTEGER NOT NULL,
    visible_from TEXT NULL,
    projects     INTEGER NOT NULL,
    amount_yuan  INTEGER NOT NULL
);
CREATE INDEX ix_region_totals_region ON region_totals(region_code, depth);
CREATE INDEX ix_region_totals_depth ON region_totals(depth, region_code);

CREATE TABLE allocation_sums (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    region_code  TEXT NOT NULL,
    document_id  TEXT NOT NULL,
    task         TEXT NOT NULL,
    part_of_task TEXT NULL,
    visible_from TEXT NULL,
    amount_yuan  INTEGER NOT NULL,
    cells        INTEGER NOT NULL,
    marked       INTEGER NOT NULL,
    first_row    INTEGER NULL
);
CREATE INDEX ix_allocation_sums_region ON allocation_sums(region_code);
