-- CreateTable
CREATE TABLE "StatusSubscriber" (
    "id" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "components" TEXT NOT NULL DEFAULT '[]',
    "confirmHash" TEXT,
    "unsubToken" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "lastMailAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusSubscriber_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StatusSubscriber_confirmHash_key" ON "StatusSubscriber"("confirmHash");

-- CreateIndex
CREATE UNIQUE INDEX "StatusSubscriber_unsubToken_key" ON "StatusSubscriber"("unsubToken");

-- CreateIndex
CREATE INDEX "StatusSubscriber_roomId_confirmedAt_idx" ON "StatusSubscriber"("roomId", "confirmedAt");

-- CreateIndex
CREATE UNIQUE INDEX "StatusSubscriber_roomId_email_key" ON "StatusSubscriber"("roomId", "email");

-- AddForeignKey
ALTER TABLE "StatusSubscriber" ADD CONSTRAINT "StatusSubscriber_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

