-- SQL Server dialect; keep in step with Sqlite/0040_region_totals.sql (which explains the tables).
-- Codes, ids, vocabulary values and task names are NVARCHAR with the binary collation (compared as in SQLite).
CREATE TABLE region_totals (
    id           BIGINT IDENTITY(1,1) PRIMARY KEY,
    region_code  NVARCHAR(12) COLLATE Latin1_General_100_BIN2 NOT NULL,
    depth        INT NOT NULL,
    programme    NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
    fiscal_year  INT NOT NULL,
    visible_from DATETIME2(0) NULL,
    projects     BIGINT NOT NULL,
    amount_yuan  BIGINT NOT NULL
);
CREATE INDEX ix_region_totals_region ON region_totals(region_code, depth);
CREATE INDEX ix_region_totals_depth ON region_totals(depth, region_code);

CREATE TABLE allocation_sums (
    id           BIGINT IDENTITY(1,1) PRIMARY KEY,
    region_code  NVARCHAR(12) COLLATE Latin1_General_100_BIN2 NOT NULL,
    document_id  NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    task         NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    part_of_task NVARCHAR(400) NULL,
    visible_from DATETIME2(0) NULL,
    amount_yuan  BIGINT NOT NULL,
    cells        BIGINT NOT NULL,
    marked       BIGINT NOT NULL,
    first_row    INT NULL
);
CREATE INDEX ix_allocation_sums_region ON allocation_sums(region_code);
