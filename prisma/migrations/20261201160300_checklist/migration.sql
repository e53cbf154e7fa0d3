-- CreateTable
CREATE TABLE "ChecklistStep" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "retiredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ChecklistTick" (
    "claimId" INTEGER NOT NULL,
    "stepId" INTEGER NOT NULL,
    "tickedById" INTEGER,
    "tickedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("claimId", "stepId"),
    CONSTRAINT "ChecklistTick_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChecklistTick_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "ChecklistStep" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ChecklistTick_tickedById_fkey" FOREIGN KEY ("tickedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistStep_name_key" ON "ChecklistStep"("name");

-- CreateIndex
CREATE INDEX "ChecklistStep_retiredAt_position_idx" ON "ChecklistStep"("retiredAt", "position");

-- CreateIndex
CREATE INDEX "ChecklistTick_stepId_idx" ON "ChecklistTick"("stepId");
