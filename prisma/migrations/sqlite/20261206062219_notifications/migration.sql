-- AlterTable
ALTER TABLE "Room" ADD COLUMN "escalation" TEXT;

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN "unclaimedNoticeAt" DATETIME;

-- CreateTable
CREATE TABLE "NotifyChannel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "url" TEXT,
    "secret" TEXT,
    "recipients" TEXT NOT NULL DEFAULT '[]',
    "events" TEXT NOT NULL DEFAULT '[]',
    "minSeverity" TEXT NOT NULL DEFAULT 'SEV2',
    "language" TEXT,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "ratePerMinute" INTEGER,
    "sendWindow" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "NotifyChannel_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "incidentNumber" INTEGER,
    "severity" TEXT,
    "payload" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline" DATETIME NOT NULL,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "latencyMs" INTEGER,
    "digest" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Delivery_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Delivery_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "NotifyChannel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkerLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "leaseUntil" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "NotifyChannel_roomId_name_key" ON "NotifyChannel"("roomId", "name");

-- CreateIndex
CREATE INDEX "Delivery_state_nextAttemptAt_idx" ON "Delivery"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Delivery_roomId_createdAt_idx" ON "Delivery"("roomId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_channelId_dedupKey_key" ON "Delivery"("channelId", "dedupKey");

