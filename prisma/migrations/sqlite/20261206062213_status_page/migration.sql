-- CreateTable
CREATE TABLE "StatusPage" (
    "roomId" TEXT NOT NULL PRIMARY KEY,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "title" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StatusComponent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "group" TEXT,
    "order" INTEGER NOT NULL DEFAULT 0,
    "probeName" TEXT,
    "degradedAfterMs" INTEGER,
    "manualStatus" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StatusIncident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "incidentId" TEXT,
    "title" TEXT NOT NULL,
    "impact" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "components" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "resolvedAt" DATETIME
);

-- CreateTable
CREATE TABLE "StatusIncidentUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "statusIncidentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StatusIncidentUpdate_statusIncidentId_fkey" FOREIGN KEY ("statusIncidentId") REFERENCES "StatusIncident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatusMaintenance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "components" TEXT NOT NULL DEFAULT '[]',
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "StatusComponent_roomId_order_idx" ON "StatusComponent"("roomId", "order");

-- CreateIndex
CREATE UNIQUE INDEX "StatusComponent_roomId_name_key" ON "StatusComponent"("roomId", "name");

-- CreateIndex
CREATE INDEX "StatusIncident_roomId_status_idx" ON "StatusIncident"("roomId", "status");

-- CreateIndex
CREATE INDEX "StatusIncidentUpdate_statusIncidentId_createdAt_idx" ON "StatusIncidentUpdate"("statusIncidentId", "createdAt");

-- CreateIndex
CREATE INDEX "StatusMaintenance_roomId_endsAt_idx" ON "StatusMaintenance"("roomId", "endsAt");

