-- CreateTable
CREATE TABLE "ServerDrain" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "server" TEXT NOT NULL,
    "reason" TEXT,
    "incidentId" TEXT,
    "drainedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "drainedById" TEXT,
    "drainedByName" TEXT NOT NULL,
    "restoredAt" DATETIME,
    "restoredById" TEXT,
    "restoredByName" TEXT,
    "restoreReason" TEXT,
    "openKey" TEXT,
    CONSTRAINT "ServerDrain_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ServerDrain_openKey_key" ON "ServerDrain"("openKey");

-- CreateIndex
CREATE INDEX "ServerDrain_roomId_server_idx" ON "ServerDrain"("roomId", "server");

