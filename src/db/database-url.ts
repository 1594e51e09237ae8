/**
 * DATABASE_URL set → use it. Unset → start the embedded PostgreSQL in ./.data/postgres (port
 * EMBEDDED_PG_PORT, default 5433) and point DATABASE_URL at it before Payload's config is loaded.
 */
import path from 'node:path'

import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded'

export async function ensureDatabase(): Promise<EmbeddedDatabase | null> {
  if (process.env.DATABASE_URL) return null
  const dataDir = process.env.EMBEDDED_PG_DIR || path.resolve(process.cwd(), '.data/postgres')
  const port = Number(process.env.EMBEDDED_PG_PORT || 5433)
  const db = await startEmbeddedPostgres({ dataDir, port, database: 'autohub', log: false })
  process.env.DATABASE_URL = db.url
  console.info(`[db] embedded PostgreSQL on 127.0.0.1:${db.port} (data in ${dataDir})`)
  return db
}
