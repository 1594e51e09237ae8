import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "notifications" ADD COLUMN "email_attempts" numeric DEFAULT 0;
  ALTER TABLE "notifications" ADD COLUMN "email_next_attempt_at" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "notifications" DROP COLUMN "email_attempts";
  ALTER TABLE "notifications" DROP COLUMN "email_next_attempt_at";`)
}
