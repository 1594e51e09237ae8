/**
 * DATABASE_URL set → check that its server answers, then use it. Unset → start the embedded PostgreSQL in
 * ./.data/postgres (port EMBEDDED_PG_PORT, default 5433) and point DATABASE_URL at it before Payload's config is
 * loaded. For the entry points (the server, the seed, the jobs worker, the CLI wrapper): an unreachable server ends
 * the process with exit code 1 and one line naming the server and the reason, before the config and Payload load.
 */
import path from 'node:path'

import pg from 'pg'

import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded'

/** Where a URL points, without its credentials: `host:port/database`. */
export function serverOf(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname || 'localhost'}:${u.port || 5432}${u.pathname || '/'}`
  } catch {
    return 'an unparsable DATABASE_URL'
  }
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused: nothing listens there',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found (DNS lookup failed)',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  '28P01': 'password authentication failed',
  '28000': 'the server refuses this user or client',
}

/**
 * Why the PostgreSQL server of `url` cannot be used, or null when it answers. A database that does not exist yet is
 * no problem: Payload's adapter creates it when it connects.
 */
export async function unreachable(url: string, timeoutMs = 10_000): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs })
  try {
    await client.connect()
    return null
  } catch (err) {
    const { code, message } = err as { code?: string; message?: string }
    if (code === '3D000') return null
    return `cannot reach PostgreSQL at ${serverOf(url)} (${(code && REASONS[code]) || message || code || 'unknown error'}): check DATABASE_URL`
  } finally {
    await client.end().catch(() => {})
  }
}

export async function ensureDatabase(): Promise<EmbeddedDatabase | null> {
  if (process.env.DATABASE_URL) {
    const problem = await unreachable(process.env.DATABASE_URL)
    if (problem) {
      console.error(`[db] ${problem}`)
      process.exit(1)
    }
    return null
  }
  const dataDir = process.env.EMBEDDED_PG_DIR || path.resolve(process.cwd(), '.data/postgres')
  const port = Number(process.env.EMBEDDED_PG_PORT || 5433)
  const db = await startEmbeddedPostgres({ dataDir, port, database: 'autohub', log: false })
  process.env.DATABASE_URL = db.url
  console.info(`[db] embedded PostgreSQL on 127.0.0.1:${db.port} (data in ${dataDir})`)
  return db
}
