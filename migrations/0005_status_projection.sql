CREATE TABLE "company_status_spans" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"status" text NOT NULL,
	"from" date NOT NULL,
	"until" date
);
--> statement-breakpoint
DROP INDEX "companies_park_idx";--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "status" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "status_since" date;--> statement-breakpoint
ALTER TABLE "company_status_spans" ADD CONSTRAINT "company_status_spans_event_id_company_status_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."company_status_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_status_spans" ADD CONSTRAINT "company_status_spans_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The projections of the existing histories, computed as rebuildStatusProjection (lifecycle/projection.ts) does.
INSERT INTO "company_status_spans" ("event_id", "company_id", "status", "from", "until")
SELECT "id", "company_id", "status", "effective_date", lead("effective_date") OVER (PARTITION BY "company_id" ORDER BY "effective_date", "recorded_at", "id")
FROM "company_status_events";--> statement-breakpoint
UPDATE "companies" SET "status" = s."status", "status_since" = s."from" FROM "company_status_spans" s WHERE s."company_id" = "companies"."id" AND s."until" IS NULL;--> statement-breakpoint
ALTER TABLE "companies" ALTER COLUMN "status" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ALTER COLUMN "status_since" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "company_status_spans_company_idx" ON "company_status_spans" USING btree ("company_id","status","from");--> statement-breakpoint
CREATE INDEX "company_status_spans_status_idx" ON "company_status_spans" USING btree ("status","from","until");--> statement-breakpoint
CREATE UNIQUE INDEX "company_status_spans_open_unique" ON "company_status_spans" USING btree ("company_id") WHERE "company_status_spans"."until" is null;--> statement-breakpoint
CREATE INDEX "role_assignments_scope_idx" ON "role_assignments" USING btree ("scope_id","role");--> statement-breakpoint
CREATE INDEX "companies_status_idx" ON "companies" USING btree ("status","status_since","id");--> statement-breakpoint
CREATE INDEX "companies_name_idx" ON "companies" USING btree (lower("legal_name"),"id");--> statement-breakpoint
CREATE INDEX "companies_legal_name_idx" ON "companies" USING btree ("legal_name","id");--> statement-breakpoint
CREATE INDEX "companies_since_idx" ON "companies" USING btree ("status_since","id");--> statement-breakpoint
CREATE INDEX "companies_park_idx" ON "companies" USING btree ("park_id","status","status_since","id");