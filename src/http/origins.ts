/**
 * Which browser origins the API trusts — one policy for CORS (express), CSRF (Payload's `csrf` list and the
 * express guard in front of it) and the socket.io handshake.
 *
 * - The server's own origin (SERVER_URL, http://localhost:PORT, http://127.0.0.1:PORT, the URL it listens on).
 * - CORS_ORIGINS (comma-separated exact origins). `*` there means "any origin, without credentials": it is
 *   never a credentialed CORS origin and never a CSRF origin.
 * - Outside production only: any loopback origin, http(s)://localhost:<port>, 127.0.0.1:<port>, [::1]:<port>,
 *   so `npm run dev` works with a frontend dev server on any port out of the box.
 * Pure: no Payload import.
 */

export interface OriginPolicyOptions {
  /** Production: loopback origins are not trusted unless listed. */
  production: boolean
  /** The server's own origins (SERVER_URL, localhost:PORT…). */
  ownOrigins: string[]
  /** CORS_ORIGINS. */
  corsOrigins: string[]
}

const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i

/** `http://localhost:5173`, `http://127.0.0.1:3000`, `http://[::1]:8080` (no path, no credentials). */
export const isLoopbackOrigin = (origin: string): boolean => LOOPBACK.test(origin)

/** The origin (scheme://host[:port]) of a URL, or null when it is not an absolute http(s) URL. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null
  } catch {
    return null
  }
}

/** Normalizes a configured origin list: trims, drops trailing slashes and paths, keeps `*` as is. */
export function parseOrigins(list: string[]): string[] {
  const out = new Set<string>()
  for (const raw of list) {
    const item = raw.trim()
    if (!item) continue
    if (item === '*') out.add('*')
    else {
      const origin = originOf(item)
      if (origin) out.add(origin)
    }
  }
  return [...out]
}

/** The server's own origins for SERVER_URL and PORT (plus the listening URL when given). */
export function ownOrigins(serverUrl: string, port: number, listeningUrl?: string): string[] {
  const own = [originOf(serverUrl), `http://localhost:${port}`, `http://127.0.0.1:${port}`, listeningUrl ? originOf(listeningUrl) : null]
  return [...new Set(own.filter((o): o is string => Boolean(o)))]
}

/** True when `origin` may send credentialed (cookie) requests: CORS with credentials, and CSRF. */
export function isTrustedOrigin(origin: string | null | undefined, opts: OriginPolicyOptions): boolean {
  if (!origin || origin === 'null') return false
  // An Origin header is exactly scheme://host[:port]; anything else (paths, userinfo, odd casing) is refused.
  if (originOf(origin) !== origin) return false
  if (opts.ownOrigins.includes(origin)) return true
  if (opts.corsOrigins.includes(origin)) return true
  return !opts.production && isLoopbackOrigin(origin)
}

/** CORS_ORIGINS contains `*`: any origin may read public responses, without credentials. */
export const allowsAnyOrigin = (opts: OriginPolicyOptions): boolean => opts.corsOrigins.includes('*')

/**
 * Payload's `csrf` option is an array Payload tests with `.includes(origin)` (and `.length`); this list keeps
 * the static origins as its elements and answers `includes` with the whole policy, so loopback dev origins on
 * any port are accepted outside production. It serializes as the plain list.
 */
export class TrustedOriginList extends Array<string> {
  private policy!: OriginPolicyOptions

  static create(opts: OriginPolicyOptions): TrustedOriginList {
    const list = new TrustedOriginList()
    Object.defineProperty(list, 'policy', { value: { ...opts, corsOrigins: opts.corsOrigins.filter((o) => o !== '*') }, enumerable: false })
    list.push(...new Set([...opts.ownOrigins, ...opts.corsOrigins.filter((o) => o !== '*')]))
    return list
  }

  // Array methods that build new arrays (map, filter…) construct plain arrays, not this class.
  static get [Symbol.species]() {
    return Array
  }

  override includes(origin: string): boolean {
    if (super.includes(origin)) return true
    return this.policy ? isTrustedOrigin(origin, { ...this.policy, ownOrigins: [...this] }) : false
  }
}
