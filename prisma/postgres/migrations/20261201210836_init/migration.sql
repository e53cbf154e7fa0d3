-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('GOVERNMENT', 'MILITARY', 'ARMED_GROUP', 'INTERNATIONAL_ORG', 'MEDIA', 'NGO', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "ClaimCategory" AS ENUM ('CASUALTIES', 'MILITANT_HARBOURING', 'SOVEREIGNTY_VIOLATION', 'SELF_DEFENCE', 'CIVILIAN_HARM', 'DIPLOMATIC_POSITION', 'OTHER');

-- CreateEnum
CREATE TYPE "ClaimKind" AS ENUM ('FACT', 'POSITION');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('UNVERIFIED', 'IN_REVIEW', 'DISPUTED', 'UNVERIFIABLE', 'MISLEADING', 'FALSE', 'CONFIRMED');

-- CreateEnum
CREATE TYPE "SourceType" AS ENUM ('OFFICIAL_STATEMENT', 'NEWS_REPORT', 'NGO_REPORT', 'UN_REPORT', 'SOCIAL_MEDIA', 'IMAGERY', 'OTHER');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('SUPPORTS', 'REFUTES', 'CONTEXT');

-- CreateEnum
CREATE TYPE "Population" AS ENUM ('CIVILIANS', 'MILITANTS', 'SECURITY_FORCES', 'UNSPECIFIED');

-- CreateEnum
CREATE TYPE "Outcome" AS ENUM ('KILLED', 'INJURED');

-- CreateEnum
CREATE TYPE "LinkType" AS ENUM ('DENIES', 'CONTRADICTS', 'CORROBORATES', 'QUALIFIES', 'RESPONDS_TO');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'EDITOR');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ProposalKind" AS ENUM ('VERDICT', 'PUBLISH', 'UNPUBLISH');

