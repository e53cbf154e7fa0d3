import { z } from "zod";
import type { FilterIssue } from "@/lib/validation/claim-filters";
import { YEAR_MAX, YEAR_MIN, yearInRange } from "@/lib/validation/fields";

// /admin/audit's query string. Never throws: a value that cannot be used is dropped and reported.

export const AUDIT_PAGE_SIZE = 50;
const PAGE_MAX = 100_000;

export type AuditFilters = {
  entity?: string;
  action?: string;
  /** the email of the account that acted */
  user?: string;
  /** inclusive UTC day, YYYY-MM-DD */
  from?: string;
  /** inclusive UTC day, YYYY-MM-DD */
  to?: string;
  page: number;
};

type RawParams = Record<string, string | string[] | undefined>;

const entityPattern = /^[A-Za-z]{1,40}$/;
const actionPattern = /^[a-z][a-z0-9-]{0,39}$/;
const isoDay = z.iso.date();
const email = z.email();

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim();
const shown = (v: string) => v.slice(0, 40);

export function parseAuditFilters(params: RawParams): { filters: AuditFilters; issues: FilterIssue[] } {
  const issues: FilterIssue[] = [];
  const filters: AuditFilters = { page: 1 };

  const entity = first(params.entity);
  if (entity) {
    if (entityPattern.test(entity)) filters.entity = entity;
    else
      issues.push({ param: "entity", message: `“${shown(entity)}” is not a kind of record; that filter was ignored.` });
  }
  const action = first(params.action);
  if (action) {
    if (actionPattern.test(action)) filters.action = action;
    else issues.push({ param: "action", message: `“${shown(action)}” is not an action; that filter was ignored.` });
  }
  const user = first(params.user)?.toLowerCase();
  if (user) {
    if (user.length <= 254 && email.safeParse(user).success) filters.user = user;
    else issues.push({ param: "user", message: `“${shown(user)}” is not an email address; that filter was ignored.` });
  }
  for (const key of ["from", "to"] as const) {
    const value = first(params[key]);
    if (!value) continue;
    if (!isoDay.safeParse(value).success)
      issues.push({ param: key, message: `“${shown(value)}” is not a date (use YYYY-MM-DD); it was ignored.` });
    else if (!yearInRange(value))
      issues.push({ param: key, message: `${value} is not between ${YEAR_MIN} and ${YEAR_MAX}; it was ignored.` });
    else filters[key] = value;
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    issues.push({ param: "to", message: "The end date is before the start date; both dates were ignored." });
    delete filters.from;
    delete filters.to;
  }
  const page = first(params.page);
  if (page) {
    const n = /^\d{1,7}$/.test(page) ? Number(page) : NaN;
    if (Number.isInteger(n) && n >= 1 && n <= PAGE_MAX) filters.page = n;
    else issues.push({ param: "page", message: `Page “${shown(page)}” does not exist; showing page 1.` });
  }
  return { filters, issues };
}

export function auditFiltersToSearch(filters: Partial<AuditFilters>): string {
  const sp = new URLSearchParams();
  for (const key of ["entity", "action", "user", "from", "to"] as const) {
    const value = filters[key];
    if (value) sp.set(key, value);
  }
  if (filters.page && filters.page > 1) sp.set("page", String(filters.page));
  const s = sp.toString();
  return s ? `?${s}` : "";
}
