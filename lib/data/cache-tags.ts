// Cache tags of reader data. One broad tag keeps invalidation simple and correct: a claim edit can change lists,
// counts, actor pages, links on other claims and corrections.
export const READER_TAG = "reader";
