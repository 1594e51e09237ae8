import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_verification_documents_document_type" AS ENUM('business_license', 'tax_certificate', 'id_document', 'certificate', 'other');
  CREATE TABLE "verification_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"document_type" "enum_verification_documents_document_type" DEFAULT 'other',
  	"owner_id" integer,
  	"prefix" varchar DEFAULT 'verification-documents',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric
  );
  
  ALTER TABLE "dealers_documents" DROP CONSTRAINT "dealers_documents_file_id_media_id_fk";
  
  ALTER TABLE "expert_verifications_rels" DROP CONSTRAINT "expert_verifications_rels_media_fk";
  -- Verification documents move out of the public media collection: references to media cannot be kept
  -- (the files are public there); owners upload them again to verification-documents. A dealer document's file
  -- is required (file_id NOT NULL), so the document entries themselves go.
  DELETE FROM "dealers_documents";
  DELETE FROM "expert_verifications_rels" WHERE "media_id" IS NOT NULL;
  
  -- Listing states: 'pending' meant both "awaiting moderation" and "sale pending". Partial indexes whose predicates
  -- compare status (the database extras' — status = 'active' ones included: their predicates would not survive the
  -- change to text) are dropped first; the extras re-create them at start.
  DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT i.indexrelid::regclass::text AS name FROM pg_index i
      WHERE i.indrelid = 'public.cars'::regclass AND i.indpred IS NOT NULL AND pg_get_expr(i.indpred, i.indrelid) LIKE '%status%'
    LOOP EXECUTE 'DROP INDEX ' || r.name; END LOOP;
  END $$;
  ALTER TABLE "cars" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "cars" ALTER COLUMN "status" SET DEFAULT 'draft'::text;
  -- Approved before (published) and reserved by an accepted offer → sale_pending; every other pending → review.
  UPDATE "cars" SET "status" = CASE
    WHEN "published_at" IS NOT NULL AND EXISTS (
      SELECT 1 FROM "negotiations" n WHERE n."car_id" = "cars"."id" AND n."status" = 'accepted'
    ) THEN 'sale_pending'
    ELSE 'pending_review' END
  WHERE "status" = 'pending';
  DROP TYPE "public"."enum_cars_status";
  CREATE TYPE "public"."enum_cars_status" AS ENUM('draft', 'pending_review', 'active', 'sale_pending', 'sold', 'archived');
  ALTER TABLE "cars" ALTER COLUMN "status" SET DEFAULT 'draft'::"public"."enum_cars_status";
  ALTER TABLE "cars" ALTER COLUMN "status" SET DATA TYPE "public"."enum_cars_status" USING "status"::"public"."enum_cars_status";
  DROP INDEX "expert_verifications_rels_media_id_idx";
  ALTER TABLE "expert_verifications_rels" ADD COLUMN "verification_documents_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "verification_documents_id" integer;
  ALTER TABLE "verification_documents" ADD CONSTRAINT "verification_documents_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "verification_documents_owner_idx" ON "verification_documents" USING btree ("owner_id");
  CREATE INDEX "verification_documents_updated_at_idx" ON "verification_documents" USING btree ("updated_at");
  CREATE INDEX "verification_documents_created_at_idx" ON "verification_documents" USING btree ("created_at");
  CREATE UNIQUE INDEX "verification_documents_filename_idx" ON "verification_documents" USING btree ("filename");
  ALTER TABLE "dealers_documents" ADD CONSTRAINT "dealers_documents_file_id_verification_documents_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."verification_documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "expert_verifications_rels" ADD CONSTRAINT "expert_verifications_rels_verification_documents_fk" FOREIGN KEY ("verification_documents_id") REFERENCES "public"."verification_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_verification_documents_fk" FOREIGN KEY ("verification_documents_id") REFERENCES "public"."verification_documents"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "expert_verifications_rels_verification_documents_id_idx" ON "expert_verifications_rels" USING btree ("verification_documents_id");
  CREATE INDEX "payload_locked_documents_rels_verification_documents_id_idx" ON "payload_locked_documents_rels" USING btree ("verification_documents_id");
  ALTER TABLE "expert_verifications_rels" DROP COLUMN "media_id";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "verification_documents" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "verification_documents" CASCADE;
  ALTER TABLE "dealers_documents" DROP CONSTRAINT IF EXISTS "dealers_documents_file_id_verification_documents_id_fk";
  
  ALTER TABLE "expert_verifications_rels" DROP CONSTRAINT IF EXISTS "expert_verifications_rels_verification_documents_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_verification_documents_fk";
  
  -- As in up: partial indexes comparing status go first (the extras of the release rolled back to re-create theirs).
  DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT i.indexrelid::regclass::text AS name FROM pg_index i
      WHERE i.indrelid = 'public.cars'::regclass AND i.indpred IS NOT NULL AND pg_get_expr(i.indpred, i.indrelid) LIKE '%status%'
    LOOP EXECUTE 'DROP INDEX ' || r.name; END LOOP;
  END $$;
  ALTER TABLE "cars" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "cars" ALTER COLUMN "status" SET DEFAULT 'draft'::text;
  UPDATE "cars" SET "status" = 'pending' WHERE "status" IN ('pending_review', 'sale_pending');
  DROP TYPE "public"."enum_cars_status";
  CREATE TYPE "public"."enum_cars_status" AS ENUM('draft', 'pending', 'active', 'sold', 'archived');
  ALTER TABLE "cars" ALTER COLUMN "status" SET DEFAULT 'draft'::"public"."enum_cars_status";
  ALTER TABLE "cars" ALTER COLUMN "status" SET DATA TYPE "public"."enum_cars_status" USING "status"::"public"."enum_cars_status";
  DROP INDEX "expert_verifications_rels_verification_documents_id_idx";
  DROP INDEX "payload_locked_documents_rels_verification_documents_id_idx";
  ALTER TABLE "expert_verifications_rels" ADD COLUMN "media_id" integer;
  -- file_id held verification-documents ids (not media ids) and is NOT NULL: the entries go.
  DELETE FROM "dealers_documents";
  ALTER TABLE "dealers_documents" ADD CONSTRAINT "dealers_documents_file_id_media_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "expert_verifications_rels" ADD CONSTRAINT "expert_verifications_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "expert_verifications_rels_media_id_idx" ON "expert_verifications_rels" USING btree ("media_id");
  ALTER TABLE "expert_verifications_rels" DROP COLUMN "verification_documents_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "verification_documents_id";
  DROP TYPE "public"."enum_verification_documents_document_type";`)
}
