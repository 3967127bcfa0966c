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

CREATE TABLE "events" (
    "id" TEXT NOT NULL CONSTRAINT "PK_events" PRIMARY KEY,
    "organizer_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "venue" TEXT NOT NULL,
    "starts_at" TEXT NOT NULL,
    "ends_at" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "published_at" TEXT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE INDEX "ix_events_status_starts" ON "events" ("status", "starts_at");

CREATE INDEX "ix_events_organizer" ON "events" ("organizer_id");

CREATE TABLE "tickets" (
    "id" TEXT NOT NULL CONSTRAINT "PK_tickets" PRIMARY KEY,
    "event_id" TEXT NULL,
    "tier" TEXT NULL,
    "seat" TEXT NULL,
    "title" TEXT NOT NULL,
    "price_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "order_id" TEXT NULL,
    "buyer_id" TEXT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE UNIQUE INDEX "ux_tickets_event_seat" ON "tickets" ("event_id", "seat");

CREATE INDEX "ix_tickets_status_created" ON "tickets" ("status", "created_at", "id");

CREATE INDEX "ix_tickets_event_tier_status" ON "tickets" ("event_id", "tier", "status");

CREATE INDEX "ix_tickets_order" ON "tickets" ("order_id");

CREATE TABLE "passes" (
    "id" TEXT NOT NULL CONSTRAINT "PK_passes" PRIMARY KEY,
    "ticket_id" TEXT NOT NULL,
    "event_id" TEXT NULL,
    "order_id" TEXT NOT NULL,
    "holder_id" TEXT NOT NULL,
    "serial" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "issued_at" TEXT NOT NULL,
    "revoked_at" TEXT NULL,
    "version" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "ux_passes_ticket" ON "passes" ("ticket_id");

CREATE INDEX "ix_passes_holder" ON "passes" ("holder_id");

CREATE INDEX "ix_passes_event" ON "passes" ("event_id");

CREATE TABLE "check_ins" (
    "pass_id" TEXT NOT NULL CONSTRAINT "PK_check_ins" PRIMARY KEY,
    "event_id" TEXT NULL,
    "serial" INTEGER NOT NULL,
    "holder_id" TEXT NOT NULL,
    "scanned_by" TEXT NOT NULL,
    "checked_in_at" TEXT NOT NULL
);

CREATE INDEX "ix_check_ins_event" ON "check_ins" ("event_id");

CREATE TABLE "event_staff" (
    "event_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "added_at" TEXT NOT NULL,
    CONSTRAINT "PK_event_staff" PRIMARY KEY ("event_id", "user_id")
);

CREATE TABLE "user_directory" (
    "id" TEXT NOT NULL CONSTRAINT "PK_user_directory" PRIMARY KEY,
    "email" TEXT NOT NULL
);

CREATE UNIQUE INDEX "ux_user_directory_email" ON "user_directory" ("email");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0001_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "staff_invitations" (
    "event_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "invited_at" TEXT NOT NULL,
    CONSTRAINT "PK_staff_invitations" PRIMARY KEY ("event_id", "email")
);

CREATE INDEX "ix_staff_invitations_email" ON "staff_invitations" ("email");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0002_StaffInvitations', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "events" ADD "waiting_room_minutes" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0003_WaitingRoom', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "outbox_messages" ADD "trace_parent" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0004_OutboxTraceParent', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
UPDATE inbox_messages SET handler = 'ReserveTickets' WHERE handler = 'OrderCreatedHandler';

UPDATE inbox_messages SET handler = 'SellTickets' WHERE handler = 'OrderCompletedHandler';

UPDATE inbox_messages SET handler = 'ReleaseTickets' WHERE handler = 'OrderCancelledHandler';

UPDATE inbox_messages SET handler = 'RecordUser' WHERE handler = 'UserRegisteredHandler';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0005_HandlersNamedAfterActions', '10.0.15');

COMMIT;

