-- Why an answered call ended: the customer hung up (remote), or we ended it and why — the agent or the dialer hung up
-- (normal), no agent was free (abandoned), a ring timer ran out, the node shut down, or the SIP session was not
-- refreshed in time (session_expired: a lost BYE or a dead carrier, RFC 4028). NULL for attempts that never answered.
ALTER TABLE call_records
    ADD COLUMN hangup_cause text CHECK (hangup_cause IN ('remote', 'normal', 'abandoned', 'no_answer_timeout', 'shutdown', 'session_expired'));
