/**
 * Demo data: one account per role and each domain's demo records (registered by the domain plugins). The same on every machine.
 * `seedIfEmpty` runs at dev start when the users table is empty; production never seeds demo accounts.
 */
import type { Payload } from 'payload'

import { domainsOf } from '@/plugins/domain'

export async function seedAll(payload: Payload): Promise<void> {
  if (process.env.NODE_ENV === 'production' && process.env.ALLOW_PRODUCTION_SEED !== 'true') {
    throw new Error('Refusing to seed demo data in production.')
  }
  const started = Date.now()
  // Each domain's demo data, in plugin order (payload.config.ts): later domains refer to earlier ones' records.
  for (const domain of domainsOf(payload.config)) await domain.seed?.(payload)
  payload.logger.info(`[seed] demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

export async function seedIfEmpty(payload: Payload): Promise<boolean> {
  if (process.env.NODE_ENV === 'production') return false
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return false
  await seedAll(payload)
  return true
}
