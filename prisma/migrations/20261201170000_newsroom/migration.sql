-- AlterTable
ALTER TABLE "CasualtyFigure" ADD COLUMN "noSourceReason" TEXT;

-- CreateTable
CREATE TABLE "Proposal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "claimId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT,
    "rationale" TEXT NOT NULL,
    "sources" TEXT NOT NULL DEFAULT '[]',
    "claimVersion" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "proposerId" INTEGER,
    "reviewerId" INTEGER,
    "reviewComment" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    CONSTRAINT "Proposal_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_proposerId_fkey" FOREIGN KEY ("proposerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Proposal_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeskSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "reviewRequired" BOOLEAN NOT NULL DEFAULT true,
    "staleReviewDays" INTEGER NOT NULL DEFAULT 3,
    "updatedById" INTEGER,
    "updatedAt" DATETIME NOT NULL
);

-- Columns added in place, not by Prisma's table rebuild: rebuilding "Claim" would drop the search triggers of
-- migration 20261125180000_claim_search.
ALTER TABLE "Claim" ADD COLUMN "claimedAtPrecision" TEXT NOT NULL DEFAULT 'DAY';
ALTER TABLE "Claim" ADD COLUMN "assigneeId" INTEGER REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Claim" ADD COLUMN "withdrawnAt" DATETIME;
ALTER TABLE "Claim" ADD COLUMN "withdrawalReason" TEXT;
CREATE INDEX "Claim_assigneeId_idx" ON "Claim"("assigneeId");
CREATE INDEX "Claim_withdrawnAt_idx" ON "Claim"("withdrawnAt");
ALTER TABLE "StatusChange" ADD COLUMN "proposedById" INTEGER REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Proposal_claimId_state_idx" ON "Proposal"("claimId", "state");

-- CreateIndex
CREATE INDEX "Proposal_state_createdAt_idx" ON "Proposal"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Proposal_proposerId_state_idx" ON "Proposal"("proposerId", "state");

