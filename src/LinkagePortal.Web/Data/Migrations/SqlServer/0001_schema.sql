-- LinkagePortal schema, SQL Server dialect. Keep in step with Sqlite/0001_schema.sql.
-- Money is stored as whole yuan (BIGINT): exact in both dialects and exact under SUM; 1 万元 = 10000 yuan.
-- Times are UTC. A NULL published_at means public, publication time not stated by the source.

CREATE TABLE regions (
    code        VARCHAR(12) NOT NULL PRIMARY KEY,
    name        NVARCHAR(400) NOT NULL,
    short_name  NVARCHAR(400) NOT NULL, -- name without the committee suffix (科克萨拉村委会 → 科克萨拉村), derived at import
    level       VARCHAR(16) NOT NULL,
    parent_code VARCHAR(12) NULL REFERENCES regions(code)
);
CREATE INDEX ix_regions_parent ON regions(parent_code);
CREATE INDEX ix_regions_name ON regions(short_name);

CREATE TABLE documents (
    id               VARCHAR(64) NOT NULL PRIMARY KEY,
    number           NVARCHAR(400) NULL,
    title            NVARCHAR(MAX) NOT NULL,
    issuer           NVARCHAR(400) NOT NULL,
    issued_on        DATE NULL,
    fund_level       VARCHAR(16) NULL,
    fiscal_year      INT NULL,
    kind             VARCHAR(16) NOT NULL,
    task             NVARCHAR(400) NULL,
    budget_subjects  NVARCHAR(400) NULL,
    direct_fund_flag VARCHAR(8) NULL,
    arose_on         DATE NULL,
    published_at     DATETIME2(0) NULL,
    source           NVARCHAR(MAX) NOT NULL,
    note             NVARCHAR(MAX) NULL
);
CREATE UNIQUE INDEX ux_documents_number ON documents(number) WHERE number IS NOT NULL;

