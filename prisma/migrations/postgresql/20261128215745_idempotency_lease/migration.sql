-- AlterTable
ALTER TABLE "IdempotencyRecord" ADD COLUMN     "leaseToken" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "requestHash" TEXT;

