-- An editor can show an actor to readers before any published claim names it (issue 10, item 2).
ALTER TABLE "Actor" ADD COLUMN "published" BOOLEAN NOT NULL DEFAULT false;
