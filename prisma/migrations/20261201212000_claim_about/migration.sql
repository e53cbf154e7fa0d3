-- One new table; no table is rebuilt ("Claim" keeps its search triggers of 20261125180000_claim_search).
-- CreateTable
CREATE TABLE "ClaimAbout" (
    "claimId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,

    PRIMARY KEY ("claimId", "actorId"),
    CONSTRAINT "ClaimAbout_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClaimAbout_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ClaimAbout_actorId_idx" ON "ClaimAbout"("actorId");
