import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim, makeTestUser, type TestUser } from "@/test-support/builders";
import { storeCorrectionRequest } from "@/lib/data/writes/correction-requests";
import { approveProposal } from "@/lib/data/writes/proposals";
import { changeRole, disableUser } from "@/lib/data/writes/users";
import { changeStatus } from "@/lib/data/writes/status";
import type { Db } from "@/lib/db/create-client";
import { RATE_LIMIT_DEFAULT } from "@/lib/domain/correction-request-rules";
import { StatusChangeSchema } from "@/lib/validation/status-change";
import { createTestDb } from "./helpers/test-db";

// No lost update and one audit event per write when many editors press Save at once — on SQLite (one writer at a
// time) and on PostgreSQL (a pool of connections, row locks, retried deadlocks: lib/db/transaction-retry.ts).

let db: Db;
let cleanup: () => Promise<void>;
const racers: TestUser[] = [];
const N = 20;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  for (let i = 0; i < N; i++) racers.push(await makeTestUser(db, { name: `Status racer ${i}` }));
});
afterAll(async () => cleanup());

const RATIONALE = "Two independent reports contradict the official count.";

describe("concurrent writes of one claim", () => {
  it(`${N} status changes of one version at the same moment: one wins, the others get the conflict, one audit event`, async () => {
    const claim = await makeTestClaim(db);
    const auditBefore = await db.auditEvent.count({ where: { entity: "Claim", entityId: String(claim.id) } });
    const results = await Promise.all(
      racers.map((editor) =>
        changeStatus(
          db,
          editor,
          StatusChangeSchema.parse({ claimId: claim.id, version: 1, status: "IN_REVIEW", rationale: RATIONALE }),
        ),
      ),
    );
    const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    const winner = racers[winners[0]!]!;
    for (const r of results.filter((r) => !r.ok)) {
      expect(r).toMatchObject({ ok: false, conflict: { changedBy: winner.name } });
    }
    expect(
      await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true, status: true } }),
    ).toEqual({ version: 2, status: "IN_REVIEW" });
    expect(await db.statusChange.count({ where: { claimId: claim.id } })).toBe(1);
    const audit = await db.auditEvent.findMany({ where: { entity: "Claim", entityId: String(claim.id) } });
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit.at(-1)).toMatchObject({ action: "status", userId: winner.id });
  });

  it("two reviewers approving one proposal at the same moment: one approval, the other told it was decided", async () => {
    const [proposer, first, second] = racers;
    const claim = await makeTestClaim(db, { published: true });
    const proposed = await changeStatus(
      db,
      proposer!,
      StatusChangeSchema.parse({ claimId: claim.id, version: 1, status: "FALSE", rationale: RATIONALE }),
    );
    if (!proposed.ok || proposed.data.proposalId === null) throw new Error(`not proposed: ${JSON.stringify(proposed)}`);
    const proposalId = proposed.data.proposalId;

    const results = await Promise.all(
      [first!, second!].map((reviewer) => approveProposal(db, reviewer, { claimId: claim.id, proposalId })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused).toMatchObject({ ok: false, formError: expect.any(String) });
    const winner = results[0]!.ok ? first! : second!;
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({
      state: "APPROVED",
      reviewerId: winner.id,
    });
    expect(
      await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true, status: true } }),
    ).toEqual({ version: 2, status: "FALSE" });
    expect(await db.statusChange.count({ where: { claimId: claim.id } })).toBe(1);
    const actions = (
      await db.auditEvent.findMany({ where: { entity: "Claim", entityId: String(claim.id) }, orderBy: { id: "asc" } })
    ).map((a) => [a.action, a.userId]);
    expect(actions).toEqual([
      ["propose", proposer!.id],
      ["approve", winner.id],
      ["status", winner.id],
    ]);
  });

  it("parallel correction requests from one address: no more stored than the limit allows", async () => {
    const claim = await makeTestClaim(db);
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        storeCorrectionRequest(db, { slug: claim.slug, ip, message: `Parallel request ${i}` }, now),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(RATE_LIMIT_DEFAULT);
    expect(results.filter((r) => !r.ok && r.reason === "rateLimited")).toHaveLength(12 - RATE_LIMIT_DEFAULT);
    expect(await db.correctionRequest.count({ where: { claimId: claim.id } })).toBe(RATE_LIMIT_DEFAULT);
  });

  it("admins taking away each other's admin role all at once: one active admin always remains", async () => {
    // Every other admin in this database is disabled first, so these are the last ones; each disables or demotes the
    // next at the same moment.
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { disabledAt: new Date() } });
    const admins: TestUser[] = [];
    for (let i = 0; i < 8; i++) admins.push(await makeTestUser(db, { name: `Admin ${i}`, role: "ADMIN" }));
    const results = await Promise.all(
      admins.map((admin, i) => {
        const next = admins[(i + 1) % admins.length]!;
        return i % 2
          ? disableUser(db, admin.id, next.id)
          : changeRole(db, admin.id, { userId: next.id, role: "EDITOR" });
      }),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(admins.length - 1);
    expect(results.find((r) => !r.ok)).toMatchObject({ formError: expect.stringContaining("last active admin") });
    expect(await db.user.count({ where: { role: "ADMIN", disabledAt: null } })).toBe(1);
  });

  it("editors proposing verdicts on published claims at once: one proposal pending per claim, the others refused", async () => {
    const claims = await Promise.all(Array.from({ length: 4 }, () => makeTestClaim(db, { published: true })));
    const results = await Promise.all(
      claims.flatMap((claim) =>
        racers
          .slice(0, 8)
          .map((editor) =>
            changeStatus(
              db,
              editor,
              StatusChangeSchema.parse({ claimId: claim.id, version: 1, status: "FALSE", rationale: RATIONALE }),
            ),
          ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(claims.length);
    for (const claim of claims) {
      expect(await db.proposal.count({ where: { claimId: claim.id, state: "PENDING" } })).toBe(1);
      const proposed = await db.auditEvent.count({
        where: { entity: "Claim", entityId: String(claim.id), action: "propose" },
      });
      expect(proposed).toBe(1);
    }
  });
});
