import { API_PAGE_SIZE_MAX, type ApiParamIssue } from "@/lib/api/claim-params";
import { PAGE_SIZE } from "@/lib/validation/claim-filters";

// The query string of GET /api/withdrawals: page and pageSize, read as strictly as /api/claims reads them
// (lib/api/claim-params.ts); anything else is refused with every bad parameter named.

const PAGE_MAX = 100_000;

export type WithdrawalParams = { ok: true; page: number; pageSize: number } | { ok: false; issues: ApiParamIssue[] };

export function parseWithdrawalParams(search: URLSearchParams): WithdrawalParams {
  const issues: ApiParamIssue[] = [];
  const raw: Record<string, string> = {};
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    if (name !== "page" && name !== "pageSize") {
      issues.push({ param: name, message: "Unknown parameter; the parameters are page, pageSize." });
    } else if (values.length > 1) issues.push({ param: name, message: "Given more than once." });
    else raw[name] = values[0] ?? "";
  }
  const whole = (value: string, max: number) =>
    /^[1-9]\d{0,5}$/.test(value) && Number(value) <= max ? Number(value) : NaN;
  const page = raw.page === undefined ? 1 : whole(raw.page, PAGE_MAX);
  if (Number.isNaN(page)) issues.push({ param: "page", message: `page must be a whole number from 1 to ${PAGE_MAX}.` });
  const pageSize = raw.pageSize === undefined ? PAGE_SIZE : whole(raw.pageSize, API_PAGE_SIZE_MAX);
  if (Number.isNaN(pageSize)) {
    issues.push({ param: "pageSize", message: `pageSize must be a whole number from 1 to ${API_PAGE_SIZE_MAX}.` });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, page, pageSize };
}
