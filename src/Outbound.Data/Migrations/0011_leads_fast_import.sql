-- Call lists of a million rows (issue 2's benchmark) spent most of their COPY time on per-row work
-- in PostgreSQL, not in our parser:
--  * phone numbers are ASCII E.164 strings, yet compared under the database's libc collation;
--    byte order ("C") gives the same order for them and lets btree use fast comparisons;
--  * the (tenant_id, campaign_id) and import_id foreign keys fired two referential-integrity lookups
--    per lead (together about as long as the COPY itself). The importer checks the campaign and its
--    tenant once, under the campaign's advisory lock, and writes the list_imports row in the same
--    transaction as the leads (ListImporter); campaigns and imports are never deleted, so the
--    per-row checks bought nothing.
ALTER TABLE leads DROP CONSTRAINT leads_tenant_id_campaign_id_fkey;
ALTER TABLE leads DROP CONSTRAINT leads_import_id_fkey;
ALTER TABLE leads ALTER COLUMN phone_e164 TYPE text COLLATE "C";
ALTER TABLE dnc_numbers ALTER COLUMN phone_e164 TYPE text COLLATE "C";
