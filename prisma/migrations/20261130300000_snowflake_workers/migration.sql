-- Worker ids for snowflakes, leased by each app instance on PostgreSQL: ids embed the worker id, and two
-- instances that took the same one from their process id (containers often all run as pid 1) could make the
-- same id in the same millisecond. A lease that isn't renewed lapses, so a crashed instance's id is freed.
CREATE TABLE "snowflake_workers" (
    "worker_id" SMALLINT NOT NULL,
    "owner" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "snowflake_workers_pkey" PRIMARY KEY ("worker_id"),
    CONSTRAINT "snowflake_workers_worker_id_check" CHECK ("worker_id" BETWEEN 0 AND 1023)
);
