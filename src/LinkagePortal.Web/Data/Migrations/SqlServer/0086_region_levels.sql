-- SQL Server dialect; keep in step with Sqlite/0086_region_levels.sql.
-- The regions of one level in code order: the prefectures and counties a search query may start with (read on every
-- search), the home page's prefectures, the region and checks pages' counties. Each of these scanned all 16,000
-- regions (1-2 ms a time) for some 120 rows.
CREATE INDEX ix_regions_level ON regions(level, code);
