-- A per-key cap on the bytes of stored uploads (null: none), and the index that sums a key's uploads.
-- The bootstrap admin key is recorded in settings ('bootstrap_admin_key_id'), which needs no schema change.
ALTER TABLE api_keys ADD COLUMN limit_upload_bytes BIGINT;
CREATE INDEX uploads_by_key ON uploads (key_id, created_at);
