-- SQLite dialect; keep in step with SqlServer/0100_allocation_sum_levels.sql.
-- allocation_sums at every level above a county too (Records/RegionTotals.cs), as region_totals are: depth 6 holds the
-- rows kept so far (per county, or per the region's or a prefecture's own code for a cell there), depth 4 and 2 their
-- sums per prefecture and per region. A region's or prefecture's page then reads its own rows and its children's
-- instead of regrouping every county's (7,500 rows for the region at 1M projects). The migrator fills the new levels.
ALTER TABLE allocation_sums ADD COLUMN depth INTEGER NOT NULL DEFAULT 6;
DROP INDEX ix_allocation_sums_region;
CREATE INDEX ix_allocation_sums_depth ON allocation_sums(depth, region_code);
