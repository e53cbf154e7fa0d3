-- AlterTable
ALTER TABLE "Actor" ADD COLUMN "side" TEXT;

-- CreateIndex
CREATE INDEX "Actor_side_idx" ON "Actor"("side");

-- The story's actors get their sides here, once: the seed creates only what is missing (docs/decisions/0006) and so
-- would leave an existing database's actors without one. Later runs and editors' choices are not touched again.
UPDATE "Actor" SET "side" = 'Pakistan'
  WHERE "synthetic" = false AND "slug" IN ('pakistan-government', 'pakistan-military', 'shehbaz-sharif');
UPDATE "Actor" SET "side" = 'Afghanistan (Taliban-led government)'
  WHERE "synthetic" = false AND "slug" = 'afghan-taliban-government';
UPDATE "Actor" SET "side" = 'TTP' WHERE "synthetic" = false AND "slug" = 'ttp';
UPDATE "Actor" SET "side" = 'United States'
  WHERE "synthetic" = false AND "slug" IN ('us-government', 'donald-trump');
