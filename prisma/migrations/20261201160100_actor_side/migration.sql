-- AlterTable
ALTER TABLE "Actor" ADD COLUMN "side" TEXT;

-- CreateIndex
CREATE INDEX "Actor_side_idx" ON "Actor"("side");
