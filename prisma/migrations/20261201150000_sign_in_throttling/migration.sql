-- Sign-in throttling without lock-out by strangers (docs/decisions/0015-sign-in-throttling.md): attempts remember
-- the device cookie they presented, whether the throttle refused them, and whether an admin lifted the lock.
ALTER TABLE "LoginAttempt" ADD COLUMN "device" TEXT;
ALTER TABLE "LoginAttempt" ADD COLUMN "refused" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "LoginAttempt" ADD COLUMN "liftedAt" DATETIME;

CREATE INDEX "LoginAttempt_device_createdAt_idx" ON "LoginAttempt"("device", "createdAt");
