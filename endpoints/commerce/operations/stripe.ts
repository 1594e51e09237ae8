/**
 * The Stripe client, built from the environment: STRIPE_SECRET_KEY (card payments are disabled without it),
 * STRIPE_WEBHOOKS_SECRET (webhook signatures), STRIPE_API_BASE (optional: another API host, e.g. the local
 * stand-in used by the tests — parsed into the client's host/port/protocol options). The `stripe` package (≈ 200
 * modules) is imported when a client is first needed, not by every process that loads the config.
 */
import type Stripe from 'stripe'

import { env } from '@/lib/env'
import { badRequest } from '@/lib/http'

export type StripeClient = InstanceType<typeof Stripe>

let cached: { key: string; client: Promise<StripeClient> } | null = null

/** Client options for an API base URL such as `http://127.0.0.1:12111` (ours, and the Stripe plugin's `stripeClientOptions`). */
export function apiBaseOptions(apiBase: string | undefined): { host?: string; port?: number; protocol?: 'http' | 'https' } {
  if (!apiBase) return {}
  const url = new URL(apiBase)
  const protocol = url.protocol.replace(':', '') as 'http' | 'https'
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443,
    protocol,
  }
}

/** True when card payments can be taken (STRIPE_SECRET_KEY is set). */
export const cardPaymentsEnabled = (): boolean => Boolean(env.stripe)

/** The client, or null when Stripe is not configured. Rebuilt when the key or API base changes. */
export async function stripeClient(): Promise<StripeClient | null> {
  const cfg = env.stripe
  if (!cfg) return null
  const key = `${cfg.secretKey}|${cfg.apiBase ?? ''}`
  if (cached?.key !== key) {
    const client = import('stripe').then(
      ({ default: StripeSdk }) =>
        new StripeSdk(cfg.secretKey, {
          ...apiBaseOptions(cfg.apiBase),
          maxNetworkRetries: 2,
          timeout: 20_000,
          appInfo: { name: 'AutoHub' },
        }),
    )
    cached = { key, client }
  }
  return cached.client
}

/** The client, or a 400 saying card payments are disabled. */
export async function requireStripe(): Promise<StripeClient> {
  const client = await stripeClient()
  if (!client) throw badRequest('Card payments are disabled: Stripe is not configured on this server (STRIPE_SECRET_KEY).', { paymentMethod: 'card' })
  return client
}

/** Currency codes in Stripe's lowercase form. */
export const stripeCurrency = (currency: string | null | undefined): string => (currency || 'usd').toLowerCase()
