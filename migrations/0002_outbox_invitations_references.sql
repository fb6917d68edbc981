CREATE TABLE "application_reference_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
DROP INDEX "applications_reference_unique";--> statement-breakpoint
ALTER TABLE "outbound_emails" ALTER COLUMN "text" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_emails" ALTER COLUMN "status" SET DEFAULT 'queued';--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "html" text;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "contains_secret" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
-- Duplicates sent before the index existed: the newest stays open.
UPDATE "invitations" SET "revoked_at" = now() WHERE "accepted_at" IS NULL AND "revoked_at" IS NULL AND "id" NOT IN (SELECT DISTINCT ON (lower("email"), "scope_type", coalesce("scope_id", '00000000-0000-0000-0000-000000000000'::uuid)) "id" FROM "invitations" WHERE "accepted_at" IS NULL AND "revoked_at" IS NULL ORDER BY lower("email"), "scope_type", coalesce("scope_id", '00000000-0000-0000-0000-000000000000'::uuid), "created_at" DESC);--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_open_per_scope_idx" ON "invitations" USING btree (lower("email"),"scope_type",coalesce("scope_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "invitations"."accepted_at" is null and "invitations"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "outbound_emails_due_idx" ON "outbound_emails" USING btree ("next_attempt_at") WHERE "outbound_emails"."status" in ('queued', 'sending');--> statement-breakpoint
CREATE INDEX "outbound_emails_created_idx" ON "outbound_emails" USING btree ("created_at");--> statement-breakpoint
-- References were numbered per call, so two calls gave "2026-0001": number them again across the network, per
-- year of submission in order of submission (nothing is in production yet), and start the counters after them.
UPDATE "applications" SET "reference" = renumbered."reference" FROM (
  SELECT "id", split_part("reference", '-', 1) || '-' || lpad((row_number() OVER (PARTITION BY split_part("reference", '-', 1) ORDER BY "submitted_at", "id"))::text, 4, '0') AS "reference"
  FROM "applications" WHERE "reference" <> ''
) AS renumbered WHERE "applications"."id" = renumbered."id";--> statement-breakpoint
INSERT INTO "application_reference_counters" ("year", "last")
  SELECT split_part("reference", '-', 1)::int, count(*)::int FROM "applications" WHERE "reference" ~ '^[0-9]{4}-[0-9]+$' GROUP BY 1;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_reference_unique" ON "applications" USING btree ("reference") WHERE "applications"."reference" <> '';--> statement-breakpoint
-- Messages kept in the old outbox (no SMTP) wait to be sent; sign-in links were never to be shown.
UPDATE "outbound_emails" SET "status" = 'queued' WHERE "status" = 'outbox';--> statement-breakpoint
UPDATE "outbound_emails" SET "contains_secret" = true WHERE "kind" IN ('invitation', 'password_reset');--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD CONSTRAINT "outbound_emails_status_check" CHECK ("outbound_emails"."status" in ('queued', 'sending', 'sent', 'failed'));