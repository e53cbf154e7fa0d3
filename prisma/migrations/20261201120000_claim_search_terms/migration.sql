-- The vocabulary of the search index, one row per indexed word (fts5vocab "row": term, doc, cnt). No storage of its
-- own: it reads "ClaimSearch". lib/sqlite/search.ts looks up which words a prefix search stands for, to search for
-- those words instead of the prefix when there are few (docs/decisions/0013-search-at-scale.md). Listed under
-- tables.external in prisma.config.ts, like "ClaimSearch".
CREATE VIRTUAL TABLE "ClaimSearchTerms" USING fts5vocab('ClaimSearch', 'row');
