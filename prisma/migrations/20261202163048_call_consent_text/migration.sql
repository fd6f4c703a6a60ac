-- The words a caller said at the phone menu, kept only when the opt-out classifier was unsure (evidence for staff's review).

-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "consent_text" TEXT;
