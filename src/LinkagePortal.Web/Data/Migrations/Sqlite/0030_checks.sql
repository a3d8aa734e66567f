-- Accountability checks, SQLite dialect. Keep in step with SqlServer/0030_checks.sql.
-- check_rules: the rules the checks apply, loaded from content/data/check_rules.csv by the importer.
-- check_results: every check's findings, rebuilt as a whole (Checks/CheckResults.cs) when the data, the embargo state,
-- the recorded complaints or the Beijing date change; requests only read it.

CREATE TABLE check_rules (
    id          TEXT NOT NULL PRIMARY KEY,
    check_kind  TEXT NOT NULL,
    title       TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id),
    article     TEXT NOT NULL,
    quote       TEXT NOT NULL,
    keywords    TEXT NULL, -- ';'-separated screening words (the portal's, not the document's)
    source      TEXT NOT NULL, -- seed file and line(s) the quote was read from
    note        TEXT NULL
);

CREATE TABLE check_results (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    check_kind           TEXT NOT NULL,
    rule_id              TEXT NOT NULL REFERENCES check_rules(id),
    county_code          TEXT NOT NULL REFERENCES regions(code),
    programme            TEXT NULL,
    fiscal_year          INTEGER NULL,
    subject_kind         TEXT NOT NULL,
    subject_id           TEXT NOT NULL,
    subject_title        TEXT NULL,
    item                 TEXT NULL,
    outcome              TEXT NOT NULL,
    allocated_yuan       INTEGER NULL,
    detailed_yuan        INTEGER NULL,
    reported_yuan        INTEGER NULL,
    difference_yuan      INTEGER NULL,
    amount_yuan          INTEGER NULL,
    figure               TEXT NULL, -- a count, median or rate as an invariant decimal
    unit                 TEXT NULL,
    matched_words        TEXT NULL,
    source_document_id   TEXT NULL REFERENCES documents(id),
    detail               TEXT NULL
);
CREATE INDEX ix_check_results_county ON check_results(county_code, id);
CREATE INDEX ix_check_results_kind ON check_results(check_kind, id);
