-- SQL Server dialect; keep in step with Sqlite/0096_data_version_counties.sql.
-- What each import changed, keyed by the data version it moved to, so that every web node evicts only the cached
-- pages that show it: one row per county whose records changed, and one row with county_code '' for the pages that
-- show more than one county (home, lists, search, prefectures, the region). A version without its '' row (a whole-file
-- replacement, a change of regions or documents, a synthetic load, or any version before this table) evicts everything.
CREATE TABLE data_version_counties (
    version     BIGINT NOT NULL,
    county_code NVARCHAR(6) COLLATE Latin1_General_100_BIN2 NOT NULL,
    PRIMARY KEY (version, county_code)
);
