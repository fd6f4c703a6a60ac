-- AlterEnum
ALTER TYPE "message_status" ADD VALUE 'not_sent';
