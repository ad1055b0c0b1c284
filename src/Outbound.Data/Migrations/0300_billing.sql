-- Billing (seed part 二): contract terms per client, payments, issued statements, suspensions,
-- maintenance windows, and the log of every document a client downloads.

CREATE TABLE contract_terms (
    tenant_id                  uuid PRIMARY KEY REFERENCES tenants (id),
    contract_no                text NOT NULL,
    seats                      int NOT NULL CHECK (seats >= 1),
    price_per_seat_month       numeric(12, 2) NOT NULL CHECK (price_per_seat_month > 0),
    telephony_rate_per_minute  numeric(10, 4) NOT NULL CHECK (telephony_rate_per_minute >= 0),
    start_date                 date NOT NULL,
    end_date                   date NOT NULL CHECK (end_date > start_date),
    deposit_months             int NOT NULL DEFAULT 1 CHECK (deposit_months >= 0),
    advance_months             int NOT NULL DEFAULT 1 CHECK (advance_months >= 0),
    grace_days                 int NOT NULL DEFAULT 15 CHECK (grace_days >= 0),
    maintenance_days_per_month int NOT NULL DEFAULT 2 CHECK (maintenance_days_per_month BETWEEN 0 AND 31),
    renewal_notice_months      int NOT NULL DEFAULT 1 CHECK (renewal_notice_months >= 0),
    updated_by                 text,
    updated_at                 timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payments (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    received_on      date NOT NULL,
    amount           numeric(12, 2) NOT NULL CHECK (amount > 0),
    reference        text NOT NULL DEFAULT '',
    recorded_by      text,
    recorded_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_tenant ON payments (tenant_id, received_on);

-- The figures of a statement as last issued (page view or PDF), so that what a client was shown is kept.
CREATE TABLE statements (
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    month            text NOT NULL CHECK (month ~ '^\d{4}-\d{2}$'),
    opening_balance  numeric(14, 2) NOT NULL,
    charges          numeric(14, 2) NOT NULL,
    payments         numeric(14, 2) NOT NULL,
    closing_balance  numeric(14, 2) NOT NULL,
    telephony_minutes bigint NOT NULL,
    issued_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, month)
);

-- Suspensions for overdue rent: the open row (lifted_at NULL) is the current one.
CREATE TABLE tenant_suspensions (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    suspended_at     timestamptz NOT NULL,
    oldest_due_on    date NOT NULL,
    days_overdue     int NOT NULL,
    outstanding      numeric(14, 2) NOT NULL,
    lifted_at        timestamptz
);
CREATE UNIQUE INDEX tenant_suspensions_open ON tenant_suspensions (tenant_id) WHERE lifted_at IS NULL;

-- Planned maintenance (two days a month in the sample); tenant_id NULL applies to every client.
CREATE TABLE maintenance_windows (
    id               uuid PRIMARY KEY,
    tenant_id        uuid REFERENCES tenants (id),
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL CHECK (ends_at > starts_at),
    reason           text NOT NULL DEFAULT ''
);
CREATE INDEX maintenance_windows_time ON maintenance_windows (ends_at);

-- Every contract, statement and report PDF a user downloaded.
CREATE TABLE download_log (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    user_name        text NOT NULL,
    document         text NOT NULL,            -- contract | statement | performance
    document_key     text NOT NULL DEFAULT '', -- month, campaign code and period …
    at               timestamptz NOT NULL
);
CREATE INDEX download_log_tenant ON download_log (tenant_id, at DESC);

-- What the performance report reads of collections and survey calls; the agent desk's forms write them.
CREATE TABLE collection_promises (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    campaign_id      uuid NOT NULL,
    lead_id          bigint NOT NULL REFERENCES leads (id),
    call_record_id   uuid REFERENCES call_records (id),
    agent            text,
    amount           numeric(14, 2) NOT NULL CHECK (amount > 0),
    promised_at      timestamptz NOT NULL,
    due_on           date NOT NULL,
    kept_on          date,                     -- the debtor's payment, when the client reports it
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id)
);
CREATE INDEX collection_promises_campaign ON collection_promises (campaign_id, promised_at);

CREATE TABLE survey_responses (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    campaign_id      uuid NOT NULL,
    lead_id          bigint NOT NULL REFERENCES leads (id),
    call_record_id   uuid REFERENCES call_records (id),
    completed        boolean NOT NULL,
    answers          jsonb NOT NULL DEFAULT '{}',  -- question id → answer text
    answered_at      timestamptz NOT NULL,
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id)
);
CREATE INDEX survey_responses_campaign ON survey_responses (campaign_id, answered_at);
