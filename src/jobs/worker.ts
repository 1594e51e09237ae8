/**
 * `npm run jobs`: a separate jobs worker. It runs the queue (and queues scheduled tasks) on JOBS_CRON,
 * for deployments whose app instances set JOBS_AUTORUN=false.
 */
import { getPayload } from 'payload'

import { ensureDatabase } from '../db/database-url'
import { closePayload } from '../db/transaction'

process.env.JOBS_AUTORUN = 'true'
const embedded = await ensureDatabase()
const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config, cron: true })
payload.logger.info(`[jobs] worker running (cron ${process.env.JOBS_CRON || '* * * * *'})`)

const stop = async () => {
  await closePayload(payload)
  await embedded?.stop().catch(() => {})
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
