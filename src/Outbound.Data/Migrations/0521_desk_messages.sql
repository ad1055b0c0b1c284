-- Messages between desk agents and supervisors (wallboard): to one user, or to everyone logged in to a campaign.
-- Every message belongs to the tenant of the campaign it was sent in, so it never crosses clients.
CREATE TABLE desk_messages (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    campaign_id      uuid NOT NULL,
    sender           text NOT NULL,                 -- user id
    recipient        text,                          -- user id; NULL: everyone logged in to the campaign
    to_supervisors   boolean NOT NULL DEFAULT false, -- an agent's message to the campaign's supervisors
    body             text NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
    sent_at          timestamptz NOT NULL,
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX desk_messages_recipient ON desk_messages (recipient, sent_at) WHERE recipient IS NOT NULL;
CREATE INDEX desk_messages_campaign ON desk_messages (campaign_id, sent_at);
