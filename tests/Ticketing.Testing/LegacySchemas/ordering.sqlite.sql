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

CREATE TABLE "orders" (
    "id" TEXT NOT NULL CONSTRAINT "PK_orders" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "total_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL
);

CREATE INDEX "ix_orders_user_id_created_at" ON "orders" ("user_id", "created_at");

CREATE TABLE "order_tickets" (
    "order_id" TEXT NOT NULL,
    "ticket_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "seat" TEXT NULL,
    "tier" TEXT NULL,
    "price_minor" INTEGER NOT NULL,
    CONSTRAINT "PK_order_tickets" PRIMARY KEY ("order_id", "ticket_id"),
    CONSTRAINT "FK_order_tickets_orders_order_id" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_order_tickets_ticket_id" ON "order_tickets" ("ticket_id");

CREATE TABLE "tickets" (
    "ticket_id" TEXT NOT NULL CONSTRAINT "PK_tickets" PRIMARY KEY,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "price_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "event_id" TEXT NULL,
    "tier" TEXT NULL,
    "seat" TEXT NULL,
    "status" TEXT NOT NULL,
    "held_by_order_id" TEXT NULL
);

CREATE INDEX "ix_tickets_free_by_tier" ON "tickets" ("event_id", "tier") WHERE held_by_order_id IS NULL;

CREATE INDEX "ix_tickets_held_by_order_id" ON "tickets" ("held_by_order_id");

CREATE TABLE "cancelled_events" (
    "event_id" TEXT NOT NULL CONSTRAINT "PK_cancelled_events" PRIMARY KEY,
    "cancelled_at" TEXT NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0001_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "tickets" ADD "owner_id" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0002_TicketOwner', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "ix_tickets_free_by_tier";

CREATE INDEX "ix_tickets_free_by_tier" ON "tickets" ("event_id", "tier", "ticket_id") WHERE held_by_order_id IS NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0003_FreeUnitsInTicketOrder', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "waiting_rooms" (
    "event_id" TEXT NOT NULL CONSTRAINT "PK_waiting_rooms" PRIMARY KEY,
    "opens_at" TEXT NOT NULL,
    "closes_at" TEXT NOT NULL,
    "admit_per_second" REAL NOT NULL,
    "secret" BLOB NOT NULL,
    "last_position" INTEGER NOT NULL,
    "next_admit_at" TEXT NOT NULL
);

CREATE TABLE "queue_places" (
    "event_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "joined_at" TEXT NOT NULL,
    "admit_at" TEXT NOT NULL,
    CONSTRAINT "PK_queue_places" PRIMARY KEY ("event_id", "user_id")
);

CREATE UNIQUE INDEX "ix_queue_places_event_id_position" ON "queue_places" ("event_id", "position");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0004_WaitingRooms', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "outbox_messages" ADD "trace_parent" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0005_OutboxTraceParent', '10.0.15');

COMMIT;

