-- AlterTable
ALTER TABLE "Incident" ADD COLUMN "releasedAt" DATETIME;

