import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/claims/status-badge";
import { ClaimChecklist } from "@/components/editor/claim-checklist";
import { ActorPublishForm } from "@/components/editor/actor-publish-form";
import { AssignForm } from "@/components/editor/assign-form";
import { ActorSideForm } from "@/components/editor/actor-side-form";
import { EditClaimForm } from "@/components/editor/claim-form";
import { ClaimVersionProvider } from "@/components/editor/claim-version-context";
import { FigureForm } from "@/components/editor/figure-form";
import { FigureList } from "@/components/editor/figure-list";
import { LinkForm } from "@/components/editor/link-form";
import { LinkList } from "@/components/editor/link-list";
import { NoteForm } from "@/components/editor/note-form";
import { NoteThread } from "@/components/editor/note-thread";
import { ProposalPanel } from "@/components/editor/proposal-panel";
import { PublishForm } from "@/components/editor/publish-form";
import { SourceForm } from "@/components/editor/source-form";
import { SourceList } from "@/components/editor/source-list";
import { StatusForm } from "@/components/editor/status-form";
import { StatusHistory } from "@/components/editor/status-history";
import { SOURCE_OPTIONS_LIMIT, type EditorClaim } from "@/lib/data/reads/editor-claim-detail";
import { readEditorClaimPage } from "@/lib/data/entry-points/editor";
import { claimFormValues } from "@/lib/domain/claim-fields";
import { formatDateTime } from "@/lib/domain/format";
import { POSITION_LABEL, STATUS_INFO } from "@/lib/domain/vocabulary";
import { setActorPublishedAction, setActorSideAction } from "./actor-actions";
import { assignClaimAction } from "./assign-actions";
import { tickStepAction } from "./checklist-actions";
import { setPublishedAction, updateClaimAction } from "./claim-actions";
import { addFigureAction, removeFigureAction } from "./figure-actions";
import { addLinkAction, removeLinkAction } from "./link-actions";
import { addNoteAction, editNoteAction } from "./note-actions";
import { attachSourceAction, detachSourceAction } from "./source-actions";
import { approveProposalAction, sendBackProposalAction, withdrawProposalAction } from "./proposal-actions";
import { changeStatusAction } from "./status-actions";

export const instant = false;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(params: Props["params"]) {
  const { id } = await params;
  if (!/^[1-9]\d{0,8}$/.test(id)) notFound();
  const page = await readEditorClaimPage(Number(id));
  if (!page) notFound();
  return page;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { claim } = await load(params);
  return { title: `Editor: ${claim.statement.length > 60 ? `${claim.statement.slice(0, 59)}…` : claim.statement}` };
}

/** The claim form's starting values: what is stored, in the shape the inputs hold. */
function formValues(claim: EditorClaim) {
  return {
    slug: claim.slug,
    ...claimFormValues(claim),
    claimant: { mode: "existing" as const, actorId: claim.claimantId },
    incidentId: claim.incidentId ?? "",
    // As the checkboxes hold them: the values of the ticked boxes.
    about: claim.about.map((a) => String(a.actorId)),
  };
}

