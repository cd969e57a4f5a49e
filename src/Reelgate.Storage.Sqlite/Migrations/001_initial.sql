-- Jobs, keys, the ledger, idempotency keys, uploads and server settings.
-- Times are Unix milliseconds; money is integer micro-dollars.
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    owner TEXT,
    is_admin INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    available_micros BIGINT NOT NULL DEFAULT 0 CHECK (available_micros >= 0),
    held_micros BIGINT NOT NULL DEFAULT 0 CHECK (held_micros >= 0),
    limit_spend_per_day_micros BIGINT,
    limit_jobs_in_flight INTEGER,
    limit_requests_per_minute INTEGER
);

CREATE TABLE jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    key_id TEXT NOT NULL REFERENCES api_keys (id),
    model TEXT NOT NULL,
    status TEXT NOT NULL,
    progress INTEGER NOT NULL DEFAULT 0,
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
    attempts INTEGER NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 1,
    lease_owner TEXT,
    lease_expires_at BIGINT,
    engine TEXT,
    checkpoint TEXT
);
CREATE INDEX jobs_by_key ON jobs (key_id, seq);
CREATE INDEX jobs_claimable ON jobs (status, seq) WHERE status IN ('queued', 'processing');

CREATE TABLE ledger (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
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
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes BIGINT NOT NULL,
    original_width INTEGER NOT NULL,
    original_height INTEGER NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
