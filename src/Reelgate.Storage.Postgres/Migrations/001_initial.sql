-- Jobs, keys, the ledger, idempotency keys, uploads and server settings: the same tables and columns as
-- SQLite's 001_initial.sql, with 64-bit integers and identity columns. Times are Unix milliseconds; money
-- is integer micro-dollars.
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    owner TEXT,
    is_admin BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    available_micros BIGINT NOT NULL DEFAULT 0 CHECK (available_micros >= 0),
    held_micros BIGINT NOT NULL DEFAULT 0 CHECK (held_micros >= 0),
    limit_spend_per_day_micros BIGINT,
    limit_jobs_in_flight BIGINT,
    limit_requests_per_minute BIGINT
);

CREATE TABLE jobs (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    key_id TEXT NOT NULL REFERENCES api_keys (id),
    model TEXT NOT NULL,
    status TEXT NOT NULL,
    progress BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    started_at BIGINT,
    completed_at BIGINT,
    updated_at BIGINT NOT NULL,
    request_json TEXT NOT NULL,
    price_micros BIGINT NOT NULL,
    cost_state TEXT NOT NULL,
    result_json TEXT,
    inputs_json TEXT NOT NULL DEFAULT '[]',
    error_code TEXT,
    error_message TEXT,
    attempts BIGINT NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 1,
    lease_owner TEXT,
    lease_expires_at BIGINT,
    engine TEXT,
    checkpoint TEXT
);
CREATE INDEX jobs_by_key ON jobs (key_id, seq);
CREATE INDEX jobs_claimable ON jobs (status, seq) WHERE status IN ('queued', 'processing');

CREATE TABLE ledger (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    key_id TEXT NOT NULL REFERENCES api_keys (id),
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    amount_micros BIGINT NOT NULL,
    job_id TEXT,
    available_after_micros BIGINT NOT NULL
);
CREATE INDEX ledger_by_key ON ledger (key_id, seq);

CREATE TABLE idempotency_keys (
    key_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    job_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (key_id, idempotency_key)
);

CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    key_id TEXT NOT NULL REFERENCES api_keys (id),
    blob_key TEXT NOT NULL,
    content_type TEXT NOT NULL,
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    bytes BIGINT NOT NULL,
    original_width BIGINT NOT NULL,
    original_height BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Every committed change of a job is announced to the nodes listening on 'reelgate_jobs' (payload
-- "job_id status"), so server-sent events and idle workers on other nodes hear of it at once instead of
-- at their next poll. NOTIFY is sent at commit and only then, so a listener never sees a rolled-back change.
CREATE FUNCTION reelgate_notify_job_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('reelgate_jobs', NEW.id || ' ' || NEW.status);
    RETURN NULL;
END;
$$;

CREATE TRIGGER jobs_notify_change
    AFTER INSERT OR UPDATE OF status, progress, version ON jobs
    FOR EACH ROW EXECUTE FUNCTION reelgate_notify_job_change();
