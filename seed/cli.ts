/** `npm run seed`: loads demo data (starting the embedded database when DATABASE_URL is unset). */
import { getPayload } from 'payload'

import { ensureDatabase } from '../src/db/database-url'

const embedded = await ensureDatabase()
const { default: config } = await import('../payload.config')
const payload = await getPayload({ config })
try {
  const { seedAll } = await import('../src/lib/seed')
  await seedAll(payload)
} finally {
  await payload.db.destroy?.()
  await embedded?.stop()
}
process.exit(0)
