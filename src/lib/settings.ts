/**
 * Platform settings read on the server: cached for a short time and dropped when the global is saved,
 * so hot paths do not query the global on every request.
 */
import type { Payload, PayloadRequest } from 'payload'

export interface PlatformSettingsValue {
  listingModeration: boolean
  offerTtlHours: number
  maxPageSize: number
  cancellationPolicy: { fullRefundHoursBefore: number; lateRefundPercent: number }
  checkInGraceMinutes: number
  paymentHoldMinutes: number
  taxRatePercent: number
  flatShipping: number
  freeShippingThreshold: number
  unpaidOrderTtlMinutes: number
  subscriptionGraceDays: number
  commentModeration: boolean
}

export const PLATFORM_DEFAULTS: PlatformSettingsValue = {
  listingModeration: true,
  offerTtlHours: 48,
  maxPageSize: 100,
  cancellationPolicy: { fullRefundHoursBefore: 24, lateRefundPercent: 50 },
  checkInGraceMinutes: 15,
  paymentHoldMinutes: 15,
  taxRatePercent: 0,
  flatShipping: 10,
  freeShippingThreshold: 200,
  unpaidOrderTtlMinutes: 30,
  subscriptionGraceDays: 7,
  commentModeration: true,
}

let cache: { value: PlatformSettingsValue; at: number } | null = null
const TTL_MS = 5_000

export function invalidatePlatformSettings(): void {
  cache = null
}

export async function getPlatformSettings(source: Payload | PayloadRequest): Promise<PlatformSettingsValue> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.value
  const req = 'payload' in source && 'headers' in source ? (source as PayloadRequest) : undefined
  const payload = req ? req.payload : (source as Payload)
  const doc = (await payload.findGlobal({ slug: 'platform-settings', depth: 0, overrideAccess: true, req })) as Partial<PlatformSettingsValue>
  const value: PlatformSettingsValue = {
    ...PLATFORM_DEFAULTS,
    ...Object.fromEntries(Object.entries(doc ?? {}).filter(([, v]) => v !== null && v !== undefined)),
    cancellationPolicy: { ...PLATFORM_DEFAULTS.cancellationPolicy, ...(doc?.cancellationPolicy ?? {}) },
  } as PlatformSettingsValue
  cache = { value, at: Date.now() }
  return value
}
