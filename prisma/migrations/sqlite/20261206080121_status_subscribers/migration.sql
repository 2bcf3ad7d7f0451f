-- CreateTable
CREATE TABLE "StatusSubscriber" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "components" TEXT NOT NULL DEFAULT '[]',
    "confirmHash" TEXT,
    "unsubToken" TEXT NOT NULL,
    "confirmedAt" DATETIME,
    "lastMailAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StatusSubscriber_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "StatusSubscriber_confirmHash_key" ON "StatusSubscriber"("confirmHash");

-- CreateIndex
CREATE UNIQUE INDEX "StatusSubscriber_unsubToken_key" ON "StatusSubscriber"("unsubToken");

-- CreateIndex
CREATE INDEX "StatusSubscriber_roomId_confirmedAt_idx" ON "StatusSubscriber"("roomId", "confirmedAt");

-- CreateIndex
CREATE UNIQUE INDEX "StatusSubscriber_roomId_email_key" ON "StatusSubscriber"("roomId", "email");

