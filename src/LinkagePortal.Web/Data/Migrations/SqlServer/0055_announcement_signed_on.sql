-- SQL Server dialect; keep in step with Sqlite/0055_announcement_signed_on.sql.
-- The date a notice is signed (落款日期), printed at its foot. It was stored as the publication time, which no
-- document states; the importer now keeps the two apart and leaves published_at empty where it is not stated.
ALTER TABLE announcements ADD signed_on DATE NULL;
