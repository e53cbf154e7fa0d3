import {
  filtersToSearch,
  parseClaimFilters,
  type ClaimFilters,
  type FilterIssue,
} from "@/lib/validation/claim-filters";

// The editor list (/editor/claims) takes the reader list's filters plus two only editors have: published or draft,
// and who the claim is assigned to (the signed-in editor, or nobody). Client-safe.

export const VISIBILITIES = ["published", "draft"] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const VISIBILITY_LABEL: Record<Visibility, string> = { published: "Published", draft: "Drafts" };

export const ASSIGNED = ["me", "nobody"] as const;
export type Assigned = (typeof ASSIGNED)[number];
export const ASSIGNED_LABEL: Record<Assigned, string> = { me: "To me", nobody: "To nobody" };

export type EditorFilters = ClaimFilters & { visibility?: Visibility; assigned?: Assigned };

type RawParams = Record<string, string | string[] | undefined>;

/** One of `choices`, or nothing with an issue saying the value was ignored. */
function pick<T extends string>(
  params: RawParams,
  name: string,
  choices: readonly T[],
  what: string,
  issues: FilterIssue[],
) {
  const raw = Array.isArray(params[name]) ? params[name][0] : params[name];
  if (!raw) return undefined;
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  issues.push({ param: name, message: `Unknown choice “${raw.slice(0, 40)}” for ${what} was ignored.` });
  return undefined;
}

export function parseEditorFilters(params: RawParams): { filters: EditorFilters; issues: FilterIssue[] } {
  const { filters, issues } = parseClaimFilters(params);
  const visibility = pick(params, "visibility", VISIBILITIES, "published or draft", issues);
  const assigned = pick(params, "assigned", ASSIGNED, "assigned to", issues);
  return {
    filters: { ...filters, ...(visibility ? { visibility } : {}), ...(assigned ? { assigned } : {}) },
    issues,
  };
}

export function editorFiltersToSearch(filters: Partial<EditorFilters>): string {
  const extra = [
    filters.visibility ? `visibility=${filters.visibility}` : null,
    filters.assigned ? `assigned=${filters.assigned}` : null,
  ].filter(Boolean);
  const search = filtersToSearch(filters);
  if (extra.length === 0) return search;
  return `${search ? `${search}&` : "?"}${extra.join("&")}`;
}
