-- Webhooks: a per-key signing secret and default URL, the job's own URL, a durable outbox of deliveries
-- and a log of every attempt. Retention: when a job's stored files were swept.
ALTER TABLE api_keys ADD COLUMN webhook_secret TEXT;
ALTER TABLE api_keys ADD COLUMN webhook_url TEXT;
ALTER TABLE jobs ADD COLUMN webhook_url TEXT;
ALTER TABLE jobs ADD COLUMN outputs_deleted_at BIGINT;
CREATE INDEX jobs_retained ON jobs (completed_at) WHERE outputs_deleted_at IS NULL AND completed_at IS NOT NULL;
CREATE INDEX uploads_by_age ON uploads (created_at);

CREATE TABLE webhook_deliveries (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    job_id TEXT NOT NULL REFERENCES jobs (id),
    key_id TEXT NOT NULL REFERENCES api_keys (id),
    event_type TEXT NOT NULL,
    url TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    next_attempt_at BIGINT,
    locked_until BIGINT,
    delivered_at BIGINT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_job ON webhook_deliveries (job_id, seq);

CREATE TABLE webhook_attempts (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id),
    attempted_at BIGINT NOT NULL,
    status_code BIGINT,
    error TEXT,
    duration_ms BIGINT NOT NULL
);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, seq);
