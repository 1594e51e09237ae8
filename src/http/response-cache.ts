/**
 * In-process micro-cache for anonymous public reads — what a CDN in front of the API would do, kept inside each
 * instance. A GET answered 200 with `Cache-Control: public, max-age=N` (the endpoint itself declares the body
 * shareable and N seconds of staleness acceptable: search suggestions, popular searches, feeds, sitemaps) is
 * kept for min(N, RESPONSE_CACHE_TTL) seconds and served to later anonymous requests for the same URL and
 * language. Never for requests with credentials (Authorization, cookies) or responses that set cookies.
 *
 * Invalidation: any successful write (POST/PUT/PATCH/DELETE) handled by this instance empties the cache at once;
 * writes on other instances are bounded by the TTL (default 5 s — far below the max-age the endpoints announce),
 * so the cache is correct across instances without coordination. RESPONSE_CACHE_TTL=0 disables it.
 * Measured: search suggestions at 100k listings (bench/RESULTS.md).
 */
export interface CachedResponse {
  status: number
  headers: [string, string][]
  body: Buffer
  expires: number
}

export interface ResponseCacheOptions {
  ttlSeconds: number
  maxEntries?: number
  now?: () => number
}

/** Seconds a response may be cached for, from its Cache-Control header (0: not cacheable). */
export function publicMaxAge(cacheControl: string | null | undefined): number {
  if (!cacheControl) return 0
  const directives = cacheControl
    .toLowerCase()
    .split(',')
    .map((d) => d.trim())
  if (!directives.includes('public') || directives.some((d) => d === 'private' || d === 'no-store' || d === 'no-cache')) return 0
  const maxAge = directives.map((d) => /^(?:s-maxage|max-age)=(\d+)$/.exec(d)).find(Boolean)
  return maxAge ? Number(maxAge[1]) : 0
}

export class ResponseCache {
  private entries = new Map<string, CachedResponse>()
  private readonly ttlMs: number
  private readonly maxEntries: number
  private readonly now: () => number
  hits = 0
  misses = 0

  constructor(opts: ResponseCacheOptions) {
    this.ttlMs = Math.max(0, opts.ttlSeconds) * 1000
    this.maxEntries = opts.maxEntries ?? 1000
    this.now = opts.now ?? Date.now
  }

  get enabled(): boolean {
    return this.ttlMs > 0
  }

  /** The cache key of a request, or null when the request must not be served from (or stored in) the cache. */
  keyOf(req: { method: string; url: string; headers: Record<string, string | string[] | undefined> }): string | null {
    if (!this.enabled || req.method !== 'GET') return null
    if (req.headers.authorization || req.headers.cookie || req.headers['x-cart-token']) return null
    return `${req.url}|${String(req.headers['accept-language'] ?? '')}`
  }

  get(key: string): CachedResponse | null {
    const hit = this.entries.get(key)
    if (!hit) {
      this.misses++
      return null
    }
    if (hit.expires <= this.now()) {
      this.entries.delete(key)
      this.misses++
      return null
    }
    this.hits++
    return hit
  }

  /** Stores a response if it is a 200 that declares itself public and sets no cookie. */
  store(key: string, status: number, headers: Headers, body: Buffer): void {
    if (status !== 200 || headers.has('set-cookie')) return
    const maxAge = publicMaxAge(headers.get('cache-control'))
    if (maxAge <= 0) return
    const expires = this.now() + Math.min(maxAge * 1000, this.ttlMs)
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string)
    const kept: [string, string][] = []
    headers.forEach((value, name) => kept.push([name, value]))
    this.entries.set(key, { status, headers: kept, body, expires })
  }

  /** Any write through this instance: drop everything. */
  clear(): void {
    this.entries.clear()
  }

  get size(): number {
    return this.entries.size
  }
}
