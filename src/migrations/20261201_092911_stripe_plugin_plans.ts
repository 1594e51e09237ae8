import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "plans" RENAME COLUMN "stripe_product_id" TO "stripe_i_d";
  DROP INDEX "plans_stripe_product_id_idx";
  ALTER TABLE "plans" ADD COLUMN "skip_sync" boolean;
  CREATE INDEX "plans_stripe_i_d_idx" ON "plans" USING btree ("stripe_i_d");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "plans" RENAME COLUMN "stripe_i_d" TO "stripe_product_id";
  DROP INDEX "plans_stripe_i_d_idx";
  CREATE INDEX "plans_stripe_product_id_idx" ON "plans" USING btree ("stripe_product_id");
  ALTER TABLE "plans" DROP COLUMN "skip_sync";`)
}
