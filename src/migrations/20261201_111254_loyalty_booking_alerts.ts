import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Loyalty (issue 21): points spent at a service booking and given back on cancellation (ledger reasons), the
// booking's loyalty pricing, the loyalty-alerts record (one alert per user and occasion) and the inactivity job.

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_loyalty_alerts_alert" AS ENUM('milestone_approaching', 'inactivity', 'high_value_customer');
  ALTER TYPE "public"."enum_loyalty_ledger_reason" ADD VALUE 'booking_redeem';
  ALTER TYPE "public"."enum_loyalty_ledger_reason" ADD VALUE 'redeem_refund';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'services-loyalty-inactivity' BEFORE 'audit-log-retention';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'services-loyalty-inactivity' BEFORE 'audit-log-retention';
  CREATE TABLE "loyalty_alerts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"alert" "enum_loyalty_alerts_alert" NOT NULL,
  	"key" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "service_bookings" ADD COLUMN "pricing_loyalty_discount" numeric DEFAULT 0;
  ALTER TABLE "service_bookings" ADD COLUMN "pricing_points_redeemed" numeric DEFAULT 0;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_alerts_id" integer;
  ALTER TABLE "loyalty_alerts" ADD CONSTRAINT "loyalty_alerts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "loyalty_alerts_user_idx" ON "loyalty_alerts" USING btree ("user_id");
  CREATE INDEX "loyalty_alerts_alert_idx" ON "loyalty_alerts" USING btree ("alert");
  CREATE INDEX "loyalty_alerts_updated_at_idx" ON "loyalty_alerts" USING btree ("updated_at");
  CREATE INDEX "loyalty_alerts_created_at_idx" ON "loyalty_alerts" USING btree ("created_at");
  CREATE UNIQUE INDEX "user_key_1_idx" ON "loyalty_alerts" USING btree ("user_id","key");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_alerts_fk" FOREIGN KEY ("loyalty_alerts_id") REFERENCES "public"."loyalty_alerts"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_loyalty_alerts_id_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_alerts_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "loyalty_alerts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "loyalty_alerts" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_loyalty_alerts_fk";
  
  -- Values only this release knows, mapped to the previous release's before its enums come back (hand-written):
  -- points spent on a booking become a spend, points given back a credit; this release's job rows go.
  UPDATE "loyalty_ledger" SET "reason" = 'checkout_redeem' WHERE "reason" = 'booking_redeem';
  UPDATE "loyalty_ledger" SET "reason" = 'achievement' WHERE "reason" = 'redeem_refund';
  DELETE FROM "payload_jobs_log" WHERE "task_slug" = 'services-loyalty-inactivity';
  DELETE FROM "payload_jobs" WHERE "task_slug" = 'services-loyalty-inactivity';
  
  ALTER TABLE "loyalty_ledger" ALTER COLUMN "reason" SET DATA TYPE text;
  DROP TYPE "public"."enum_loyalty_ledger_reason";
  CREATE TYPE "public"."enum_loyalty_ledger_reason" AS ENUM('order_delivered', 'booking_completed', 'review', 'achievement', 'checkout_redeem');
  ALTER TABLE "loyalty_ledger" ALTER COLUMN "reason" SET DATA TYPE "public"."enum_loyalty_ledger_reason" USING "reason"::"public"."enum_loyalty_ledger_reason";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'catalog-expire-featured', 'catalog-inventory-import', 'saved-search-alerts', 'content-recount-comments', 'community-notification-digest', 'notification-deliveries', 'expire-negotiations', 'commerce-expire-unpaid-orders', 'commerce-expire-subscriptions', 'commerce-lapse-subscriptions', 'parking-no-shows', 'parking-overstays', 'parking-payment-holds', 'parking-reminders', 'audit-log-retention', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'catalog-expire-featured', 'catalog-inventory-import', 'saved-search-alerts', 'content-recount-comments', 'community-notification-digest', 'notification-deliveries', 'expire-negotiations', 'commerce-expire-unpaid-orders', 'commerce-expire-subscriptions', 'commerce-lapse-subscriptions', 'parking-no-shows', 'parking-overstays', 'parking-payment-holds', 'parking-reminders', 'audit-log-retention', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_loyalty_alerts_id_idx";
  ALTER TABLE "service_bookings" DROP COLUMN "pricing_loyalty_discount";
  ALTER TABLE "service_bookings" DROP COLUMN "pricing_points_redeemed";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_alerts_id";
  DROP TYPE "public"."enum_loyalty_alerts_alert";`)
}
