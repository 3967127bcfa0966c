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

CREATE TABLE "users" (
    "id" TEXT NOT NULL CONSTRAINT "PK_users" PRIMARY KEY,
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "failed_sign_ins" INTEGER NOT NULL,
    "locked_until" TEXT NULL
);

CREATE UNIQUE INDEX "ux_users_email" ON "users" ("email");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0001_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "external_users" (
    "user_id" TEXT NOT NULL CONSTRAINT "PK_external_users" PRIMARY KEY,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE UNIQUE INDEX "ux_external_users_issuer_subject" ON "external_users" ("issuer", "subject");

CREATE UNIQUE INDEX "ux_external_users_email" ON "external_users" ("email");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0002_ExternalUsers', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "outbox_messages" ADD "trace_parent" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('0003_OutboxTraceParent', '10.0.15');

COMMIT;

