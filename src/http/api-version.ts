/**
 * `/api/v1/…` serves the same API as `/api/…` (the negotiation app's paths, docs/source-systems.md): REST, GraphQL,
 * custom endpoints, health. The request is rewritten before every other middleware, so CORS, CSRF, rate limits,
 * body limits, the response cache and Payload see one API (`req.originalUrl` included: Payload routes on it).
 */
import type { NextFunction, Request, Response } from 'express'

export const API_VERSION_PREFIXES = ['v1'] as const

/** `/api/v1/x?y` → `/api/x?y` (null when `url` carries no version prefix). */
export function unversionedUrl(url: string, apiRoute = '/api'): string | null {
  for (const v of API_VERSION_PREFIXES) {
    const prefix = `${apiRoute}/${v}`
    if (url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`)) {
      const rest = url.slice(prefix.length)
      return `${apiRoute}${rest.startsWith('/') ? rest : `/${rest}`}`.replace(/\/\?/, '?')
    }
  }
  return null
}

export function apiVersionPrefix(apiRoute = '/api') {
  return (req: Request, _res: Response, next: NextFunction) => {
    const url = unversionedUrl(req.url, apiRoute)
    if (url !== null) {
      req.url = url
      req.originalUrl = url
    }
    next()
  }
}
