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

CREATE TABLE "contacts" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_contacts" PRIMARY KEY,
    "Email" TEXT NOT NULL
);

CREATE TABLE "order_summaries" (
    "OrderId" TEXT NOT NULL CONSTRAINT "PK_order_summaries" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "TotalMinor" INTEGER NOT NULL,
    "Currency" TEXT NOT NULL,
    "Lines" TEXT NOT NULL
);

CREATE TABLE "notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_notifications" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReadAt" TEXT NULL
);

CREATE INDEX "IX_notifications_UserId_CreatedAt" ON "notifications" ("UserId", "CreatedAt");

CREATE TABLE "outgoing_emails" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_outgoing_emails" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "SentAt" TEXT NULL,
    "LastError" TEXT NULL,
    "Attachments" TEXT NULL
);

CREATE INDEX "IX_outgoing_emails_SentAt_NextAttemptAt" ON "outgoing_emails" ("SentAt", "NextAttemptAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0001_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "outbox_messages" ADD "trace_parent" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0002_OutboxTraceParent', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
UPDATE inbox_messages SET handler = 'RecordContact' WHERE handler = 'UserRegisteredHandler';

UPDATE inbox_messages SET handler = 'RecordOrderSummary' WHERE handler = 'OrderCreatedHandler';

UPDATE inbox_messages SET handler = 'NotifyOrderCompleted' WHERE handler = 'OrderCompletedHandler';

UPDATE inbox_messages SET handler = 'NotifyOrderCancelled' WHERE handler = 'OrderCancelledHandler';

UPDATE inbox_messages SET handler = 'NotifyRefund' WHERE handler = 'RefundIssuedHandler';

UPDATE inbox_messages SET handler = 'SendPasses' WHERE handler = 'PassesIssuedHandler';

UPDATE inbox_messages SET handler = 'NotifyPassTransfer' WHERE handler = 'PassTransferredHandler';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0003_HandlersNamedAfterActions', '10.0.15');

COMMIT;

