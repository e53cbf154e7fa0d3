import {
  filtersToSearch,
  parseClaimFilters,
  type ClaimFilters,
  type FilterIssue,
} from "@/lib/validation/claim-filters";

// The editor list (/editor) takes the reader list's filters plus one only editors have: published or draft.
// Client-safe.

export const VISIBILITIES = ["published", "draft"] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const VISIBILITY_LABEL: Record<Visibility, string> = { published: "Published", draft: "Drafts" };

export type EditorFilters = ClaimFilters & { visibility?: Visibility };

type RawParams = Record<string, string | string[] | undefined>;

export function parseEditorFilters(params: RawParams): { filters: EditorFilters; issues: FilterIssue[] } {
  const { filters, issues } = parseClaimFilters(params);
  const raw = Array.isArray(params.visibility) ? params.visibility[0] : params.visibility;
  if (!raw) return { filters, issues };
  if ((VISIBILITIES as readonly string[]).includes(raw))
    return { filters: { ...filters, visibility: raw as Visibility }, issues };
  issues.push({
    param: "visibility",
    message: `Unknown choice “${raw.slice(0, 40)}” for published or draft was ignored.`,
  });
  return { filters, issues };
}

export function editorFiltersToSearch(filters: Partial<EditorFilters>): string {
  const search = filtersToSearch(filters);
  if (!filters.visibility) return search;
  return `${search ? `${search}&` : "?"}visibility=${filters.visibility}`;
}
