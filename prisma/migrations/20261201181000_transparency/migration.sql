-- Two new tables; no table is rebuilt ("Claim" keeps its search triggers of 20261125180000_claim_search).
-- CreateTable
CREATE TABLE "AboutPage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "markdown" TEXT NOT NULL,
    "updatedById" INTEGER,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CorrectionRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "claimId" INTEGER NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "message" TEXT NOT NULL,
    "ipHash" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "correctionId" INTEGER,
    "correctionUrl" TEXT,
    "handledById" INTEGER,
    "handledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CorrectionRequest_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CorrectionRequest_correctionId_fkey" FOREIGN KEY ("correctionId") REFERENCES "StatusChange" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CorrectionRequest_handledById_fkey" FOREIGN KEY ("handledById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CorrectionRequest_state_createdAt_idx" ON "CorrectionRequest"("state", "createdAt");

-- CreateIndex
CREATE INDEX "CorrectionRequest_claimId_idx" ON "CorrectionRequest"("claimId");

-- CreateIndex
CREATE INDEX "CorrectionRequest_ipHash_createdAt_idx" ON "CorrectionRequest"("ipHash", "createdAt");

