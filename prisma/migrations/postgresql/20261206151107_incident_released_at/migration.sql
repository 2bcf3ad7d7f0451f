-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "releasedAt" TIMESTAMP(3);

