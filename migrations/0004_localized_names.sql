-- Names and descriptions in French, Arabic and English: each existing text is kept in the language it was written in
-- (Arabic script is Arabic, anything else French); an empty description becomes no text at all.
ALTER TABLE "companies" ALTER COLUMN "description" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "companies" ALTER COLUMN "description" SET DATA TYPE jsonb USING (CASE WHEN btrim("description") = '' THEN '{}'::jsonb WHEN "description" ~ '[؀-ۿ]' THEN jsonb_build_object('ar', btrim("description")) ELSE jsonb_build_object('fr', btrim("description")) END);--> statement-breakpoint
ALTER TABLE "companies" ALTER COLUMN "description" SET DEFAULT '{}'::jsonb;--> statement-breakpoint
ALTER TABLE "buildings" ALTER COLUMN "name" SET DATA TYPE jsonb USING (CASE WHEN "name" ~ '[؀-ۿ]' THEN jsonb_build_object('ar', "name") ELSE jsonb_build_object('fr', "name") END);--> statement-breakpoint
ALTER TABLE "spaces" ALTER COLUMN "name" SET DATA TYPE jsonb USING (CASE WHEN "name" ~ '[؀-ۿ]' THEN jsonb_build_object('ar', "name") ELSE jsonb_build_object('fr', "name") END);
