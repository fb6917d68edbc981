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
-- Messages kept in the old outbox (no SMTP) wait to be sent; sign-in links were never to be shown.
UPDATE "outbound_emails" SET "status" = 'queued' WHERE "status" = 'outbox';--> statement-breakpoint
UPDATE "outbound_emails" SET "contains_secret" = true WHERE "kind" IN ('invitation', 'password_reset');--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD CONSTRAINT "outbound_emails_status_check" CHECK ("outbound_emails"."status" in ('queued', 'sending', 'sent', 'failed'));