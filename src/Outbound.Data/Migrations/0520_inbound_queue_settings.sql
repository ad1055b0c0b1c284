-- The editable settings of an inbound campaign's ACD queue (Core/Acd/QueuePolicy), read when the queue starts.
-- Times are whole seconds; agent_skills maps an agent id to {skill: level} (level 1 = first tier).
CREATE TABLE inbound_queue_settings (
    campaign_id              uuid PRIMARY KEY,
    tenant_id                uuid NOT NULL REFERENCES tenants (id),
    strategy                 text NOT NULL CHECK (strategy IN ('longest-idle-agent', 'round-robin', 'top-down',
                                 'agent-with-least-talk-time', 'agent-with-fewest-calls', 'ring-all', 'random')),
    tier_escalation_seconds  int NOT NULL CHECK (tier_escalation_seconds BETWEEN 0 AND 600),
    priority_per_minute      double precision NOT NULL CHECK (priority_per_minute BETWEEN 0 AND 100),
    wrap_up_seconds          int NOT NULL CHECK (wrap_up_seconds BETWEEN 0 AND 600),
    offer_timeout_seconds    int NOT NULL CHECK (offer_timeout_seconds BETWEEN 5 AND 120),
    no_answer_delay_seconds  int NOT NULL CHECK (no_answer_delay_seconds BETWEEN 0 AND 3600),
    reject_delay_seconds     int NOT NULL CHECK (reject_delay_seconds BETWEEN 0 AND 3600),
    max_no_answer            int NOT NULL CHECK (max_no_answer BETWEEN 0 AND 20),
    max_wait_seconds         int NOT NULL CHECK (max_wait_seconds BETWEEN 0 AND 3600),
    overflow                 text NOT NULL CHECK (overflow IN ('None', 'OverflowQueue', 'Voicemail', 'CallbackOffer', 'HangUp')),
    overflow_campaign_id     uuid,
    music_on_hold_prompt     text NOT NULL,
    announce_every_seconds   int NOT NULL CHECK (announce_every_seconds BETWEEN 0 AND 600),
    announce_position        boolean NOT NULL,
    announce_expected_wait   boolean NOT NULL,
    service_level_seconds    int NOT NULL CHECK (service_level_seconds BETWEEN 1 AND 600),
    agent_skills             jsonb NOT NULL DEFAULT '{}',
    updated_at               timestamptz NOT NULL,
    updated_by               text NOT NULL,
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE,
    -- The overflow queue is another campaign of the same client.
    FOREIGN KEY (tenant_id, overflow_campaign_id) REFERENCES campaigns (tenant_id, id),
    CHECK ((overflow = 'OverflowQueue') = (overflow_campaign_id IS NOT NULL)),
    CHECK (overflow_campaign_id IS DISTINCT FROM campaign_id)
);
