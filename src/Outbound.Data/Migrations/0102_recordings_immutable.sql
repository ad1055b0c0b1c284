-- Recordings are evidence (assessment rule 7, client disputes): once a call row names its recording, the
-- database itself refuses to re-point, clear or delete it, whatever code or hand-typed SQL tries.
CREATE FUNCTION refuse_recording_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'recording % of call % is immutable', OLD.recording_path, OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER call_records_recording_immutable
    BEFORE UPDATE OF recording_path ON call_records FOR EACH ROW
    WHEN (OLD.recording_path IS NOT NULL AND NEW.recording_path IS DISTINCT FROM OLD.recording_path)
    EXECUTE FUNCTION refuse_recording_change();
CREATE TRIGGER call_records_recorded_undeletable
    BEFORE DELETE ON call_records FOR EACH ROW
    WHEN (OLD.recording_path IS NOT NULL)
    EXECUTE FUNCTION refuse_recording_change();
