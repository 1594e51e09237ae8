import type { PayloadRequest } from 'payload'

/**
 * The client's address. The express server overwrites `x-real-ip` with the address it trusts (respecting
 * TRUST_PROXY), so a client cannot spoof it.
 */
export function clientIp(req: Pick<PayloadRequest, 'headers'>): string {
  return req.headers.get('x-real-ip') ?? req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? ''
}