-- CreateEnum
CREATE TYPE "ProposalState" AS ENUM ('PENDING', 'APPROVED', 'SENT_BACK', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "CorrectionRequestState" AS ENUM ('OPEN', 'ACCEPTED', 'DECLINED');

-- CreateTable
CREATE TABLE "Actor" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "country" TEXT,
    "side" TEXT,
    "sameAs" TEXT,
    "description" TEXT,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "location" TEXT NOT NULL,
    "geoPrecision" INTEGER NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "originalText" TEXT,
    "originalLanguage" TEXT,
    "category" "ClaimCategory" NOT NULL,
    "kind" "ClaimKind" NOT NULL DEFAULT 'FACT',
    "claimantId" INTEGER NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "location" TEXT,
    "incidentId" INTEGER,
    "status" "ClaimStatus" NOT NULL DEFAULT 'UNVERIFIED',
    "statusRationale" TEXT,
    "publishedAt" TIMESTAMP(3),
    "claimedAtPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "assigneeId" INTEGER,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawalReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER,
    "updatedById" INTEGER,
    "search" tsvector,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "url" TEXT,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "publishedAt" TIMESTAMP(3),
    "type" "SourceType" NOT NULL,
    "archiveUrl" TEXT,
    "excerpt" TEXT,
    "derivedFromId" INTEGER,
    "protected" BOOLEAN NOT NULL DEFAULT false,
    "protectedReason" TEXT,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimSource" (
    "id" SERIAL NOT NULL,
    "claimId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "stance" "Stance" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CasualtyFigure" (
    "id" SERIAL NOT NULL,
    "claimId" INTEGER NOT NULL,
    "reportedById" INTEGER NOT NULL,
    "sourceId" INTEGER,
    "population" "Population" NOT NULL,
    "outcome" "Outcome" NOT NULL,
    "min" INTEGER NOT NULL,
    "max" INTEGER NOT NULL,
    "reportedAt" TIMESTAMP(3),
    "noSourceReason" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CasualtyFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimLink" (
    "id" SERIAL NOT NULL,
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "type" "LinkType" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" INTEGER,

    CONSTRAINT "ClaimLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusChange" (
    "id" SERIAL NOT NULL,
    "claimId" INTEGER NOT NULL,
    "from" "ClaimStatus" NOT NULL,
    "to" "ClaimStatus" NOT NULL,
    "rationale" TEXT NOT NULL,
    "isCorrection" BOOLEAN NOT NULL DEFAULT false,
    "editorId" INTEGER,
    "proposedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" SERIAL NOT NULL,
    "claimId" INTEGER NOT NULL,
    "kind" "ProposalKind" NOT NULL,
    "status" "ClaimStatus",
    "rationale" TEXT NOT NULL,
    "sources" TEXT NOT NULL DEFAULT '[]',
    "claimVersion" INTEGER NOT NULL,
    "state" "ProposalState" NOT NULL DEFAULT 'PENDING',
    "proposerId" INTEGER,
    "reviewerId" INTEGER,
    "reviewComment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeskSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "reviewRequired" BOOLEAN NOT NULL DEFAULT true,
    "staleReviewDays" INTEGER NOT NULL DEFAULT 3,
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeskSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimNote" (
    "id" SERIAL NOT NULL,
    "claimId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "text" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),

    CONSTRAINT "ClaimNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoteMention" (
    "id" SERIAL NOT NULL,
    "noteId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "NoteMention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "changes" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'EDITOR',
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" SERIAL NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "device" TEXT,
    "refused" BOOLEAN NOT NULL DEFAULT false,
    "liftedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistStep" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChecklistStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistTick" (
    "claimId" INTEGER NOT NULL,
    "stepId" INTEGER NOT NULL,
    "tickedById" INTEGER,
    "tickedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChecklistTick_pkey" PRIMARY KEY ("claimId","stepId")
);

-- CreateTable
CREATE TABLE "AboutPage" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "markdown" TEXT NOT NULL,
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AboutPage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorrectionRequest" (
    "id" SERIAL NOT NULL,
    "claimId" INTEGER NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "message" TEXT NOT NULL,
    "ipHash" TEXT NOT NULL,
    "state" "CorrectionRequestState" NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "correctionId" INTEGER,
    "correctionUrl" TEXT,
    "handledById" INTEGER,
    "handledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CorrectionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Actor_slug_key" ON "Actor"("slug");

-- CreateIndex
CREATE INDEX "Actor_side_idx" ON "Actor"("side");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_slug_key" ON "Incident"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_slug_key" ON "Claim"("slug");

-- CreateIndex
CREATE INDEX "Claim_status_idx" ON "Claim"("status");

-- CreateIndex
CREATE INDEX "Claim_category_idx" ON "Claim"("category");

-- CreateIndex
CREATE INDEX "Claim_claimantId_idx" ON "Claim"("claimantId");

-- CreateIndex
CREATE INDEX "Claim_claimedAt_idx" ON "Claim"("claimedAt");

-- CreateIndex
CREATE INDEX "Claim_updatedAt_idx" ON "Claim"("updatedAt");

-- CreateIndex
CREATE INDEX "Claim_publishedAt_idx" ON "Claim"("publishedAt");

-- CreateIndex
CREATE INDEX "Claim_publishedAt_claimedAt_idx" ON "Claim"("publishedAt", "claimedAt");

-- CreateIndex
CREATE INDEX "Claim_publishedAt_updatedAt_idx" ON "Claim"("publishedAt", "updatedAt");

-- CreateIndex
CREATE INDEX "Claim_incidentId_idx" ON "Claim"("incidentId");

-- CreateIndex
CREATE INDEX "Claim_assigneeId_idx" ON "Claim"("assigneeId");

-- CreateIndex
CREATE INDEX "Claim_withdrawnAt_idx" ON "Claim"("withdrawnAt");

-- CreateIndex
CREATE INDEX "Claim_search_idx" ON "Claim" USING GIN ("search");

-- CreateIndex
CREATE INDEX "Source_createdAt_id_idx" ON "Source"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Source_derivedFromId_idx" ON "Source"("derivedFromId");

-- CreateIndex
CREATE INDEX "ClaimSource_sourceId_idx" ON "ClaimSource"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimSource_claimId_sourceId_key" ON "ClaimSource"("claimId", "sourceId");

-- CreateIndex
CREATE INDEX "CasualtyFigure_claimId_idx" ON "CasualtyFigure"("claimId");

-- CreateIndex
CREATE INDEX "CasualtyFigure_reportedById_idx" ON "CasualtyFigure"("reportedById");

-- CreateIndex
CREATE INDEX "CasualtyFigure_sourceId_idx" ON "CasualtyFigure"("sourceId");

-- CreateIndex
CREATE INDEX "ClaimLink_toId_idx" ON "ClaimLink"("toId");

-- CreateIndex
CREATE INDEX "ClaimLink_type_idx" ON "ClaimLink"("type");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimLink_fromId_toId_type_key" ON "ClaimLink"("fromId", "toId", "type");

-- CreateIndex
CREATE INDEX "StatusChange_claimId_createdAt_idx" ON "StatusChange"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "StatusChange_createdAt_idx" ON "StatusChange"("createdAt");

-- CreateIndex
CREATE INDEX "StatusChange_isCorrection_createdAt_idx" ON "StatusChange"("isCorrection", "createdAt");

-- CreateIndex
CREATE INDEX "Proposal_claimId_state_idx" ON "Proposal"("claimId", "state");

-- CreateIndex
CREATE INDEX "Proposal_state_createdAt_idx" ON "Proposal"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Proposal_proposerId_state_idx" ON "Proposal"("proposerId", "state");

-- CreateIndex
CREATE INDEX "ClaimNote_claimId_createdAt_idx" ON "ClaimNote"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "ClaimNote_authorId_idx" ON "ClaimNote"("authorId");

-- CreateIndex
CREATE INDEX "NoteMention_userId_idx" ON "NoteMention"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "NoteMention_noteId_userId_key" ON "NoteMention"("noteId", "userId");

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_idx" ON "AuditEvent"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_userId_idx" ON "AuditEvent"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_createdAt_idx" ON "LoginAttempt"("email", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_device_createdAt_idx" ON "LoginAttempt"("device", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistStep_name_key" ON "ChecklistStep"("name");

-- CreateIndex
CREATE INDEX "ChecklistStep_retiredAt_position_idx" ON "ChecklistStep"("retiredAt", "position");

-- CreateIndex
CREATE INDEX "ChecklistTick_stepId_idx" ON "ChecklistTick"("stepId");

-- CreateIndex
CREATE INDEX "CorrectionRequest_state_createdAt_idx" ON "CorrectionRequest"("state", "createdAt");

-- CreateIndex
CREATE INDEX "CorrectionRequest_claimId_idx" ON "CorrectionRequest"("claimId");

-- CreateIndex
CREATE INDEX "CorrectionRequest_ipHash_createdAt_idx" ON "CorrectionRequest"("ipHash", "createdAt");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_claimantId_fkey" FOREIGN KEY ("claimantId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_derivedFromId_fkey" FOREIGN KEY ("derivedFromId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSource" ADD CONSTRAINT "ClaimSource_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSource" ADD CONSTRAINT "ClaimSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasualtyFigure" ADD CONSTRAINT "CasualtyFigure_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasualtyFigure" ADD CONSTRAINT "CasualtyFigure_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasualtyFigure" ADD CONSTRAINT "CasualtyFigure_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_proposerId_fkey" FOREIGN KEY ("proposerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimNote" ADD CONSTRAINT "ClaimNote_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimNote" ADD CONSTRAINT "ClaimNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoteMention" ADD CONSTRAINT "NoteMention_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "ClaimNote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoteMention" ADD CONSTRAINT "NoteMention_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistTick" ADD CONSTRAINT "ChecklistTick_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistTick" ADD CONSTRAINT "ChecklistTick_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "ChecklistStep"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistTick" ADD CONSTRAINT "ChecklistTick_tickedById_fkey" FOREIGN KEY ("tickedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_correctionId_fkey" FOREIGN KEY ("correctionId") REFERENCES "StatusChange"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_handledById_fkey" FOREIGN KEY ("handledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written in scripts/postgres-schema.ts (EXTRAS_SQL): Prisma has no CHECK constraints, functions or triggers.
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_geoPrecision_check" CHECK ("geoPrecision" BETWEEN 1 AND 3);
ALTER TABLE "CasualtyFigure" ADD CONSTRAINT "CasualtyFigure_range_check" CHECK ("min" >= 0 AND "min" <= "max");
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_no_self_link" CHECK ("fromId" <> "toId");

-- The text search configuration: PostgreSQL's 'simple' (case folded, no stemming, words split on spaces and punctuation in
-- every script, so Pashto, Dari and Urdu words are found as written) with Latin diacritics removed ("creme" finds
-- "crème"), as the FTS5 index does with remove_diacritics. unaccent is a trusted extension: the database owner may
-- create it, on managed offerings too.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION "claimwatch" (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION "claimwatch" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

CREATE FUNCTION "claim_search_document"(statement TEXT, original TEXT, claimant TEXT, rationale TEXT)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('claimwatch', coalesce(statement, '')), 'A')
      || setweight(to_tsvector('claimwatch', coalesce(original, '')), 'B')
      || setweight(to_tsvector('claimwatch', coalesce(claimant, '')), 'C')
      || setweight(to_tsvector('claimwatch', coalesce(rationale, '')), 'D')
$$;

-- Drafts have no search document, so no search can find one.
CREATE FUNCTION "claim_search_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."publishedAt" IS NULL THEN
    NEW."search" := NULL;
  ELSE
    NEW."search" := "claim_search_document"(NEW."statement", NEW."originalText",
      (SELECT a."name" FROM "Actor" a WHERE a."id" = NEW."claimantId"), NEW."statusRationale");
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Claim_search" BEFORE INSERT OR UPDATE OF "statement", "originalText", "statusRationale",
  "claimantId", "publishedAt" ON "Claim" FOR EACH ROW EXECUTE FUNCTION "claim_search_update"();

-- The claimant's name is in each of its published claims' documents: a rename rewrites them.
CREATE FUNCTION "actor_search_rename"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Claim" SET "search" = "claim_search_document"("statement", "originalText", NEW."name", "statusRationale")
  WHERE "claimantId" = NEW."id" AND "publishedAt" IS NOT NULL;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Actor_search_rename" AFTER UPDATE OF "name" ON "Actor" FOR EACH ROW
  WHEN (NEW."name" IS DISTINCT FROM OLD."name") EXECUTE FUNCTION "actor_search_rename"();
