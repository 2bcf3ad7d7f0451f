-- AlterTable
ALTER TABLE "Room" ADD COLUMN "archivedAt" DATETIME;

