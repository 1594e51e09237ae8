/**
 * Seeds the demo data (src/lib/seed.ts) into DATABASE_URL and exits: run by `demoPayload()` (tests/helpers/payload.ts)
 * in a child process, so that no connection to the database it then uses as a template survives.
 */
import { getPayload } from 'payload'

import { seedAll } from '../../src/lib/seed'

const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
await seedAll(payload)
await payload.db.destroy?.()
process.exit(0)
