-- CreateTable
CREATE TABLE "Signal" (
    "id" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT,
    "state" TEXT NOT NULL DEFAULT 'firing',
    "incidentId" TEXT,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fireCount" INTEGER NOT NULL DEFAULT 1,
    "recoveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Signal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignalAlert" (
    "signalId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignalAlert_pkey" PRIMARY KEY ("signalId","fingerprint")
);

-- CreateTable
CREATE TABLE "Probe" (
    "id" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "method" TEXT NOT NULL DEFAULT 'GET',
    "expectStatus" TEXT NOT NULL DEFAULT '[200]',
    "expectText" TEXT,
    "intervalSeconds" INTEGER NOT NULL DEFAULT 30,
    "timeoutMs" INTEGER NOT NULL DEFAULT 5000,
    "downAfter" INTEGER NOT NULL DEFAULT 3,
    "upAfter" INTEGER NOT NULL DEFAULT 2,
    "severity" TEXT NOT NULL DEFAULT 'SEV2',
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "failStreak" INTEGER NOT NULL DEFAULT 0,
    "okStreak" INTEGER NOT NULL DEFAULT 0,
    "lastCheckedAt" TIMESTAMP(3),
    "lastLatencyMs" INTEGER,
    "lastError" TEXT,
    "recent" TEXT NOT NULL DEFAULT '[]',
    "nextRunAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Probe_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "labelsKey" TEXT NOT NULL DEFAULT '',
    "direction" TEXT NOT NULL DEFAULT 'above',
    "threshold" DOUBLE PRECISION NOT NULL,
    "forSeconds" INTEGER NOT NULL DEFAULT 60,
    "severity" TEXT NOT NULL DEFAULT 'SEV3',
    "title" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Signal_incidentId_idx" ON "Signal"("incidentId");

-- CreateIndex
CREATE UNIQUE INDEX "Signal_roomId_kind_dedupKey_key" ON "Signal"("roomId", "kind", "dedupKey");

-- CreateIndex
CREATE INDEX "Probe_paused_nextRunAt_idx" ON "Probe"("paused", "nextRunAt");

-- CreateIndex
CREATE UNIQUE INDEX "Probe_roomId_name_key" ON "Probe"("roomId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "AlertRule_roomId_name_key" ON "AlertRule"("roomId", "name");

-- AddForeignKey
ALTER TABLE "SignalAlert" ADD CONSTRAINT "SignalAlert_signalId_fkey" FOREIGN KEY ("signalId") REFERENCES "Signal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Probe" ADD CONSTRAINT "Probe_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertRule" ADD CONSTRAINT "AlertRule_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

