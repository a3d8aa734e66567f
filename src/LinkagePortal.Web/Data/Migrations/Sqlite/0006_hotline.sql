-- Supervisory hotlines, SQLite dialect. Keep the complaint tables in step with SqlServer/0006_hotline.sql.
-- 1. A lookup index so that a fragment of a project's name, responsible unit or printed place finds the project at
--    a million projects (SQL Server has no FTS5: it matches with LIKE there).
-- 2. Complaints recorded by supervisory organisations through per-organisation API keys, with an append-only audit log.

-- Positions 1..400 (the longest text a column holds): lets the triggers cut a text into pieces without a loop (a
-- trigger may not use WITH).
CREATE TABLE lookup_positions (n INTEGER NOT NULL PRIMARY KEY);
WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 400)
INSERT INTO lookup_positions (n) SELECT n FROM s;

-- Chinese has no spaces to break words on, so each text is indexed as its overlapping character pairs, the last
-- character alone at the end ("辣椒烘干" → "辣椒 椒烘 烘干 干"): a phrase of the typed text's pairs finds any fragment
-- of two or more characters through the index, and a prefix query one character. One table per field, so that a
-- fragment common in one field (人民政府 in responsible units) costs nothing when looked up in another. Contentless
-- (the text is in projects already); a changed text is removed with FTS5's 'delete' command and its old value.
-- Kept by the triggers below whoever writes projects and places (importer, generator, plain SQL).
CREATE VIRTUAL TABLE project_name_lookup USING fts5(text, tokenize = 'unicode61', content = '');  -- rowid = projects.id
CREATE VIRTUAL TABLE project_unit_lookup USING fts5(text, tokenize = 'unicode61', content = '');  -- rowid = projects.id
CREATE VIRTUAL TABLE project_place_lookup USING fts5(text, tokenize = 'unicode61', content = ''); -- rowid = project_places.id

CREATE TRIGGER projects_lookup_insert AFTER INSERT ON projects BEGIN
    INSERT INTO project_name_lookup (rowid, text) VALUES (NEW.id, (SELECT group_concat(substr(NEW.name, n, 2), ' ') FROM lookup_positions WHERE n <= length(NEW.name)));
    INSERT INTO project_unit_lookup (rowid, text) VALUES (NEW.id, (SELECT group_concat(substr(NEW.responsible_unit, n, 2), ' ') FROM lookup_positions WHERE n <= length(NEW.responsible_unit)));
END;

CREATE TRIGGER projects_lookup_update AFTER UPDATE OF id, name, responsible_unit ON projects BEGIN
    INSERT INTO project_name_lookup (project_name_lookup, rowid, text) VALUES ('delete', OLD.id, (SELECT group_concat(substr(OLD.name, n, 2), ' ') FROM lookup_positions WHERE n <= length(OLD.name)));
    INSERT INTO project_unit_lookup (project_unit_lookup, rowid, text) VALUES ('delete', OLD.id, (SELECT group_concat(substr(OLD.responsible_unit, n, 2), ' ') FROM lookup_positions WHERE n <= length(OLD.responsible_unit)));
    INSERT INTO project_name_lookup (rowid, text) VALUES (NEW.id, (SELECT group_concat(substr(NEW.name, n, 2), ' ') FROM lookup_positions WHERE n <= length(NEW.name)));
    INSERT INTO project_unit_lookup (rowid, text) VALUES (NEW.id, (SELECT group_concat(substr(NEW.responsible_unit, n, 2), ' ') FROM lookup_positions WHERE n <= length(NEW.responsible_unit)));
END;

CREATE TRIGGER projects_lookup_delete AFTER DELETE ON projects BEGIN
    INSERT INTO project_name_lookup (project_name_lookup, rowid, text) VALUES ('delete', OLD.id, (SELECT group_concat(substr(OLD.name, n, 2), ' ') FROM lookup_positions WHERE n <= length(OLD.name)));
    INSERT INTO project_unit_lookup (project_unit_lookup, rowid, text) VALUES ('delete', OLD.id, (SELECT group_concat(substr(OLD.responsible_unit, n, 2), ' ') FROM lookup_positions WHERE n <= length(OLD.responsible_unit)));
END;