export default async function EditClaimPage({ params, searchParams }: Props) {
  const { claim, actors, incidents, sources, notes, viewerId, checklist, assignees, proposals, reviewRequired } =
    await load(params);
  const created = (await searchParams).created === "1";
  const position = claim.kind === "POSITION";
  const openSteps = checklist.filter((s) => !s.retired && !s.tick).map((s) => s.name);

  return (
    <ClaimVersionProvider claimId={claim.id} version={claim.version}>
      <p className="muted small">
        <Link href="/editor/claims">Claims</Link> › Claim #{claim.id}
      </p>
      {created ? (
        <p className="form-ok" role="status">
          Draft created. Add sources and figures, set a status, then publish it.
        </p>
      ) : null}
      <h1 className="statement" data-testid="editor-statement">
        {claim.statement}
      </h1>
      <p className="claim-meta">
        <StatusBadge status={claim.status} kind={claim.kind} />
        {claim.publishedAt ? (
          <span>
            <span className="badge badge-published">Published</span> {formatDateTime(claim.publishedAt)} ·{" "}
            <Link href={`/claims/${claim.slug}`}>View as readers see it</Link>
          </span>
        ) : (
          <span className="badge badge-draft">Draft — readers cannot see it</span>
        )}
        <span data-testid="last-change">
          Version {claim.version}, last changed {formatDateTime(claim.updatedAt)}
          {claim.updatedBy ? ` by ${claim.updatedBy.name}` : ""}
        </span>
      </p>

      <div className="two-col">
        <div>
          <section aria-labelledby="details-heading">
            <h2 id="details-heading">Claim details</h2>
            <EditClaimForm
              actors={actors}
              incidents={incidents}
              defaults={formValues(claim)}
              action={updateClaimAction}
            />
          </section>

          <section aria-labelledby="sources-heading">
            <h2 id="sources-heading">Sources</h2>
            <SourceList sources={claim.sources} remove={detachSourceAction} />
            <SourceForm
              sources={sources}
              linkedIds={claim.sources.map((s) => s.source.id)}
              capped={sources.length >= SOURCE_OPTIONS_LIMIT}
              action={attachSourceAction}
            />
          </section>

          <section aria-labelledby="figures-heading">
            <h2 id="figures-heading">Casualty figures</h2>
            <FigureList figures={claim.figures} remove={removeFigureAction} />
            <FigureForm
              actors={actors}
              sources={claim.sources.map((s) => ({ id: s.source.id, title: s.source.title }))}
              action={addFigureAction}
            />
          </section>

          <section aria-labelledby="links-heading">
            <h2 id="links-heading">Links to other claims</h2>
            <LinkList outgoing={claim.linksFrom} incoming={claim.linksTo} remove={removeLinkAction} />
            <LinkForm action={addLinkAction} />
          </section>

          <section aria-labelledby="notes-heading">
            <h2 id="notes-heading">Internal notes</h2>
            <p className="muted small">
              Editors only: never shown to readers. A note can be edited by its author for 15 minutes, then it stays as
              written.
            </p>
            <NoteThread notes={notes} viewerId={viewerId} now={new Date()} edit={editNoteAction} />
            <NoteForm claimId={claim.id} action={addNoteAction} />
          </section>
        </div>

        <aside>
          <section aria-labelledby="assign-heading">
            <h2 id="assign-heading">Assignment</h2>
            <AssignForm claimId={claim.id} assignee={claim.assignee} options={assignees} action={assignClaimAction} />
          </section>

          <section aria-labelledby="review-heading">
            <h2 id="review-heading">Review</h2>
            {proposals.pending || proposals.sentBack ? null : (
              <p className="muted small" data-testid="review-rule">
                {reviewRequired
                  ? "A verdict readers would see, a publication with a final verdict and a retraction are proposed here and take effect when another editor approves them."
                  : "Review is off for this desk: changes take effect at once."}
              </p>
            )}
            <ProposalPanel
              pending={proposals.pending}
              sentBack={proposals.sentBack}
              viewerId={viewerId}
              actions={{
                approve: approveProposalAction,
                sendBack: sendBackProposalAction,
                withdraw: withdrawProposalAction,
              }}
            />
          </section>

          <section aria-labelledby="publish-heading">
            <h2 id="publish-heading">Publication</h2>
            {claim.withdrawnAt && !claim.publishedAt ? (
              <p className="notice" data-testid="withdrawn-notice">
                Withdrawn {formatDateTime(claim.withdrawnAt)}: {claim.withdrawalReason}
              </p>
            ) : null}
            <PublishForm
              // Remounted when publication flips, so the form starts from the new state.
              key={claim.publishedAt ? "published" : "draft"}
              published={claim.publishedAt !== null}
              status={claim.status}
              sourceCount={claim.sources.length}
              reviewRequired={reviewRequired}
              action={setPublishedAction}
            />
            <ActorPublishForm
              actor={{
                id: claim.claimant.id,
                name: claim.claimant.name,
                published: claim.claimant.published,
                publishedClaims: claim.claimant.claims.length,
              }}
              action={setActorPublishedAction}
            />
            <ActorSideForm
              actor={{ id: claim.claimant.id, name: claim.claimant.name, side: claim.claimant.side }}
              sides={[...new Set(actors.flatMap((a) => (a.side ? [a.side] : [])))].sort()}
              action={setActorSideAction}
            />
          </section>

          <section aria-labelledby="checklist-heading">
            <h2 id="checklist-heading">Verification checklist</h2>
            <ClaimChecklist
              claimId={claim.id}
              steps={checklist.map((s) => ({
                id: s.id,
                name: s.name,
                retired: s.retired,
                tickedBy: s.tick?.by ?? null,
                tickedAt: s.tick ? formatDateTime(s.tick.at) : null,
              }))}
              action={tickStepAction}
            />
          </section>

          <section aria-labelledby="status-heading">
            <h2 id="status-heading">Status</h2>
            {position ? (
              <p className="notice" data-testid="position-not-rated">
                {POSITION_LABEL}: this claim records a stance, so it keeps the status {STATUS_INFO.UNVERIFIED.label} and
                gets no verdict.
              </p>
            ) : (
              <>
                {claim.statusRationale ? (
                  <p className="small">
                    <strong>Current rationale:</strong> {claim.statusRationale}
                  </p>
                ) : null}
                <StatusForm
                  current={claim.status}
                  published={claim.publishedAt !== null}
                  reviewRequired={reviewRequired}
                  sourceCount={claim.sources.length}
                  openSteps={openSteps}
                  action={changeStatusAction}
                />
              </>
            )}
            <h3>History</h3>
            <StatusHistory changes={claim.statusChanges} />
          </section>
        </aside>
      </div>
    </ClaimVersionProvider>
  );
}
