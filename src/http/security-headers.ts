/**
 * Content-Security-Policy for every response the express server sends.
 *
 * - The site (admin panel, Next): the admin works under it — Next and Payload inline their scripts and styles
 *   ('unsafe-inline'), Next's dev server needs eval and its HMR websocket (dev only); Payload's code/JSON field
 *   editor (Monaco) comes from this server too (src/http/editor-assets.ts), so no CDN is named. Images from the
 *   server itself, data:/blob: previews and the S3 endpoint when media live there. Never framed (frame-ancestors 'none'), no plugins, no foreign form targets.
 * - API responses (/api/*): JSON and files; nothing in them may run or be framed: default-src 'none'.
 * - The GraphQL playground (dev only, /api/graphql-playground) loads its UI from the jsdelivr CDN.
 * Pure: no Payload import.
 */
import type { RequestHandler } from 'express'

import { originOf } from './origins'

export interface CspOptions {
  /** Development: 'unsafe-eval' and ws: for Next's dev server. */
  dev: boolean
  /** Extra image/media sources (S3 endpoint origin, CDN). */
  mediaOrigins?: string[]
  /** Frontend origin framed by the admin's live preview (PREVIEW_URL). */
  previewOrigin?: string | null
}

const serialize = (directives: Record<string, string[]>): string =>
  Object.entries(directives)
    .map(([name, values]) => (values.length ? `${name} ${values.join(' ')}` : name))
    .join('; ')

/** The policy for the admin panel and every non-API page. */
export function sitePolicy(opts: CspOptions): string {
  const media = [...new Set((opts.mediaOrigins ?? []).filter(Boolean))]
  return serialize({
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...media],
    'media-src': ["'self'", 'blob:', ...media],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(opts.dev ? ['ws:', 'wss:'] : [])],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'self'", ...(opts.previewOrigin ? [opts.previewOrigin] : [])],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  })
}

/** API responses: nothing runs, nothing loads, never framed. */
export const API_POLICY = serialize({
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
})

/** The GraphQL playground page (served only where Payload enables it: not in production). */
export const PLAYGROUND_POLICY = serialize({
  'default-src': ["'self'"],
  'script-src': ["'self'", "'unsafe-inline'", 'https://cdn.jsdelivr.net'],
  'style-src': ["'self'", "'unsafe-inline'", 'https://cdn.jsdelivr.net', 'https://fonts.googleapis.com'],
  'font-src': ["'self'", 'data:', 'https://fonts.gstatic.com', 'https://cdn.jsdelivr.net'],
  'img-src': ["'self'", 'data:', 'https://cdn.jsdelivr.net'],
  'connect-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
})

/** S3 media origins for the CSP: the custom endpoint's origin, or the AWS virtual-hosted bucket origin. */
export function s3Origins(s3: { bucket: string; endpoint?: string; region: string; forcePathStyle: boolean } | null): string[] {
  if (!s3) return []
  if (s3.endpoint) {
    const origin = originOf(s3.endpoint)
    if (!origin) return []
    if (s3.forcePathStyle) return [origin]
    const u = new URL(origin)
    return [origin, `${u.protocol}//${s3.bucket}.${u.host}`]
  }
  return [`https://${s3.bucket}.s3.${s3.region}.amazonaws.com`, `https://s3.${s3.region}.amazonaws.com`]
}

/** Sets Content-Security-Policy (and X-Frame-Options: DENY, via helmet's frameguard) by path. */
export function contentSecurityPolicy(opts: CspOptions & { apiRoute?: string }): RequestHandler {
  const site = sitePolicy(opts)
  const api = `${opts.apiRoute ?? '/api'}`.toLowerCase()
  return (req, res, next) => {
    const path = req.path.toLowerCase()
    const isApi = path === api || path.startsWith(`${api}/`)
    const policy = !isApi ? site : path.startsWith(`${api}/graphql-playground`) ? PLAYGROUND_POLICY : API_POLICY
    res.setHeader('Content-Security-Policy', policy)
    next()
  }
}
