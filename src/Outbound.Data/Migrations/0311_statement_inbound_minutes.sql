-- Hotline minutes are billed on a line of their own (呼入通话分钟); an issued statement keeps them beside the outbound minutes.
ALTER TABLE statements ADD COLUMN inbound_minutes bigint NOT NULL DEFAULT 0;
