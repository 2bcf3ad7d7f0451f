-- AlterTable
ALTER TABLE "Room" ADD COLUMN "seriesBounds" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "signInUnlockedAt" DATETIME;

-- AlterTable
ALTER TABLE "Probe" ADD COLUMN "stateSince" DATETIME;

