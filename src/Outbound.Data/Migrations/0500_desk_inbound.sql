-- Inbound ACD, the agent desk and the supervisor wallboard.

-- One row per inbound caller who reached a queue: answered, abandoned while waiting, or sent on at
-- max wait (overflow queue, voicemail, callback offer). Abandoned and callback rows are the call-back
-- list (callback_done_at is set when someone called back). Service level, ASA and abandon rate read it.
CREATE TABLE inbound_calls (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    campaign_id      uuid NOT NULL,
    caller_number    text NOT NULL,
    lead_id          bigint REFERENCES leads (id),          -- the caller's record when the number is known
    priority         int NOT NULL DEFAULT 0,
    skill            text,
    arrived_at       timestamptz NOT NULL,
    connected_at     timestamptz,                            -- bridged to an agent; arrived_at → connected_at is the wait
    ended_at         timestamptz NOT NULL,
    agent            text,
    outcome          text NOT NULL,                          -- answered | abandoned | overflowed | voicemail | callback | hung_up
    disposition      text,
    wrap_ended_at    timestamptz,
    recording_path   text,
    callback_done_at timestamptz,
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id)
);
CREATE INDEX inbound_calls_campaign_time ON inbound_calls (campaign_id, arrived_at);
CREATE INDEX inbound_calls_callback ON inbound_calls (campaign_id, arrived_at)
    WHERE outcome IN ('abandoned', 'callback') AND callback_done_at IS NULL;
CREATE INDEX inbound_calls_number ON inbound_calls (tenant_id, caller_number, arrived_at);

-- What the agent filled on the desk for one call: the disposition and the collections or survey form.
-- The dialer's call record is written by the call actor; this row holds the form beside it (same
-- lead, agent and time) so that reports of promises to pay and survey answers need no JSON in call_records.
CREATE TABLE desk_call_forms (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    campaign_id      uuid NOT NULL,
    lead_id          bigint REFERENCES leads (id),
    agent            text NOT NULL,
    disposition      text NOT NULL,
    right_party      boolean,
    amount_due       numeric(14, 2),
    promise_amount   numeric(14, 2),
    promise_date     date,
    payment_plan     text,
    refusal_reason   text,
    survey_answers   jsonb,                                  -- question id → answer(s)
    callback_at      timestamptz,
    callback_mine    boolean,
    note             text,
    saved_at         timestamptz NOT NULL,
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id)
);
CREATE INDEX desk_call_forms_lead ON desk_call_forms (lead_id, saved_at);
CREATE INDEX desk_call_forms_campaign ON desk_call_forms (campaign_id, saved_at);

-- Every supervisor intervention on an agent (force not-ready, ready, logout, release …): who, whom, when.
CREATE TABLE supervisor_actions (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    supervisor       text NOT NULL,
    agent            text NOT NULL,
    action           text NOT NULL,
    reason           text,
    at               timestamptz NOT NULL
);
CREATE INDEX supervisor_actions_agent ON supervisor_actions (agent, at);
