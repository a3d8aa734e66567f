-- Accountability checks, SQL Server dialect. Keep in step with Sqlite/0030_checks.sql.
-- check_rules: the rules the checks apply, loaded from content/data/check_rules.csv by the importer.
-- check_results: every check's findings, rebuilt as a whole (Checks/CheckResults.cs) when the data, the embargo state,
-- the recorded complaints or the Beijing date change; requests only read it.

CREATE TABLE check_rules (
    id          VARCHAR(64) NOT NULL PRIMARY KEY,
    check_kind  VARCHAR(32) NOT NULL,
    title       NVARCHAR(200) NOT NULL,
    document_id VARCHAR(64) NOT NULL REFERENCES documents(id),
    article     NVARCHAR(100) NOT NULL,
    quote       NVARCHAR(1000) NOT NULL,
    keywords    NVARCHAR(1000) NULL, -- ';'-separated screening words (the portal's, not the document's)
    source      NVARCHAR(200) NOT NULL, -- seed file and line(s) the quote was read from
    note        NVARCHAR(2000) NULL
);

CREATE TABLE check_results (
    id                   INT IDENTITY(1,1) PRIMARY KEY,
    check_kind           VARCHAR(32) NOT NULL,
    rule_id              VARCHAR(64) NOT NULL REFERENCES check_rules(id),
    county_code          VARCHAR(12) NOT NULL REFERENCES regions(code),
    programme            VARCHAR(16) NULL,
    fiscal_year          INT NULL,
    subject_kind         VARCHAR(16) NOT NULL,
    subject_id           VARCHAR(64) NOT NULL,
    subject_title        NVARCHAR(1000) NULL,
    item                 NVARCHAR(200) NULL,
    outcome              VARCHAR(32) NOT NULL,
    allocated_yuan       BIGINT NULL,
    detailed_yuan        BIGINT NULL,
    reported_yuan        BIGINT NULL,
    difference_yuan      BIGINT NULL,
    amount_yuan          BIGINT NULL,
    figure               VARCHAR(32) NULL, -- a count, median or rate as an invariant decimal
    unit                 NVARCHAR(16) NULL,
    matched_words        NVARCHAR(500) NULL,
    source_document_id   VARCHAR(64) NULL REFERENCES documents(id),
    detail               NVARCHAR(MAX) NULL
);
CREATE INDEX ix_check_results_county ON check_results(county_code, id);
CREATE INDEX ix_check_results_kind ON check_results(check_kind, id);
