-- SQL Server dialect; keep in step with Sqlite/0100_allocation_sum_levels.sql (which explains the levels).
ALTER TABLE allocation_sums ADD depth INT NOT NULL CONSTRAINT df_allocation_sums_depth DEFAULT 6;
GO
DROP INDEX ix_allocation_sums_region ON allocation_sums;
CREATE INDEX ix_allocation_sums_depth ON allocation_sums(depth, region_code);
