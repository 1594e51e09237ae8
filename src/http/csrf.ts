/**
 * CSRF at the edge: a request that carries Payload's auth cookie from an Origin the server does not trust
 * (src/http/origins.ts) reaches Payload without that cookie, so it runs anonymously (401/403 on writes).
 * Payload applies the same rule itself through its `csrf` list (payload.config.ts → env.csrfOrigins), and
 * without an Origin header it accepts the cookie only for Sec-Fetch-Site same-origin/same-site/none.
 * A `Authorization: JWT …` / API-key header is unaffected: a cross-site page cannot set it.
 */
import type { RequestHandler } from 'express'

import { isTrustedOrigin, type OriginPolicyOptions } from './origins'

/** Removes the cookie named `name` from a Cookie header value; null when nothing is left. */
export function withoutCookie(header: string, name: string): string | null {
  const kept = header
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part && part.split('=')[0].trim() !== name)
  return kept.length ? kept.join('; ') : null
}

export function csrfGuard(opts: { cookieName: string; policy: () => OriginPolicyOptions }): RequestHandler {
  return (req, _res, next) => {
    const origin = req.headers.origin
    const cookie = req.headers.cookie
    if (!origin || !cookie || !cookie.includes(opts.cookieName) || isTrustedOrigin(origin, opts.policy())) return next()
    const stripped = withoutCookie(cookie, opts.cookieName)
    if (stripped) req.headers.cookie = stripped
    else delete req.headers.cookie
    // The Fetch request handed to Payload is built from rawHeaders (src/http/adapter.ts).
    const raw: string[] = []
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i]
      if (name.toLowerCase() !== 'cookie') raw.push(name, req.rawHeaders[i + 1])
      else {
        const value = withoutCookie(req.rawHeaders[i + 1], opts.cookieName)
        if (value) raw.push(name, value)
      }
    }
    req.rawHeaders.length = 0
    req.rawHeaders.push(...raw)
    next()
  }
}
