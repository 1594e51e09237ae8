/**
 * SQL the ORM cannot express — extensions, trigram/GIN/expression/partial indexes, check constraints —
 * applied idempotently at Payload init (`onInit`), after the schema exists (push in dev/tests, migrations in
 * production). Each domain adds its statements in src/db/extras/<domain>.ts and lists them here.
 * Every statement must be idempotent (`if not exists`, `create or replace`, guarded `do` blocks).
 */
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

/**
 * Tables created here rather than by Payload: the dev schema push must leave them alone (otherwise it offers to
 * drop them, interactively). They have no sequences: the push diffs sequences without this filter.
 * (socket.io's table lives in its own schema, src/realtime/server.ts.)
 */
export const EXTRA_TABLES = ['commerce_order_counters', 'commerce_stripe_events', 'service_booking_counters']

export const EXTENSIONS = ['pg_trgm', 'cube', 'earthdistance', 'btree_gist', 'unaccent']

const domainModules = [
  () => import('./catalog'),
  () => import('./discovery'),
  () => import('./content'),
  () => import('./community'),
  () => import('./negotiation'),
  () => import('./commerce'),
  () => import('./parking'),
  () => import('./services'),
]

export async function databaseExtras(): Promise<string[]> {
  const statements = EXTENSIONS.map((e) => `create extension if not exists ${e}`)
  for (const load of domainModules) statements.push(...(await load()).statements)
  return statements
}

export async function applyDatabaseExtras(payload: Payload): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const drizzle = (payload.db as any).drizzle
  const statements = await databaseExtras()
  // One transaction holding an advisory lock: instances starting together apply the DDL one after another
  // (concurrent "create … if not exists" / "create or replace" can otherwise collide in the catalog).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  await drizzle.transaction(async (tx: any) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('autohub:database-extras'))`)
    for (const statement of statements) {
      try {
        await tx.execute(sql.raw(statement))
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err)
        throw new Error(`database extra failed: ${statement}\n${message}`)
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
