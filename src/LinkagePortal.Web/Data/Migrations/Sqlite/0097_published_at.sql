-- SQLite dialect; keep in step with SqlServer/0097_published_at.sql.
-- The embargo state (Records/EmbargoBoundary): the last publication time passed and the next one ahead in each
-- disclosable table, read after every import and boundary. Without these it read every row of the million-row tables
-- (about 270 ms at 1M projects and allocations, paid by the first request after an import); with them each is a seek.
CREATE INDEX ix_documents_published_at ON documents(published_at);
CREATE INDEX ix_allocations_published_at ON allocations(published_at);
CREATE INDEX ix_projects_published_at ON projects(published_at);
CREATE INDEX ix_announcements_published_at ON announcements(published_at);
CREATE INDEX ix_performance_targets_published_at ON performance_targets(published_at);
