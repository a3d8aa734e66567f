-- LinkagePortal schema, SQLite dialect. Keep in step with SqlServer/0001_schema.sql.
-- Money is stored as whole yuan (BIGINT): exact in both dialects and exact under SUM; 1 万元 = 10000 yuan.
-- Times are UTC. A NULL published_at means public, publication time not stated by the source.

CREATE TABLE regions (
    code        TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL,
    short_name  TEXT NOT NULL, -- name without the committee suffix (科克萨拉村委会 → 科克萨拉村), derived at import
    level       TEXT NOT NULL,
    parent_code TEXT NULL REFERENCES regions(code)
);
CREATE INDEX ix_regions_parent ON regions(parent_code);
CREATE INDEX ix_regions_name ON regions(short_name);

CREATE TABLE documents (
    id               TEXT NOT NULL PRIMARY KEY,
    number           TEXT NULL,
    title            TEXT NOT NULL,
    issuer           TEXT NOT NULL,
    issued_on        TEXT NULL,
    fund_level       TEXT NULL,
    fiscal_year      INTEGER NULL,
    kind             TEXT NOT NULL,
    task             TEXT NULL,
    budget_subjects  TEXT NULL,
    direct_fund_flag TEXT NULL,
    arose_on         TEXT NULL,
    published_at     TEXT NULL,
    source           TEXT NOT NULL,
    note             TEXT NULL
);
CREATE UNIQUE INDEX ux_documents_number ON documents(number) WHERE number IS NOT NULL;

CREATE TABLE allocations (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id         TEXT NOT NULL REFERENCES documents(id),
    source_table        TEXT NOT NULL,
    row_no              INTEGER NULL,
    region_code         TEXT NOT NULL REFERENCES regions(code),
    region_name_printed TEXT NOT NULL,
    task                TEXT NOT NULL,
    part_of_task        TEXT NULL,
    amount_yuan         INTEGER NOT NULL,
    printed_text        TEXT NULL,
    derivation          TEXT NOT NULL,
    note                TEXT NULL,
    arose_on            TEXT NULL,
    published_at        TEXT NULL,
    is_synthetic        INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_allocations_cell ON allocations(document_id, region_code, task);
CREATE INDEX ix_allocations_region ON allocations(region_code);

CREATE TABLE allocation_totals (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id         TEXT NOT NULL REFERENCES documents(id),
    source_table        TEXT NOT NULL,
    region_code         TEXT NOT NULL REFERENCES regions(code),
    region_name_printed TEXT NOT NULL,
    task                TEXT NOT NULL DEFAULT '',
    amount_yuan         INTEGER NOT NULL,
    printed_text        TEXT NULL,
    derivation          TEXT NOT NULL,
    note                TEXT NULL
);
CREATE UNIQUE INDEX ux_allocation_totals_cell ON allocation_totals(document_id, region_code, task);

CREATE TABLE projects (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    code                 TEXT NOT NULL,
    programme            TEXT NOT NULL,
    fiscal_year          INTEGER NOT NULL,
    name                 TEXT NOT NULL,
    county_code          TEXT NOT NULL REFERENCES regions(code),
    amount_yuan          INTEGER NOT NULL,
    printed_text         TEXT NULL,
    derivation           TEXT NOT NULL,
    responsible_unit     TEXT NULL,
    category             TEXT NULL,
    construction_content TEXT NULL,
    status               TEXT NULL,
    spent_yuan           INTEGER NULL,
    source_document_id   TEXT NOT NULL REFERENCES documents(id),
    source_table         TEXT NOT NULL,
    row_no               INTEGER NULL,
    arose_on             TEXT NULL,
    published_at         TEXT NULL,
    note                 TEXT NULL,
    is_synthetic         INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_projects_code ON projects(code);
CREATE INDEX ix_projects_county ON projects(county_code, id);
CREATE INDEX ix_projects_year ON projects(fiscal_year, id);

CREATE TABLE project_funds (
    project_id  INTEGER NOT NULL REFERENCES projects(id),
    document_id TEXT NOT NULL REFERENCES documents(id),
    PRIMARY KEY (project_id, document_id)
);
CREATE INDEX ix_project_funds_document ON project_funds(document_id);

CREATE TABLE project_places (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id       INTEGER NOT NULL REFERENCES projects(id),
    place_as_printed TEXT NOT NULL,
    region_code      TEXT NULL REFERENCES regions(code),
    match_kind       TEXT NOT NULL,
    note             TEXT NULL
);
CREATE UNIQUE INDEX ux_project_places ON project_places(project_id, place_as_printed, region_code);
CREATE INDEX ix_project_places_region ON project_places(region_code, project_id);

CREATE TABLE announcements (
    id                 TEXT NOT NULL PRIMARY KEY,
    title              TEXT NOT NULL,
    county_code        TEXT NOT NULL REFERENCES regions(code),
    publisher          TEXT NOT NULL,
    arose_on           TEXT NULL,
    published_at       TEXT NULL,
    body               TEXT NOT NULL,
    source_document_id TEXT NOT NULL REFERENCES documents(id),
    note               TEXT NULL
);
CREATE INDEX ix_announcements_county ON announcements(county_code);

CREATE TABLE announcement_projects (
    announcement_id TEXT NOT NULL REFERENCES announcements(id),
    project_id      INTEGER NOT NULL REFERENCES projects(id),
    PRIMARY KEY (announcement_id, project_id)
);
CREATE INDEX ix_announcement_projects_project ON announcement_projects(project_id);

CREATE TABLE announcement_documents (
    announcement_id TEXT NOT NULL REFERENCES announcements(id),
    document_id     TEXT NOT NULL REFERENCES documents(id),
    PRIMARY KEY (announcement_id, document_id)
);

CREATE TABLE contacts (
    region_code        TEXT NOT NULL PRIMARY KEY REFERENCES regions(code),
    hotline            TEXT NULL,
    discipline_line    TEXT NULL,
    address            TEXT NULL,
    email              TEXT NULL,
    source_document_id TEXT NOT NULL REFERENCES documents(id),
    note               TEXT NULL
);

CREATE TABLE performance_targets (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id  TEXT NULL REFERENCES documents(id),
    project_id   INTEGER NULL REFERENCES projects(id),
    level1       TEXT NULL,
    level2       TEXT NOT NULL,
    level3       TEXT NULL,
    target_value TEXT NULL,
    unit         TEXT NULL,
    actual_value TEXT NULL,
    source_table TEXT NOT NULL,
    note         TEXT NULL,
    arose_on     TEXT NULL,
    published_at TEXT NULL
);
CREATE UNIQUE INDEX ux_performance_targets ON performance_targets(document_id, project_id, level1, level2, level3);

CREATE TABLE fund_reports (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    region_code        TEXT NOT NULL REFERENCES regions(code),
    fiscal_year        INTEGER NOT NULL,
    item               TEXT NOT NULL,
    label              TEXT NOT NULL,
    value              TEXT NOT NULL,
    unit               TEXT NOT NULL,
    printed_text       TEXT NULL,
    derivation         TEXT NOT NULL,
    source_document_id TEXT NOT NULL REFERENCES documents(id),
    note               TEXT NULL
);
CREATE UNIQUE INDEX ux_fund_reports ON fund_reports(region_code, fiscal_year, item);

-- One row: bumped by every import so that caches on every web node can tell the data changed.
CREATE TABLE data_version (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version    INTEGER NOT NULL,
    changed_at TEXT NOT NULL
);
INSERT INTO data_version (id, version, changed_at) VALUES (1, 0, '2000-01-01 00:00:00');
