-- AlterTable
ALTER TABLE "IdempotencyRecord" ADD COLUMN "leaseToken" TEXT;
ALTER TABLE "IdempotencyRecord" ADD COLUMN "leaseUntil" DATETIME;
ALTER TABLE "IdempotencyRecord" ADD COLUMN "requestHash" TEXT;

