-- Public pages (issue 3), SQLite dialect. Keep in step with SqlServer/0003_public_pages.sql.
-- Indexes the region and document pages read, so that they stay index range scans at a million projects.

-- A county's projects of one programme in code order (the region page's list), and their count and sum, read from
-- the index alone.
CREATE INDEX ix_projects_county_programme ON projects(county_code, programme, code, amount_yuan, published_at);

-- The projects a document lists (its source table), in code order.
CREATE INDEX ix_projects_source ON projects(source_document_id, code);
