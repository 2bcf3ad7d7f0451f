-- CreateTable
CREATE TABLE "CapacityModel" (
    "roomId" TEXT NOT NULL PRIMARY KEY,
    "series" TEXT NOT NULL DEFAULT 'users_online',
    "perServer" REAL,
    "perServerSeries" TEXT,
    "targetUtilization" REAL NOT NULL DEFAULT 0.8,
    "leadMinutes" REAL NOT NULL DEFAULT 30,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CapacityModel_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

