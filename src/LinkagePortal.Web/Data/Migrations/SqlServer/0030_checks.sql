-- Accountability checks, SQL Server dialect. Keep in step with Sqlite/0030_checks.sql.
-- check_rules: the rules the checks apply, loaded from content/data/check_rules.csv by the importer.
-- check_results: every check's findings, rebuilt as a whole (Checks/CheckResults.cs) when the data, the embargo state,
-- the recorded complaints or the Beijing date change; requests only read it. Codes, ids and vocabulary values are
-- NVARCHAR with a binary collation (as 0007_sqlserver_types.sql explains): they compare by code point, as in SQLite.

CREATE TABLE check_rules (
    id          NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    check_kind  NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
    title       NVARCHAR(200) NOT NULL,
    document_id NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL REFERENCES documents(id),
    article     NVARCHAR(100) NOT NULL,
    quote       NVARCHAR(1000) NOT NULL,
    keywords    NVARCHAR(1000) NULL, -- ';'-separated screening words (the portal's, not the document's)
    source      NVARCHAR(200) NOT NULL, -- seed file and line(s) the quote was read from
    note        NVARCHAR(2000) NULL
);

CREATE TABLE check_results (
    id                   INT IDENTITY(1,1) PRIMARY KEY,
    check_kind           NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
    rule_id              NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL REFERENCES check_rules(id),
    county_code          NVARCHAR(12) COLLATE Latin1_General_100_BIN2 NOT NULL REFERENCES regions(code),
    programme            NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NULL,
    fiscal_year          INT NULL,
    subject_kind         NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
    subject_id           NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    subject_title        NVARCHAR(1000) NULL,
    item                 NVARCHAR(200) NULL,
    outcome              NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
    allocated_yuan       BIGINT NULL,
    detailed_yuan        BIGINT NULL,
    reported_yuan        BIGINT NULL,
    difference_yuan      BIGINT NULL,
    amount_yuan          BIGINT NULL,
    figure               NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NULL, -- a count, median or rate as an invariant decimal
    unit                 NVARCHAR(16) NULL,
    matched_words        NVARCHAR(500) NULL,
    source_document_id   NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL REFERENCES documents(id),
    detail               NVARCHAR(MAX) NULL
);
CREATE INDEX ix_check_results_county ON check_results(county_code, id);
CREATE INDEX ix_check_results_kind ON check_results(check_kind, id);
