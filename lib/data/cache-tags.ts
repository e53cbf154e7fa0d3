// Cache tags of reader data. One broad tag keeps invalidation simple and correct: a claim edit can change lists,
// counts, actor pages, links on other claims and corrections. Cached pages carry the tags of the data they read,
// so invalidating this tag refreshes cached pages too (docs/decisions/0011-page-cache.md).
export const READER_TAG = "reader";

/** The path of the endpoint through which a process other than the server invalidates READER_TAG. */
export const REVALIDATE_PATH = "/api/revalidate";
