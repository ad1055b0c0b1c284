-- Inbound calls' recordings are as immutable as outbound ones (0102).
CREATE TRIGGER inbound_calls_recording_immutable
    BEFORE UPDATE OF recording_path ON inbound_calls FOR EACH ROW
    WHEN (OLD.recording_path IS NOT NULL AND NEW.recording_path IS DISTINCT FROM OLD.recording_path)
    EXECUTE FUNCTION refuse_recording_change();
CREATE TRIGGER inbound_calls_recorded_undeletable
    BEFORE DELETE ON inbound_calls FOR EACH ROW
    WHEN (OLD.recording_path IS NOT NULL)
    EXECUTE FUNCTION refuse_recording_change();
