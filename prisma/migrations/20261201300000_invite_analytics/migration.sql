-- Invite analytics: counts per invite and UTC hour, added to by every instance with additive upserts
-- (server/analytics/flush-analytics.ts), and the referring hosts per invite and hour. Only counts and host
-- names: no visitor address and no visitor hash is stored. Rows go with their invite (revoked or purged) and
-- are pruned after ANALYTICS_RETENTION_DAYS by the purge.

-- CreateTable
CREATE TABLE "invite_analytics_buckets" (
    "invite_code" TEXT NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "unique_visitors" INTEGER NOT NULL DEFAULT 0,
    "joins" INTEGER NOT NULL DEFAULT 0,
    "unfurls" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "invite_analytics_buckets_pkey" PRIMARY KEY ("invite_code","bucket_start")
);

-- CreateTable
CREATE TABLE "invite_analytics_referrers" (
    "invite_code" TEXT NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "host" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "invite_analytics_referrers_pkey" PRIMARY KEY ("invite_code","bucket_start","host")
);

-- CreateIndex
CREATE INDEX "invite_analytics_buckets_bucket_start_idx" ON "invite_analytics_buckets"("bucket_start");

-- CreateIndex
CREATE INDEX "invite_analytics_referrers_bucket_start_idx" ON "invite_analytics_referrers"("bucket_start");

-- AddForeignKey
ALTER TABLE "invite_analytics_buckets" ADD CONSTRAINT "invite_analytics_buckets_invite_code_fkey" FOREIGN KEY ("invite_code") REFERENCES "invites"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invite_analytics_referrers" ADD CONSTRAINT "invite_analytics_referrers_invite_code_fkey" FOREIGN KEY ("invite_code") REFERENCES "invites"("code") ON DELETE CASCADE ON UPDATE CASCADE;
