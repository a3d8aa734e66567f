-- SQL Server dialect; keep in step with Sqlite/0085_region_fragments.sql.
-- The character pairs of every region's name and short name (Records/RegionNameIndex.cs), written by the importer
-- with the regions: the hotline finds the villages, townships and counties whose name holds what a caller says
-- through the rarest of its pairs instead of comparing all 16,000 names with LIKE '%…%' on every lookup (the
-- largest part of a lookup's time at a million projects). The migrator fills it for the regions already loaded.
-- Fragments and codes are compared by code point, as on SQLite.
CREATE TABLE region_fragments (
    fragment    NVARCHAR(4) COLLATE Latin1_General_100_BIN2 NOT NULL,
    region_code NVARCHAR(12) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT pk_region_fragments PRIMARY KEY (fragment, region_code)
);
CREATE INDEX ix_region_fragments_region ON region_fragments(region_code);
