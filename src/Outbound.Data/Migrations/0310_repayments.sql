-- The client's repayment files (还款回盘): every debtor payment it reported, matched to a lead of one campaign.
-- The unique key makes a re-upload of the same file a no-op: the n-th payment of the same lead, day and amount in a
-- file is stored once (occurrence = n), so two equal payments on one day in one file are still two payments.
CREATE TABLE repayments (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        uuid NOT NULL,
    campaign_id      uuid NOT NULL,
    lead_id          bigint NOT NULL REFERENCES leads (id),
    paid_on          date NOT NULL,
    amount           numeric(14, 2) NOT NULL CHECK (amount > 0),
    occurrence       int NOT NULL CHECK (occurrence >= 1),
    file_name        text NOT NULL DEFAULT '',
    line_number      int NOT NULL,
    uploaded_by      text,
    uploaded_at      timestamptz NOT NULL,
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id),
    UNIQUE (campaign_id, lead_id, paid_on, amount, occurrence)
);
CREATE INDEX collection_promises_lead ON collection_promises (campaign_id, lead_id);
