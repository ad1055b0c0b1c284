-- The IVR menu tree of an inbound campaign (Core/Ivr/IvrTree as JSON), validated before it is saved.
CREATE TABLE ivr_trees (
    campaign_id      uuid PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    tree             jsonb NOT NULL,
    updated_at       timestamptz NOT NULL,
    updated_by       text NOT NULL
);
