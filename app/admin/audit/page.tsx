import type { Metadata } from "next";
import { IgnoredParams } from "@/components/ui/ignored-params";
import { Pagination } from "@/components/ui/pagination";
import { readAuditLog } from "@/lib/data/entry-points/admin";
import { countOf, formatCount } from "@/lib/domain/format";
import { auditFiltersToSearch, parseAuditFilters } from "@/lib/validation/audit-filters";
import { AuditFiltersForm } from "./audit-filters-form";
import { AuditTable } from "./audit-table";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { filters, issues } = parseAuditFilters(await searchParams);
  const log = await readAuditLog(filters);
  const first = (log.page - 1) * log.pageSize + 1;
  const last = Math.min(log.total, log.page * log.pageSize);
  const pastEnd = log.total > 0 && log.page > log.pageCount;

  return (
    <>
      <h1>Audit log</h1>
      <p className="lede">Every write, who made it and what changed, newest first. Passwords are never recorded.</p>
      <AuditFiltersForm filters={filters} entities={log.entities} actions={log.actions} />
      <IgnoredParams issues={issues} />
      <p aria-live="polite" data-testid="audit-count">
        {log.total === 0
          ? "No events match these filters."
          : pastEnd
            ? `${countOf(log.total, "event matches", "events match")}, but page ${formatCount(log.page)} is past the last page.`
            : `${countOf(log.total, "event matches", "events match")}; showing ${formatCount(first)}–${formatCount(last)}.`}
      </p>
      {log.events.length > 0 ? <AuditTable events={log.events} /> : null}
      <Pagination
        page={log.page}
        pageCount={log.pageCount}
        hrefFor={(page) => `/admin/audit${auditFiltersToSearch({ ...filters, page })}`}
      />
    </>
  );
}
