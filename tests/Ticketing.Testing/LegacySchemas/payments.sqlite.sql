CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "outbox_messages" (
    "sequence" INTEGER NOT NULL CONSTRAINT "PK_outbox_messages" PRIMARY KEY AUTOINCREMENT,
    "event_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "occurred_at" TEXT NOT NULL,
    "published_at" TEXT NULL,
    "attempts" INTEGER NOT NULL,
    "last_error" TEXT NULL
);

CREATE INDEX "ix_outbox_unpublished" ON "outbox_messages" ("sequence") WHERE published_at IS NULL;

CREATE TABLE "inbox_messages" (
    "event_id" TEXT NOT NULL,
    "handler" TEXT NOT NULL,
    "processed_at" TEXT NOT NULL,
    CONSTRAINT "PK_inbox_messages" PRIMARY KEY ("event_id", "handler")
);

CREATE TABLE "dead_letter_messages" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_dead_letter_messages" PRIMARY KEY AUTOINCREMENT,
    "event_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "handler" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "failed_at" TEXT NOT NULL
);

CREATE TABLE "payments" (
    "id" TEXT NOT NULL CONSTRAINT "PK_payments" PRIMARY KEY,
    "order_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_payment_id" TEXT NULL,
    "status" TEXT NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "client_secret" TEXT NULL,
    "attempt" INTEGER NOT NULL,
    "failure_code" TEXT NULL,
    "refund_id" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "ux_payments_order_attempt" ON "payments" ("order_id", "attempt");

CREATE INDEX "ix_payments_provider_payment_id" ON "payments" ("provider_payment_id");

CREATE TABLE "order_replicas" (
    "order_id" TEXT NOT NULL CONSTRAINT "PK_order_replicas" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "total_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "paid_payment_id" TEXT NULL
);

CREATE TABLE "processed_provider_events" (
    "event_id" TEXT NOT NULL CONSTRAINT "PK_processed_provider_events" PRIMARY KEY,
    "provider" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "processed_at" TEXT NOT NULL
);

CREATE TABLE "idempotency_records" (
    "user_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "status_code" INTEGER NULL,
    "content_type" TEXT NULL,
    "body" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "PK_idempotency_records" PRIMARY KEY ("user_id", "key")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0001_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "order_replicas" ADD "cancel_reason" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0002_OrderCancelReason', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "sandbox_intents" (
    "intent_id" TEXT NOT NULL CONSTRAINT "PK_sandbox_intents" PRIMARY KEY,
    "payment_id" TEXT NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE UNIQUE INDEX "ux_sandbox_intents_payment_id" ON "sandbox_intents" ("payment_id");

CREATE INDEX "ix_payments_pending_updated_at" ON "payments" ("updated_at") WHERE status = 'pending';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0003_PaymentReconciliation', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "outbox_messages" ADD "trace_parent" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0004_OutboxTraceParent', '10.0.15');

COMMIT;

