-- Call-list loading (Outbound.Data/Lists): the uploaded size for progress and audit, and the
-- statuses an import can be in, so that a stray value cannot hide a failed import.
ALTER TABLE list_imports ADD COLUMN file_bytes bigint NOT NULL DEFAULT 0;
ALTER TABLE list_imports ADD CONSTRAINT list_imports_status_known CHECK (status IN ('running', 'completed', 'failed'));
