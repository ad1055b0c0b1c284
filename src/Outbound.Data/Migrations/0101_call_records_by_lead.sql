-- A lead's contact history (the desk's screen pop) reads its calls by lead, and the foreign key from
-- call_records to leads needs the same index, or every removed lead scans all call records.
CREATE INDEX call_records_lead ON call_records (lead_id, started_at);
