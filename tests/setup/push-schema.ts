/**
 * Pushes the current collections' schema into DATABASE_URL and exits (run by the global setup in a child
 * process so that no connection to the template database survives).
 */
import { getPayload } from 'payload'

const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
await payload.db.destroy?.()
process.exit(0)
