import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { dbOf, sql } from '@/db/transaction'

import { env } from '../lib/env'

const startedAt = Date.now()
const version = process.env.npm_package_version ?? '0.1.0'

/** GET /api/health: database round-trip with a timeout; 503 when the database does not answer. */
export const healthHandler =
  (payload: Payload): RequestHandler =>
  async (_req, res) => {
    const t0 = performance.now()
    let database: 'ok' | 'down' = 'ok'
    let error: string | undefined
    try {
      await Promise.race([dbOf(payload).execute(sql`select 1`), new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 2_000).unref())])
    } catch (err) {
      database = 'down'
      error = err instanceof Error ? err.message : String(err)
    }
    const body = {
      status: database === 'ok' ? 'ok' : 'error',
      database,
      databaseLatencyMs: Math.round((performance.now() - t0) * 10) / 10,
      version,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      details: {
        payments: env.stripe ? 'stripe' : 'card payments disabled (STRIPE_SECRET_KEY not set)',
        storage: env.s3 ? 's3' : 'local disk',
        email: env.smtp ? 'smtp' : 'log only (SMTP_HOST not set)',
        jobs: env.jobsAutoRun ? 'autoRun in this process' : 'external worker',
      },
      ...(error ? { error } : {}),
    }
    res
      .status(database === 'ok' ? 200 : 503)
      .set('cache-control', 'no-store')
      .json(body)
  }