CREATE TRIGGER project_places_lookup_insert AFTER INSERT ON project_places BEGIN
    INSERT INTO project_place_lookup (rowid, text) VALUES (NEW.id, (SELECT group_concat(substr(NEW.place_as_printed, n, 2), ' ') FROM lookup_positions WHERE n <= length(NEW.place_as_printed)));
END;

CREATE TRIGGER project_places_lookup_update AFTER UPDATE OF id, place_as_printed ON project_places BEGIN
    INSERT INTO project_place_lookup (project_place_lookup, rowid, text) VALUES ('delete', OLD.id, (SELECT group_concat(substr(OLD.place_as_printed, n, 2), ' ') FROM lookup_positions WHERE n <= length(OLD.place_as_printed)));
    INSERT INTO project_place_lookup (rowid, text) VALUES (NEW.id, (SELECT group_concat(substr(NEW.place_as_printed, n, 2), ' ') FROM lookup_positions WHERE n <= length(NEW.place_as_printed)));
END;

CREATE TRIGGER project_places_lookup_delete AFTER DELETE ON project_places BEGIN
    INSERT INTO project_place_lookup (project_place_lookup, rowid, text) VALUES ('delete', OLD.id, (SELECT group_concat(substr(OLD.place_as_printed, n, 2), ' ') FROM lookup_positions WHERE n <= length(OLD.place_as_printed)));
END;

-- What is already loaded.
INSERT INTO project_name_lookup (rowid, text) SELECT p.id, (SELECT group_concat(substr(p.name, n, 2), ' ') FROM lookup_positions WHERE n <= length(p.name)) FROM projects p;
INSERT INTO project_unit_lookup (rowid, text) SELECT p.id, (SELECT group_concat(substr(p.responsible_unit, n, 2), ' ') FROM lookup_positions WHERE n <= length(p.responsible_unit)) FROM projects p;
INSERT INTO project_place_lookup (rowid, text) SELECT pp.id, (SELECT group_concat(substr(pp.place_as_printed, n, 2), ' ') FROM lookup_positions WHERE n <= length(pp.place_as_printed)) FROM project_places pp;

-- An organisation's API key. The key is shown once when created; only its SHA-256 is kept.
CREATE TABLE api_keys (
    id           TEXT NOT NULL PRIMARY KEY, -- public part of the key, named in `keys list` and `keys revoke`
    organisation TEXT NOT NULL,
    secret_hash  TEXT NOT NULL,             -- SHA-256 of the whole key, lowercase hex
    created_at   TEXT NOT NULL,
    revoked_at   TEXT NULL
);

-- The regions (counties, or a prefecture or the region for all their counties) a key may record complaints for.
CREATE TABLE api_key_counties (
    key_id      TEXT NOT NULL REFERENCES api_keys(id),
    region_code TEXT NOT NULL REFERENCES regions(code),
    PRIMARY KEY (key_id, region_code)
);

-- A complaint about a listed project. No caller data: the summary is checked for phone and ID-card numbers.
CREATE TABLE complaints (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id     INTEGER NOT NULL REFERENCES projects(id),
    organisation   TEXT NOT NULL,
    case_reference TEXT NOT NULL, -- the recording organisation's own reference: one complaint per reference
    received_at    TEXT NOT NULL,
    channel        TEXT NOT NULL CHECK (channel IN ('hotline', 'discipline', 'other')),
    category       TEXT NOT NULL,
    summary        TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('received', 'under_review', 'resolved', 'unfounded')),
    recorded_at    TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_complaints_case ON complaints(organisation, case_reference);
CREATE INDEX ix_complaints_project ON complaints(project_id, status);

CREATE TABLE complaint_status_changes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    complaint_id INTEGER NOT NULL REFERENCES complaints(id),
    from_status  TEXT NOT NULL,
    to_status    TEXT NOT NULL,
    reason       TEXT NOT NULL,
    organisation TEXT NOT NULL,
    changed_at   TEXT NOT NULL
);
CREATE INDEX ix_complaint_status_changes ON complaint_status_changes(complaint_id, id);

-- Every accepted write: who (the key's organisation), when, what, and the record before and after (JSON).
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at TEXT NOT NULL,
    actor       TEXT NOT NULL,
    key_id      TEXT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    before_json TEXT NULL,
    after_json  TEXT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
