-- The customers table had two identical indexes on (tenant_id, lower(email)): one from the imports
-- migration, one from the customer-master migration. Every insert and every email change paid for
-- both. The import's lookup, the duplicates finder and the merge all use the one kept here.
DROP INDEX IF EXISTS customers_email_key_idx;
