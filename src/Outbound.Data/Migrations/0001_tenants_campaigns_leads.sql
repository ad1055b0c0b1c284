-- Foundation schema. Every tenant-owned row carries tenant_id so that queries can always filter on it.
-- Migration version ranges per area keep parallel work from colliding:
--   0001-0099 foundation (tenants, identity, campaigns, lists)   0100-0199 dialer (calls, hopper, agents)
--   0200-0299 telephony (trunks, SIP accounts, recordings)        0300-0399 billing and reports
--   0400-0499 workforce and assessment                            0500-0599 agent desk, ACD, IVR

CREATE TABLE tenants (
    id               uuid PRIMARY KEY,
    code             text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name             text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE campaigns (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    code             text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name             text NOT NULL,
    kind             text NOT NULL,           -- CampaignKind
    dial_mode        text NOT NULL,           -- DialMode
    status           text NOT NULL DEFAULT 'draft', -- draft | running | paused | stopped
    settings         jsonb NOT NULL,          -- CampaignSettings (Outbound.Core/Campaigns)
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);

-- One row per import run of a call list; the leads it wrote point back at it.
CREATE TABLE list_imports (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    campaign_id      uuid NOT NULL,
    file_name        text NOT NULL,
    file_sha256      text NOT NULL,
    encoding         text NOT NULL,
    column_map       jsonb NOT NULL DEFAULT '{}',
    status           text NOT NULL,            -- running | completed | failed
    error            text,
    rows             int NOT NULL DEFAULT 0,
    imported         int NOT NULL DEFAULT 0,
    rejected         int NOT NULL DEFAULT 0,
    duplicates       int NOT NULL DEFAULT 0,
    dnc              int NOT NULL DEFAULT 0,
    created_by       text,
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id)
);
CREATE INDEX list_imports_campaign ON list_imports (campaign_id, started_at DESC);

-- Rejected rows of an import: line number, raw text and a reason code (Outbound.Core/Lists).
CREATE TABLE list_import_rejects (
    import_id        uuid NOT NULL REFERENCES list_imports (id) ON DELETE CASCADE,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    line_number      int NOT NULL,
    reason           text NOT NULL,
    detail           text,
    raw              text NOT NULL,
    PRIMARY KEY (import_id, line_number)
);

CREATE TABLE leads (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        uuid NOT NULL,
    campaign_id      uuid NOT NULL,
    import_id        uuid REFERENCES list_imports (id),
    line_number      int,
    phone_e164       text NOT NULL,
    phone_kind       text NOT NULL,            -- mobile | landline | other
    region           text,                     -- ISO region or CN province/city where known
    time_zone        text NOT NULL,            -- IANA id; calling windows are checked in it
    name             text,
    fields           jsonb NOT NULL DEFAULT '{}',   -- the campaign's custom lead fields
    status           text NOT NULL DEFAULT 'new',   -- new | leased | callback | done | dnc
    attempts         int NOT NULL DEFAULT 0,
    last_outcome     text,
    last_attempt_at  timestamptz,
    next_call_at     timestamptz,
    callback_agent   text,
    lease_owner      text,
    lease_expires_at timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id),
    UNIQUE (campaign_id, phone_e164)
);
CREATE INDEX leads_callable ON leads (campaign_id, status, next_call_at);

-- Do-not-call numbers: tenant_id NULL is the operator's global list.
CREATE TABLE dnc_numbers (
    tenant_id        uuid REFERENCES tenants (id),
    phone_e164       text NOT NULL,
    reason           text,
    added_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (tenant_id, phone_e164)
);
CREATE INDEX dnc_numbers_phone ON dnc_numbers (phone_e164);
