import type { Metadata } from "next";
import Link from "next/link";
import { ClaimListItem } from "@/components/claims/claim-list-item";
import { StatusBadge } from "@/components/claims/status-badge";
import { readDashboard } from "@/lib/data/entry-points/reader";
import { formatCount } from "@/lib/domain/format";
import { CATEGORY_LABEL, FINAL_STATUSES, POSITION_LABEL, STATUS_INFO, STATUSES } from "@/lib/domain/vocabulary";

// Prerendered by the build, then kept in the page cache until a write changes what it shows
// (docs/decisions/0011-page-cache.md).
export const instant = false;

export const metadata: Metadata = { alternates: { canonical: "/" } };

export default async function DashboardPage() {
  const { status, categories, recent, contested, parity } = await readDashboard();
  const rated = FINAL_STATUSES;

  return (
    <>
      <h1>Disputed claims of the Pakistan–Afghanistan border conflict</h1>
      <p className="lede">
        Pakistan says its strikes hit militant safe havens; Kabul denies harbouring militants and says the strikes
        caused civilian casualties. We track who claims what, the evidence for and against, and how each verdict changed
        — by one standard for every side.
      </p>

      <section aria-labelledby="by-status">
        <h2 id="by-status">Claims by status</h2>
        <ul className="stat-grid">
          {STATUSES.map((s) => (
            <li key={s} className="stat">
              {/* The counts are of factual claims (positions keep the status Unverified but are counted apart), so the
                  list they open is too. */}
              <Link href={`/claims?status=${s}&kind=FACT`}>
                <span className="n">{formatCount(status.counts[s])}</span>
                <span className="label">{STATUS_INFO[s].label}</span>
              </Link>
            </li>
          ))}
          <li className="stat">
            <Link href="/claims?kind=POSITION">
              <span className="n">{formatCount(status.positions)}</span>
              <span className="label">{POSITION_LABEL}</span>
            </Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="by-category">
        <h2 id="by-category">Claims by category</h2>
        <ul className="stat-grid">
          {categories.map((c) => (
            <li key={c.category} className="stat">
              <Link href={`/claims?category=${c.category}`}>
                <span className="n">{formatCount(c.count)}</span>
                <span className="label">{CATEGORY_LABEL[c.category]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <div className="two-col">
        <section aria-labelledby="recent">
          <h2 id="recent">Recently changed</h2>
          {recent.length === 0 ? (
            <p className="empty">No published claims yet.</p>
          ) : (
            <ul className="claim-list">
              {recent.map((claim) => (
                <ClaimListItem key={claim.slug} claim={claim} />
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="contested">
          <h2 id="contested">Most contested</h2>
          <p className="small muted">Claims with the most denials and contradictions from other claims.</p>
          {contested.length === 0 ? (
            <p className="empty">No claim is denied or contradicted yet.</p>
          ) : (
            <ol className="claim-list">
              {contested.map(({ claim, contestedBy }) => (
                <li key={claim.slug} className="claim-item">
                  <Link href={`/claims/${claim.slug}`}>{claim.statement}</Link>
                  <div className="claim-meta">
                    <StatusBadge status={claim.status} kind={claim.kind} />
                    <span>
                      {contestedBy} {contestedBy === 1 ? "denial or contradiction" : "denials and contradictions"}
                    </span>
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      <section aria-labelledby="parity">
        <h2 id="parity">Same standard for every side</h2>
        <p className="small muted">
          Published claims by the claimant&apos;s side in the story (not its country: an armed group is not the
          government it fights) and status, so you can check that no side&apos;s claims are spared or singled out.
        </p>
        <div className="table-wrap">
          <table data-testid="parity">
            <caption>Claims per side, by status</caption>
            <thead>
              <tr>
                <th scope="col">Side</th>
                <th scope="col" className="num">
                  All
                </th>
                <th scope="col" className="num">
                  Not yet rated
                </th>
                {rated.map((s) => (
                  <th key={s} scope="col" className="num">
                    {STATUS_INFO[s].label}
                  </th>
                ))}
                <th scope="col" className="num">
                  Positions
                </th>
              </tr>
            </thead>
            <tbody>
              {parity.map((side) => (
                <tr key={side.side ?? ""}>
                  <th scope="row">{side.side ?? "None or independent"}</th>
                  <td className="num">{formatCount(side.total)}</td>
                  <td className="num">{formatCount(side.byStatus.UNVERIFIED + side.byStatus.IN_REVIEW)}</td>
                  {rated.map((s) => (
                    <td key={s} className="num">
                      {formatCount(side.byStatus[s])}
                    </td>
                  ))}
                  <td className="num">{formatCount(side.positions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
