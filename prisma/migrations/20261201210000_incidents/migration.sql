-- Incidents get a place precision as words, coordinates, a date precision and a version
-- (docs/decisions/0026-incidents.md). Only "Incident" is rebuilt; "Claim" keeps its search triggers.
-- The old geoPrecision 1/2/3 becomes TOWN/DISTRICT/PROVINCE.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Incident" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "datePrecision" TEXT NOT NULL DEFAULT 'DAY',
    "location" TEXT NOT NULL,
    "locationPrecision" TEXT NOT NULL,
    "latitude" REAL,
    "longitude" REAL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    -- The last guard behind lib/domain/incident-place.ts: both coordinates or neither, each within its range.
    CONSTRAINT "Incident_coordinates_pair" CHECK (("latitude" IS NULL) = ("longitude" IS NULL)),
    CONSTRAINT "Incident_latitude_range" CHECK ("latitude" IS NULL OR "latitude" BETWEEN -90 AND 90),
    CONSTRAINT "Incident_longitude_range" CHECK ("longitude" IS NULL OR "longitude" BETWEEN -180 AND 180),
    CONSTRAINT "Incident_location_precision" CHECK ("locationPrecision" IN ('TOWN', 'DISTRICT', 'PROVINCE', 'COUNTRY'))
);
INSERT INTO "new_Incident" ("createdAt", "date", "description", "id", "location", "locationPrecision", "slug", "title", "updatedAt")
SELECT "createdAt", "date", "description", "id", "location",
       CASE "geoPrecision" WHEN 1 THEN 'TOWN' WHEN 2 THEN 'DISTRICT' ELSE 'PROVINCE' END,
       "slug", "title", "updatedAt"
FROM "Incident";
DROP TABLE "Incident";
ALTER TABLE "new_Incident" RENAME TO "Incident";
CREATE UNIQUE INDEX "Incident_slug_key" ON "Incident"("slug");
CREATE INDEX "Incident_date_idx" ON "Incident"("date");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
