-- Full-text search over claims with SQLite FTS5. Hand-written: Prisma cannot express virtual tables or triggers.
-- prisma.config.ts lists "ClaimSearch" and its shadow tables under tables.external, so `prisma migrate diff/dev`
-- leave them alone instead of generating DROP TABLE. The queries live in lib/data/search-sqlite.ts.
--
-- MAINTENANCE: a later migration that redefines "Claim" or "Actor" (Prisma's SQLite "RedefineTables": create
-- new_X, copy, DROP, rename) drops the triggers below with the old table. Such a migration must end by creating
-- them again (copy them from here). tests/search-index.test.ts fails if one is missing after all migrations.

-- One row per PUBLISHED claim, rowid = "Claim"."id". Drafts are never in the index, so no search can show one, and
-- a search without other filters needs no join (counting and ranking stay inside FTS5: about 3x faster at 100,000
-- claims than joining every match to "Claim" to drop drafts).
-- unicode61: words split on spaces and punctuation in every script (Pashto, Dari and Urdu are written with
-- spaces between words), case folded, Latin diacritics removed (remove_diacritics 2: "crème" finds "creme").
-- Combining marks (M*) count as part of a word, so Devanagari vowel signs and Arabic harakat do not split a word
-- in pieces (the default "L* N* Co" would). prefix '3': an index of 3-character prefixes, so "kil*" is one lookup.
-- Not trigram: it would find word parts anywhere ("war" in "forward"), cannot look up 1-2 character words, ranks
-- worse, and its index is several times larger; the languages we hold all separate words with spaces.
CREATE VIRTUAL TABLE "ClaimSearch" USING fts5(
    statement,
    originalText,
    statusRationale,
    claimantName,
    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
    prefix = '3'
);

-- bm25 weights per column (statement, original text, rationale, claimant name): a word in the claim itself
-- counts most. Stored in the table's config, so `ORDER BY rank` uses them.
INSERT INTO "ClaimSearch"("ClaimSearch", rank) VALUES ('rank', 'bm25(10.0, 6.0, 2.0, 4.0)');

CREATE TRIGGER "Claim_search_insert" AFTER INSERT ON "Claim" WHEN NEW."publishedAt" IS NOT NULL BEGIN
    INSERT INTO "ClaimSearch"(rowid, statement, originalText, statusRationale, claimantName)
    VALUES (NEW."id", NEW."statement", NEW."originalText", NEW."statusRationale",
            (SELECT "name" FROM "Actor" WHERE "id" = NEW."claimantId"));
END;

-- Also on publishing and unpublishing: the row is removed, and written again only while the claim is published.
CREATE TRIGGER "Claim_search_update"
AFTER UPDATE OF "id", "statement", "originalText", "statusRationale", "claimantId", "publishedAt" ON "Claim" BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = OLD."id";
    INSERT INTO "ClaimSearch"(rowid, statement, originalText, statusRationale, claimantName)
    SELECT NEW."id", NEW."statement", NEW."originalText", NEW."statusRationale", a."name"
    FROM "Actor" a WHERE a."id" = NEW."claimantId" AND NEW."publishedAt" IS NOT NULL;
END;

CREATE TRIGGER "Claim_search_delete" AFTER DELETE ON "Claim" BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = OLD."id";
END;

-- The claimant's name is indexed with each of its claims: a rename rewrites those rows.
CREATE TRIGGER "Actor_search_rename" AFTER UPDATE OF "name" ON "Actor" WHEN NEW."name" IS NOT OLD."name" BEGIN
    UPDATE "ClaimSearch" SET claimantName = NEW."name"
    WHERE rowid IN (SELECT "id" FROM "Claim" WHERE "claimantId" = NEW."id" AND "publishedAt" IS NOT NULL);
END;

-- Backfill the published claims that exist already, then merge the index into one segment.
INSERT INTO "ClaimSearch"(rowid, statement, originalText, statusRationale, claimantName)
SELECT c."id", c."statement", c."originalText", c."statusRationale", a."name"
FROM "Claim" c JOIN "Actor" a ON a."id" = c."claimantId"
WHERE c."publishedAt" IS NOT NULL;

INSERT INTO "ClaimSearch"("ClaimSearch") VALUES ('optimize');
