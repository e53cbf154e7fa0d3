import type { ImportCounts } from "@/lib/data-io/plan-model";

// The counts of an import as the CLI prints them (the admin page renders a table of the same numbers).

export function formatCounts(counts: ImportCounts): string {
  const rows = [
    ...(["actors", "incidents", "sources", "claims"] as const).map(
      (k) =>
        `  ${k.padEnd(15)} ${counts[k].created} created, ${counts[k].updated} updated, ${counts[k].unchanged} unchanged`,
    ),
    ...(["claimSources", "figures", "links"] as const).map(
      (k) => `  ${k.padEnd(15)} ${counts[k].added} added, ${counts[k].removed} removed`,
    ),
    `  ${"statusChanges".padEnd(15)} ${counts.statusChanges.added} added`,
    `  ${"notes".padEnd(15)} ${counts.notes.added} added`,
  ];
  return rows.join("\n");
}