CREATE TABLE allocations (
    id                  INT IDENTITY(1,1) PRIMARY KEY,
    document_id         VARCHAR(64) NOT NULL REFERENCES documents(id),
    source_table        NVARCHAR(400) NOT NULL,
    row_no              INT NULL,
    region_code         VARCHAR(12) NOT NULL REFERENCES regions(code),
    region_name_printed NVARCHAR(400) NOT NULL,
    task                NVARCHAR(400) NOT NULL,
    part_of_task        NVARCHAR(400) NULL,
    amount_yuan         BIGINT NOT NULL,
    printed_text        NVARCHAR(400) NULL,
    derivation          VARCHAR(16) NOT NULL,
    note                NVARCHAR(MAX) NULL,
    arose_on            DATE NULL,
    published_at        DATETIME2(0) NULL,
    is_synthetic        BIT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_allocations_cell ON allocations(document_id, region_code, task);
CREATE INDEX ix_allocations_region ON allocations(region_code);

CREATE TABLE allocation_totals (
    id                  INT IDENTITY(1,1) PRIMARY KEY,
    document_id         VARCHAR(64) NOT NULL REFERENCES documents(id),
    source_table        NVARCHAR(400) NOT NULL,
    region_code         VARCHAR(12) NOT NULL REFERENCES regions(code),
    region_name_printed NVARCHAR(400) NOT NULL,
    task                NVARCHAR(400) NOT NULL DEFAULT '',
    amount_yuan         BIGINT NOT NULL,
    printed_text        NVARCHAR(400) NULL,
    derivation          VARCHAR(16) NOT NULL,
    note                NVARCHAR(MAX) NULL
);
CREATE UNIQUE INDEX ux_allocation_totals_cell ON allocation_totals(document_id, region_code, task);

CREATE TABLE projects (
    id                   INT IDENTITY(1,1) PRIMARY KEY,
    code                 VARCHAR(64) NOT NULL,
    programme            VARCHAR(16) NOT NULL,
    fiscal_year          INT NOT NULL,
    name                 NVARCHAR(400) NOT NULL,
    county_code          VARCHAR(12) NOT NULL REFERENCES regions(code),
    amount_yuan          BIGINT NOT NULL,
    printed_text         NVARCHAR(400) NULL,
    derivation           VARCHAR(16) NOT NULL,
    responsible_unit     NVARCHAR(400) NULL,
    category             NVARCHAR(400) NULL,
    construction_content NVARCHAR(MAX) NULL,
    status               NVARCHAR(400) NULL,
    spent_yuan           BIGINT NULL,
    source_document_id   VARCHAR(64) NOT NULL REFERENCES documents(id),
    source_table         NVARCHAR(400) NOT NULL,
    row_no               INT NULL,
    arose_on             DATE NULL,
    published_at         DATETIME2(0) NULL,
    note                 NVARCHAR(MAX) NULL,
    is_synthetic         BIT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_projects_code ON projects(code);
CREATE INDEX ix_projects_county ON projects(county_code, id);
CREATE INDEX ix_projects_year ON projects(fiscal_year, id);

CREATE TABLE project_funds (
    project_id  INT NOT NULL REFERENCES projects(id),
    document_id VARCHAR(64) NOT NULL REFERENCES documents(id),
    PRIMARY KEY (project_id, document_id)
);
CREATE INDEX ix_project_funds_document ON project_funds(document_id);

CREATE TABLE project_places (
    id               INT IDENTITY(1,1) PRIMARY KEY,
    project_id       INT NOT NULL REFERENCES projects(id),
    place_as_printed NVARCHAR(400) NOT NULL,
    region_code      VARCHAR(12) NULL REFERENCES regions(code),
    match_kind       VARCHAR(16) NOT NULL,
    note             NVARCHAR(MAX) NULL
);
CREATE UNIQUE INDEX ux_project_places ON project_places(project_id, place_as_printed, region_code);
CREATE INDEX ix_project_places_region ON project_places(region_code, project_id);

CREATE TABLE announcements (
    id                 VARCHAR(64) NOT NULL PRIMARY KEY,
    title              NVARCHAR(MAX) NOT NULL,
    county_code        VARCHAR(12) NOT NULL REFERENCES regions(code),
    publisher          NVARCHAR(400) NOT NULL,
    arose_on           DATE NULL,
    published_at       DATETIME2(0) NULL,
    body               NVARCHAR(MAX) NOT NULL,
    source_document_id VARCHAR(64) NOT NULL REFERENCES documents(id),
    note               NVARCHAR(MAX) NULL
);
CREATE INDEX ix_announcements_county ON announcements(county_code);

CREATE TABLE announcement_projects (
    announcement_id VARCHAR(64) NOT NULL REFERENCES announcements(id),
    project_id      INT NOT NULL REFERENCES projects(id),
    PRIMARY KEY (announcement_id, project_id)
);
CREATE INDEX ix_announcement_projects_project ON announcement_projects(project_id);

CREATE TABLE announcement_documents (
    announcement_id VARCHAR(64) NOT NULL REFERENCES announcements(id),
    document_id     VARCHAR(64) NOT NULL REFERENCES documents(id),
    PRIMARY KEY (announcement_id, document_id)
);

CREATE TABLE contacts (
    region_code        VARCHAR(12) NOT NULL PRIMARY KEY REFERENCES regions(code),
    hotline            NVARCHAR(400) NULL,
    discipline_line    NVARCHAR(400) NULL,
    address            NVARCHAR(400) NULL,
    email              NVARCHAR(400) NULL,
    source_document_id VARCHAR(64) NOT NULL REFERENCES documents(id),
    note               NVARCHAR(MAX) NULL
);

CREATE TABLE performance_targets (
    id           INT IDENTITY(1,1) PRIMARY KEY,
    document_id  VARCHAR(64) NULL REFERENCES documents(id),
    project_id   INT NULL REFERENCES projects(id),
    level1       NVARCHAR(100) NULL,
    level2       NVARCHAR(100) NOT NULL,
    level3       NVARCHAR(100) NULL,
    target_value NVARCHAR(400) NULL,
    unit         NVARCHAR(32) NULL,
    actual_value NVARCHAR(400) NULL,
    source_table NVARCHAR(400) NOT NULL,
    note         NVARCHAR(MAX) NULL,
    arose_on     DATE NULL,
    published_at DATETIME2(0) NULL
);
CREATE UNIQUE INDEX ux_performance_targets ON performance_targets(document_id, project_id, level1, level2, level3);

CREATE TABLE fund_reports (
    id                 INT IDENTITY(1,1) PRIMARY KEY,
    region_code        VARCHAR(12) NOT NULL REFERENCES regions(code),
    fiscal_year        INT NOT NULL,
    item               VARCHAR(64) NOT NULL,
    label              NVARCHAR(400) NOT NULL,
    value              NVARCHAR(400) NOT NULL,
    unit               NVARCHAR(32) NOT NULL,
    printed_text       NVARCHAR(400) NULL,
    derivation         VARCHAR(16) NOT NULL,
    source_document_id VARCHAR(64) NOT NULL REFERENCES documents(id),
    note               NVARCHAR(MAX) NULL
);
CREATE UNIQUE INDEX ux_fund_reports ON fund_reports(region_code, fiscal_year, item);

-- One row: bumped by every import so that caches on every web node can tell the data changed.
CREATE TABLE data_version (
    id         INT NOT NULL PRIMARY KEY CHECK (id = 1),
    version    BIGINT NOT NULL,
    changed_at DATETIME2(0) NOT NULL
);
INSERT INTO data_version (id, version, changed_at) VALUES (1, 0, '2000-01-01T00:00:00');
