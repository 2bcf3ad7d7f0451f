-- AlterTable
ALTER TABLE "Room" ADD COLUMN     "seriesBounds" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "signInUnlockedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Probe" ADD COLUMN     "stateSince" TIMESTAMP(3);

