-- The hopper leases each status in index order (LeadHopper): callbacks due, then retries and new leads.
-- With id as the last column an index scan of (campaign, status, due time) returns the lease order itself and
-- stops at the lease size, instead of sorting every callable lead of the campaign (a second on a million leads).
-- The same name and the same number of leads indexes: each one slows list imports.
DROP INDEX leads_callable;
CREATE INDEX leads_callable ON leads (campaign_id, status, next_call_at, id);
