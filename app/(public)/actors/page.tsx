import type { Metadata } from "next";
import Link from "next/link";
import { readActors } from "@/lib/data/entry-points/reader";
import { formatCount } from "@/lib/domain/format";
import { ACTOR_KIND_LABEL, countryName } from "@/lib/domain/vocabulary";

export const instant = false;
export const metadata: Metadata = { title: "Actors", alternates: { canonical: "/actors" } };

export default async function ActorsPage() {
  const actors = await readActors();
  return (
    <>
      <h1>Actors</h1>
      <p className="lede">
        Governments, armed forces, groups and people who make the claims we check, or are named in them.
      </p>
      {actors.length === 0 ? (
        <p className="empty">No actors yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>Actors and their published claims</caption>
            <thead>
              <tr>
                <th scope="col">Actor</th>
                <th scope="col">Kind</th>
                <th scope="col">Country</th>
                <th scope="col" className="num">
                  Published claims
                </th>
              </tr>
            </thead>
            <tbody>
              {actors.map((a) => (
                <tr key={a.slug}>
                  <th scope="row">
                    <Link href={`/actors/${a.slug}`}>{a.name}</Link>
                    {a.synthetic ? <span className="tag synthetic-tag"> Synthetic</span> : null}
                  </th>
                  <td>{ACTOR_KIND_LABEL[a.kind]}</td>
                  <td>{countryName(a.country) ?? "—"}</td>
                  <td className="num">{formatCount(a.claimCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
