/**
 * The custom SQL of the migrations (src/migrations/*_database_extras.ts: indexes, constraints, triggers,
 * functions, counters; *_search_documents.ts: the stored search documents; *_analytics_counters.ts: the dashboard's counters; *_search_index_tuning.ts: planner costs of pg_trgm's operators, GIN pending-list limits; *_suggestion_title_index.ts: the suggestions' prefix index; *_sql_refusals.ts: a statement's refusal) in push mode. Production migrates; development and tests push the schema at every start,
 * and a push drops what drizzle does not know — so after the push `onInit` re-applies the migration's
 * statements (all idempotent). One source: the migration file.
 */
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { adapterOf } from './transaction'

import * as databaseExtras from '../migrations/20261201_033000_database_extras'
import * as searchDocuments from '../migrations/20261201_050000_search_documents'
import * as analyticsCounters from '../migrations/20261201_110000_analytics_counters'
import * as searchIndexTuning from '../migrations/20261201_170000_search_index_tuning'
import * as sqlRefusals from '../migrations/20261206_120000_sql_refusals'
import * as suggestionTitleIndex from '../migrations/20261205_080000_suggestion_title_index'

/** The custom-SQL migrations, in the order they run (each `statements` list is idempotent). */
const SQL_MIGRATIONS = [databaseExtras, searchDocuments, analyticsCounters, searchIndexTuning, suggestionTitleIndex, sqlRefusals]

/** Tables the custom SQL creates: the dev push must leave them alone (payload.config.ts `tablesFilter`). */
export const SQL_MIGRATION_TABLES: readonly string[] = SQL_MIGRATIONS.flatMap((m) => m.tables)

const CREATE_INDEX = /^create (?:unique )?index if not exists ("?)([\w$]+)\1 /i
const DROP_INDEX = /^drop index if exists ("?)([\w$]+)\1$/i

/**
 * `statements` without each `create index if not exists` whose index a later statement drops before anything else
 * names it: the migrations' history builds an index a later migration replaces (the suggestions' title index), and a
 * push would build it at every start only to drop it again. The drop stays (it removes the old index from a database
 * that still has it), so the indexes after the list are the same.
 */
export function withoutSupersededIndexes(statements: readonly string[]): string[] {
  return statements.filter((statement, i) => {
    const name = CREATE_INDEX.exec(statement.trim())?.[2]
    if (!name) return true
    const mentions = new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}($|[^\\w$])`, 'i')
    const next = statements.slice(i + 1).find((s) => mentions.test(s))
    return next === undefined || DROP_INDEX.exec(next.trim())?.[2] !== name
  })
}

/** Every custom-SQL statement, in migration order, without the indexes a later one replaces (applied after each push). */
export const SQL_MIGRATION_STATEMENTS: readonly string[] = withoutSupersededIndexes(SQL_MIGRATIONS.flatMap((m) => m.statements))

export async function applySqlMigrationsForPush(payload: Payload): Promise<void> {
  const drizzle = adapterOf(payload).drizzle
  // One transaction holding an advisory lock: instances starting together apply the DDL one after another
  // (concurrent "create … if not exists" / "create or replace" can otherwise collide in the catalog).
  await drizzle.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('autohub:database-extras'))`)
    for (const statement of SQL_MIGRATION_STATEMENTS) {
      try {
        await tx.execute(sql.raw(statement))
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err)
        throw new Error(`custom SQL failed: ${statement}\n${message}`)
      }
    }
  })
}

/**
 * Before a dev schema push: objects that earlier versions created in `public` and the push cannot reconcile.
 * socket.io's attachments table (transient data) used to live in `public`; the push tried to drop its sequence
 * and failed, so a second `npm run dev` on the same database did not start.
 */
export async function dropLegacyObjects(databaseUrl: string): Promise<void> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query('drop table if exists public.socket_io_attachments')
  } finally {
    await client.end()
  }
}
