-- Dialer: durable call records, agent sessions and state changes, compliance refusal counts.

-- One row per call attempt. (lead_id, attempt) is unique: an attempt is recorded once, even when a
-- crashed run's interrupted attempt is closed by the next run. Reports (contact rate, ASA, AHT,
-- abandons per day, best-time-to-call heat map) read this table; region and local hour are copied
-- here so that they need no join to leads.
CREATE TABLE call_records (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    campaign_id      uuid NOT NULL,
    lead_id          bigint NOT NULL REFERENCES leads (id),
    attempt          int NOT NULL CHECK (attempt >= 1),
    phone_e164       text NOT NULL,
    region           text,
    local_hour       smallint CHECK (local_hour BETWEEN 0 AND 23), -- hour of day in the lead's zone at dial time
    dial_mode        text NOT NULL,
    caller_id        text,
    agent            text,                     -- the agent the call was connected to (or previewed by)
    started_at       timestamptz NOT NULL,     -- originate
    ringing_at       timestamptz,
    answered_at      timestamptz,              -- the far end answered (human or machine)
    connected_at     timestamptz,              -- bridged to an agent; answered_at → connected_at is the speed of answer
    ended_at         timestamptz NOT NULL,     -- customer leg ended
    wrap_ended_at    timestamptz,              -- disposition saved
    outcome          text NOT NULL,            -- CallOutcome
    failure_reason   text,                     -- busy | no_answer | invalid | congestion | rejected | trunk_down | interrupted
    amd_result       text,                     -- human | machine | unknown | off
    abandoned        boolean NOT NULL DEFAULT false,
    disposition      text,
    recording_path   text,
    run_id           text NOT NULL,            -- the dialer run (lease owner) that placed the call
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id),
    UNIQUE (lead_id, attempt)
);
CREATE INDEX call_records_campaign_time ON call_records (campaign_id, started_at);
CREATE INDEX call_records_tenant_phone ON call_records (tenant_id, phone_e164, started_at);
CREATE INDEX call_records_agent_time ON call_records (agent, started_at) WHERE agent IS NOT NULL;

-- A lead being dialled holds status 'dialing' with its lease until its record is written; the
-- hopper skips it, and a crashed run's dialing leads are closed as interrupted when their lease expires.
ALTER TABLE leads ADD COLUMN leased_at timestamptz;
ALTER TABLE leads ADD COLUMN off_hours_consent boolean NOT NULL DEFAULT false;
CREATE INDEX leads_lease ON leads (lease_owner) WHERE lease_owner IS NOT NULL;

-- A logged-in stretch of one agent: HR attendance reads login and logout times from here.
CREATE TABLE agent_sessions (
    id               uuid PRIMARY KEY,
    agent            text NOT NULL,
    campaign_id      uuid REFERENCES campaigns (id),
    logged_in_at     timestamptz NOT NULL,
    logged_out_at    timestamptz,
    logout_reason    text
);
CREATE INDEX agent_sessions_agent ON agent_sessions (agent, logged_in_at);

-- Every state change of an agent session (ready, reserved, on_call, after_call_work, not_ready …).
CREATE TABLE agent_state_events (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id       uuid NOT NULL REFERENCES agent_sessions (id),
    agent            text NOT NULL,
    state            text NOT NULL,
    reason           text,
    at               timestamptz NOT NULL
);
CREATE INDEX agent_state_events_session ON agent_state_events (session_id, at);

-- Dials the compliance gate refused, counted per campaign, local day and reason.
CREATE TABLE compliance_refusals (
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    campaign_id      uuid NOT NULL REFERENCES campaigns (id),
    day              date NOT NULL,            -- UTC day of the refusal
    reason           text NOT NULL,            -- RefusalReason code
    count            int NOT NULL,
    PRIMARY KEY (campaign_id, day, reason)
);
