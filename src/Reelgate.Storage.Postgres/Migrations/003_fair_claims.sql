-- Sharing the workers fairly between keys, and bounding how long a job can circulate:
--   api_keys.weight       how many worker slots the key may fill relative to others (admin-set, 1 by default)
--   api_keys.is_test      a test key: its jobs may use metadata.reelgate_simulate even where simulation is off
--   jobs.simulate         whether this job's metadata.reelgate_simulate runs (decided at submission)
--   jobs.retry_at         a queued job is not claimed before this time (back-off after a retryable failure)
--   jobs.handbacks        times the job was handed back at shutdown without counting an attempt
ALTER TABLE api_keys ADD COLUMN weight BIGINT NOT NULL DEFAULT 1;
ALTER TABLE api_keys ADD COLUMN is_test BIGINT NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN simulate BIGINT NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN retry_at BIGINT;
ALTER TABLE jobs ADD COLUMN handbacks BIGINT NOT NULL DEFAULT 0;
CREATE INDEX jobs_claimable_by_key ON jobs (key_id, seq) WHERE status IN ('queued', 'processing');
