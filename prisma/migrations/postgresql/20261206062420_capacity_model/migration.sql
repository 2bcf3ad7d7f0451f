-- CreateTable
CREATE TABLE "CapacityModel" (
    "roomId" TEXT NOT NULL,
    "series" TEXT NOT NULL DEFAULT 'users_online',
    "perServer" DOUBLE PRECISION,
    "perServerSeries" TEXT,
    "targetUtilization" DOUBLE PRECISION NOT NULL DEFAULT 0.8,
    "leadMinutes" DOUBLE PRECISION NOT NULL DEFAULT 30,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CapacityModel_pkey" PRIMARY KEY ("roomId")
);

-- AddForeignKey
ALTER TABLE "CapacityModel" ADD CONSTRAINT "CapacityModel_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

