-- A new job is announced once a statement, not once a row. A submission batch inserts dozens of jobs in one
-- statement, and the row trigger made every node's listener hear of each: the trigger ran inside the batch's
-- transaction, the commit queued every notification, and each node's listener woke for each. No node needs a new
-- job's id: nothing is cached or streamed for a job before its submitter has been answered, which is after the
-- commit. What a node does need is to know that there is work: an idle worker claims it at once instead of at its
-- next poll. So an insert now announces the payload 'queued' (no job id) once a statement, and changes of existing
-- jobs keep their announcement per row ("job_id status", see 001_initial.sql). A node older than this migration
-- ignores the new payload: its idle workers find other nodes' new jobs at their next poll.
DROP TRIGGER jobs_notify_change ON jobs;

CREATE TRIGGER jobs_notify_change
    AFTER UPDATE OF status, progress, version ON jobs
    FOR EACH ROW EXECUTE FUNCTION reelgate_notify_job_change();

CREATE FUNCTION reelgate_notify_jobs_queued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('reelgate_jobs', 'queued');
    RETURN NULL;
END;
$$;

CREATE TRIGGER jobs_notify_queued
    AFTER INSERT ON jobs
    FOR EACH STATEMENT EXECUTE FUNCTION reelgate_notify_jobs_queued();
