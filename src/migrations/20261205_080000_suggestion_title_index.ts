/**
 * The title suggestions' prefix index holds the listing's id after its title.
 *
 * A suggestion per distinct stored title is its newest listing (the highest id). The index of active titles was
 * `(title_norm text_pattern_ops)`, so finding a title's highest id read every active listing with that title and
 * sorted them: "hon" read 383 index entries (about 96 per title) to suggest 4 titles. On `(title_norm
 * text_pattern_ops, id desc)` the suggestions walk the distinct titles with one probe each, the first entry of a title
 * being its newest listing (src/db/discovery/search-engine.ts `prefixTitlesSql`). The new index serves every query
 * the old one did (its first column is the same), so the old one is dropped.
 *
 * Every statement is idempotent (`npm run dev` and tests re-apply them after every push, src/db/sql-migrations.ts);
 * production runs `up`.
 */
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres'

/** The prefix indexes of active stored titles, by table: the listing's id follows the title, newest first. */
export const TITLE_PREFIX_INDEXES = {
  car_search_docs: { index: 'car_search_docs_title_prefix_id_idx', key: 'car_id', replaces: 'car_search_docs_title_prefix_idx' },
  part_search_docs: { index: 'part_search_docs_title_prefix_id_idx', key: 'part_id', replaces: 'part_search_docs_title_prefix_idx' },
} as const

/** This migration creates no table. */
export const tables: string[] = []

const entries = Object.entries(TITLE_PREFIX_INDEXES)

export const statements: string[] = entries.flatMap(([table, { index, key, replaces }]) => [
  `create index if not exists ${index} on ${table} (title_norm text_pattern_ops, ${key} desc) where status = 'active'`,
  `drop index if exists ${replaces}`,
])

export const downStatements: string[] = entries.flatMap(([table, { index, replaces }]) => [
  `create index if not exists ${replaces} on ${table} (title_norm text_pattern_ops) where status = 'active'`,
  `drop index if exists ${index}`,
])

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of statements) await db.execute(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const statement of downStatements) await db.execute(sql.raw(statement))
}
