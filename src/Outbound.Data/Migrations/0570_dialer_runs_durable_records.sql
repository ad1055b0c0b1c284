-- Outages and crashes: what a dialer run holds is keyed by its run id, so that the next start (or, in a
-- cluster, another node) can tell a dead run's work from a live one's and close it with what was known.

-- One process lifetime of a dialer node. A run that stops without ending (kill -9, power loss) is ended by
-- the node's next run ('crashed', at its last heartbeat) or, after a long silence, by any node ('lost').
CREATE TABLE dialer_runs (
    id               text PRIMARY KEY,
    node             text NOT NULL,
    started_at       timestamptz NOT NULL,
    heartbeat_at     timestamptz NOT NULL,
    ended_at         timestamptz,
    end_reason       text CHECK (end_reason IN ('stopped', 'crashed', 'lost')),
    recovered_at     timestamptz              -- its interrupted calls, inbound calls and agent sessions were closed
);
CREATE INDEX dialer_runs_open ON dialer_runs (node) WHERE ended_at IS NULL;
CREATE INDEX dialer_runs_unrecovered ON dialer_runs (ended_at) WHERE ended_at IS NOT NULL AND recovered_at IS NULL;

-- A call being dialled, from the fence (leads.status = 'dialing') until its record is written, with what is
-- known so far. A crash leaves the row: the next start closes the attempt with its answer, agent and disposition.
CREATE TABLE calls_in_flight (
    lead_id          bigint NOT NULL REFERENCES leads (id),
    attempt          int NOT NULL,
    run_id           text NOT NULL,
    lease_owner      text NOT NULL,
    call_id          uuid NOT NULL,           -- the call actor that fenced it: only its own undo may take the attempt back
    previous_status  text NOT NULL,           -- the lead's status before the fence (an attempt that was never placed goes back to it)
    started_at       timestamptz NOT NULL,
    answered_at      timestamptz,
    answered_by      text,                    -- human | machine | unknown
    connected_at     timestamptz,
    agent            text,
    disposition      text,
    wrap_ended_at    timestamptz,
    PRIMARY KEY (lead_id, attempt)
);
CREATE INDEX calls_in_flight_run ON calls_in_flight (run_id);

-- Agent sessions carry their run, so that those a crash left open are closed at the next start.
ALTER TABLE agent_sessions ADD COLUMN run_id text;
CREATE INDEX agent_sessions_open ON agent_sessions (run_id) WHERE logged_out_at IS NULL;

-- State events are replayed from the local outbox after an outage: the event id makes the replay idempotent.
ALTER TABLE agent_state_events ADD COLUMN event_id uuid;
CREATE UNIQUE INDEX agent_state_events_event ON agent_state_events (event_id);

-- Inbound calls are recorded at arrival (ended_at still NULL) and completed at the end.
ALTER TABLE inbound_calls ALTER COLUMN ended_at DROP NOT NULL;
ALTER TABLE inbound_calls ADD COLUMN run_id text;
CREATE INDEX inbound_calls_open ON inbound_calls (run_id) WHERE ended_at IS NULL;

ALTER TABLE internal_calls ADD COLUMN record_id uuid;
CREATE UNIQUE INDEX internal_calls_record ON internal_calls (record_id);
