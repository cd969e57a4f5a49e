-- A job's and a ledger row's key is checked by the transaction that writes the row, under the key's row lock: a
-- submission batch locks its keys' rows first and refuses a key that is not there, and every other ledger write moves
-- the key's balance first and fails when there is no row to move. The per-row foreign-key checks on these two tables
-- repeated that at every inserted row and cost about a sixth of the submissions a second (docs/benchmarks.md), so they
-- go. The other side of those references stays in the database: a key that jobs or ledger rows name cannot be deleted
-- or renamed (keys are revoked, never deleted; no code path does either). SQLite keeps its foreign keys: checked in
-- process they cost little.
ALTER TABLE jobs DROP CONSTRAINT jobs_key_id_fkey;
ALTER TABLE ledger DROP CONSTRAINT ledger_key_id_fkey;

CREATE FUNCTION reelgate_keep_referenced_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM jobs WHERE key_id = OLD.id) OR EXISTS (SELECT 1 FROM ledger WHERE key_id = OLD.id) THEN
        RAISE EXCEPTION 'key "%" is still named by jobs or ledger rows', OLD.id USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER api_keys_deleted_unreferenced
    BEFORE DELETE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION reelgate_keep_referenced_key();

CREATE TRIGGER api_keys_renamed_unreferenced
    BEFORE UPDATE OF id ON api_keys
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION reelgate_keep_referenced_key();
