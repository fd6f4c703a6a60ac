-- A customer who ticks the SMS consent box on the online booking page opts in; the ledger records
-- where that consent came from.
ALTER TYPE "consent_source" ADD VALUE IF NOT EXISTS 'booking_page';
