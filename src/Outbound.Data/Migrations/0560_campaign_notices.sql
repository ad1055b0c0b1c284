-- What the dialer told a campaign's manager about its pacing: a fall-back to progressive dialing because the abandon
-- window reached the cap, predictive dialing resumed, the answering-machine detector turned off because its false
-- positives alone would use too much of the cap. The live page lists them; the campaign list flags the open ones.
CREATE TABLE campaign_notices (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id            uuid NOT NULL REFERENCES tenants (id),
    campaign_id          uuid NOT NULL,
    kind                 text NOT NULL CHECK (kind IN ('cap_fallback', 'predictive_resumed', 'detector_off')),
    at                   timestamptz NOT NULL,
    abandon_rate         double precision NOT NULL,  -- the window's rate then (false positives counted where the preset counts them)
    false_positive_rate  double precision NOT NULL,  -- the detector's estimated false-positive rate then
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX campaign_notices_campaign ON campaign_notices (campaign_id, at);

-- The pacing history a starting campaign reads (abandon window per minute, detector checks) goes by campaign and the
-- time the call ended.
CREATE INDEX call_records_campaign_ended ON call_records (campaign_id, ended_at);
