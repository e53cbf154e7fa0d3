-- CreateEnum
CREATE TYPE "LocationPrecision" AS ENUM ('TOWN', 'DISTRICT', 'PROVINCE', 'COUNTRY');

-- AlterEnum
ALTER TYPE "ActorKind" ADD VALUE 'POPULATION';

-- AlterTable (written by `npm run db:postgres-schema -- --migration`, then edited by hand: the old numeric precision
-- is carried over before its column goes, as prisma/migrations/20261201210000_incidents does on SQLite)
ALTER TABLE "Incident"
ADD COLUMN     "datePrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "locationPrecision" "LocationPrecision",
ADD COLUMN     "longitude" DOUBLE PRECISION,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
UPDATE "Incident" SET "locationPrecision" =
  (CASE "geoPrecision" WHEN 1 THEN 'TOWN' WHEN 2 THEN 'DISTRICT' ELSE 'PROVINCE' END)::"LocationPrecision";
ALTER TABLE "Incident" ALTER COLUMN "locationPrecision" SET NOT NULL;
ALTER TABLE "Incident" DROP COLUMN "geoPrecision";

-- Hand-written: the CHECKs of the SQLite migration (Prisma has none).
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_coordinates_pair" CHECK (("latitude" IS NULL) = ("longitude" IS NULL));
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_latitude_range" CHECK ("latitude" IS NULL OR "latitude" BETWEEN -90 AND 90);
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_longitude_range" CHECK ("longitude" IS NULL OR "longitude" BETWEEN -180 AND 180);

-- CreateTable
CREATE TABLE "ClaimAbout" (
    "claimId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,

    CONSTRAINT "ClaimAbout_pkey" PRIMARY KEY ("claimId","actorId")
);

-- CreateIndex
CREATE INDEX "ClaimAbout_actorId_idx" ON "ClaimAbout"("actorId");

-- CreateIndex
CREATE INDEX "Incident_date_idx" ON "Incident"("date");

-- AddForeignKey
ALTER TABLE "ClaimAbout" ADD CONSTRAINT "ClaimAbout_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimAbout" ADD CONSTRAINT "ClaimAbout_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

