/**
 * The auth rate limit: every entry point that signs in, signs up or spends a secret token, over REST and
 * GraphQL, counted per client IP AND per account, in one budget of RATE_LIMIT_AUTH attempts per minute each.
 *
 * REST (any auth collection, e.g. users): POST /api/users (sign-up), /login, /first-register, /forgot-password,
 * /reset-password, /verify/:token, /refresh-token, /unlock; GET /admin/users/verify/:token (the admin's
 * verification page). GraphQL: every `loginUser`, `createUser`, `forgotPasswordUser`, `resetPasswordUser`,
 * `verifyEmailUser`, `refreshTokenUser`, `unlockUser` field of every mutation in the body — aliases, fragments
 * and batched (array) bodies count once per field. A body that does not parse as GraphQL is scanned for those
 * names instead, so nothing the executor would run escapes the count.
 *
 * Keys: `ip:<client>` (req.ip, which honours express "trust proxy" = TRUST_PROXY only; IPv6 by /56 subnet) and
 * `account:<email|username, trimmed, lowercase>` from the body (JSON, or multipart `_payload`). Rotating IPs
 * against one account, or one IP against many accounts, both run out. Counters live in this process
 * (fixed one-minute windows); several instances each allow the limit.
 */
import type { Request, RequestHandler } from 'express'
import { ipKeyGenerator } from 'express-rate-limit'
import { type DocumentNode, Kind, parse, type SelectionSetNode, valueFromASTUntyped } from 'graphql'
import { formatNames, type SanitizedConfig, toWords } from 'payload'

import { errorBody } from './adapter'

export type AuthOperation = 'login' | 'signup' | 'first_register' | 'forgot_password' | 'reset_password' | 'verify' | 'refresh' | 'unlock'

export interface AuthAttempt {
  operation: AuthOperation
  /** The account the attempt targets (normalized email/username), when the request names one. */
  account?: string
}

export interface AuthCollection {
  slug: string
  /** GraphQL singular type name, e.g. `User`. */
  singularName: string
}

/** Auth collections of a Payload config with their GraphQL names (as @payloadcms/graphql derives them). */
export function authCollections(config: Pick<SanitizedConfig, 'collections'>): AuthCollection[] {
  return config.collections
    .filter((c) => Boolean(c.auth))
    .map((c) => {
      const graphQL = c.graphQL === false ? null : (c.graphQL ?? {})
      const singularName = graphQL?.singularName ? toWords(graphQL.singularName, true) : formatNames(c.slug).singular
      return { slug: c.slug, singularName }
    })
}

const normalizeAccount = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim().toLowerCase().slice(0, 320) : undefined)

const accountOf = (data: unknown): string | undefined => {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined
  const d = data as Record<string, unknown>
  return normalizeAccount(d.email) ?? normalizeAccount(d.username)
}

/** The request path, decoded, lowercased, without repeated or trailing slashes (over-matches on purpose). */
export function normalizePath(url: string): string {
  let pathname: string
  try {
    pathname = new URL(url, 'http://x').pathname
  } catch {
    pathname = url.split('?')[0]
  }
  try {
    pathname = decodeURIComponent(pathname)
  } catch {
    /* keep it encoded */
  }
  return (
    pathname
      .replace(/\/{2,}/g, '/')
      .replace(/\/+$/, '')
      .toLowerCase() || '/'
  )
}

const REST_OPERATIONS: [RegExp, AuthOperation][] = [
  [/^\/login$/, 'login'],
  [/^\/first-register$/, 'first_register'],
  [/^\/forgot-password$/, 'forgot_password'],
  [/^\/reset-password$/, 'reset_password'],
  [/^\/verify\/[^/]+$/, 'verify'],
  [/^\/refresh-token$/, 'refresh'],
  [/^\/unlock$/, 'unlock'],
]

/** The REST auth operation a request targets, or null. */
export function restOperation(method: string, path: string, slugs: string[], apiRoute = '/api', adminRoute = '/admin'): AuthOperation | null {
  const m = method.toUpperCase()
  const api = apiRoute.toLowerCase()
  const admin = adminRoute.toLowerCase()
  for (const slug of slugs.map((s) => s.toLowerCase())) {
    if (m === 'GET' && new RegExp(`^${escapeRe(admin)}/(collections/)?${escapeRe(slug)}/verify/[^/]+$`).test(path)) return 'verify'
    const base = `${api}/${slug}`
    if (path === base) return m === 'POST' ? 'signup' : null
    if (!path.startsWith(`${base}/`) || m === 'GET' || m === 'HEAD' || m === 'OPTIONS') continue
    const rest = path.slice(base.length)
    for (const [re, op] of REST_OPERATIONS) if (re.test(rest)) return op
  }
  return null
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The account named by a REST auth body: JSON `email`/`username`, or multipart `_payload` (as Payload reads it). */
export async function restAccount(body: unknown, contentType: string): Promise<string | undefined> {
  if (!Buffer.isBuffer(body) || !body.length) return undefined
  if (contentType.includes('multipart/')) {
    try {
      const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData()
      const raw = form.get('_payload')
      if (typeof raw === 'string') return accountOf(JSON.parse(raw))
      return normalizeAccount(form.get('email')) ?? normalizeAccount(form.get('username'))
    } catch {
      return undefined
    }
  }
  try {
    return accountOf(JSON.parse(body.toString('utf8')))
  } catch {
    return undefined
  }
}

/** GraphQL mutation field name → auth operation, for the given auth collections. */
export function graphqlAuthFields(collections: AuthCollection[]): Map<string, AuthOperation> {
  const fields = new Map<string, AuthOperation>()
  for (const { singularName: n } of collections) {
    fields.set(`login${n}`, 'login')
    fields.set(`create${n}`, 'signup')
    fields.set(`forgotPassword${n}`, 'forgot_password')
    fields.set(`resetPassword${n}`, 'reset_password')
    fields.set(`verifyEmail${n}`, 'verify')
    fields.set(`refreshToken${n}`, 'refresh')
    fields.set(`unlock${n}`, 'unlock')
  }
  return fields
}

const MAX_OPERATIONS_SCANNED = 1000

/**
 * Auth attempts in a GraphQL POST body (a JSON object or a batch array of them). Never throws: a body that
 * is not JSON has no operation the server would run; a query that does not parse is scanned by name.
 */
export function graphqlAttempts(body: unknown, fields: Map<string, AuthOperation>): AuthAttempt[] {
  let text: string
  if (Buffer.isBuffer(body)) text = body.toString('utf8')
  else if (typeof body === 'string') text = body
  else return []
  if (!text.trim()) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    // Not JSON: the GraphQL handler refuses it; still count any auth field named in it.
    return scanByName(text, fields)
  }
  const requests = (Array.isArray(parsed) ? parsed : [parsed]).slice(0, MAX_OPERATIONS_SCANNED)
  const attempts: AuthAttempt[] = []
  for (const request of requests) {
    if (!request || typeof request !== 'object') continue
    const { query, variables: rawVariables } = request as { query?: unknown; variables?: unknown }
    if (typeof query !== 'string') continue
    let variables: Record<string, unknown> = {}
    if (rawVariables && typeof rawVariables === 'object' && !Array.isArray(rawVariables)) variables = rawVariables as Record<string, unknown>
    else if (typeof rawVariables === 'string') {
      try {
        const v = JSON.parse(rawVariables)
        if (v && typeof v === 'object' && !Array.isArray(v)) variables = v
      } catch {
        /* the handler refuses it */
      }
    }
    let document: DocumentNode
    try {
      document = parse(query)
    } catch {
      attempts.push(...scanByName(query, fields))
      continue
    }
    attempts.push(...documentAttempts(document, variables, fields))
  }
  return attempts
}

function scanByName(text: string, fields: Map<string, AuthOperation>): AuthAttempt[] {
  const attempts: AuthAttempt[] = []
  for (const match of text.matchAll(/[_A-Za-z][_0-9A-Za-z]*/g)) {
    const operation = fields.get(match[0])
    if (operation) attempts.push({ operation })
  }
  return attempts
}

function documentAttempts(document: DocumentNode, variables: Record<string, unknown>, fields: Map<string, AuthOperation>): AuthAttempt[] {
  const fragments = new Map<string, SelectionSetNode>()
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def.selectionSet)
  const attempts: AuthAttempt[] = []
  const visit = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const operation = fields.get(selection.name.value)
        if (!operation) continue
        let account: string | undefined
        for (const arg of selection.arguments ?? []) {
          if (arg.name.value !== 'email' && arg.name.value !== 'username' && arg.name.value !== 'data') continue
          let value: unknown
          try {
            value = valueFromASTUntyped(arg.value, variables)
          } catch {
            value = undefined
          }
          account ??= arg.name.value === 'data' ? accountOf(value) : normalizeAccount(value)
        }
        attempts.push(account ? { operation, account } : { operation })
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen)
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value
        const fragment = fragments.get(name)
        if (fragment && !seen.has(name)) visit(fragment, new Set([...seen, name]))
      }
    }
  }
  // Every mutation in the document (the executor runs the one named by operationName; counting all is safe).
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION && def.operation === 'mutation') visit(def.selectionSet, new Set())
  }
  return attempts
}

/** Fixed one-minute windows per key; expired keys are swept as the map grows. */
export class WindowCounter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>()
  private nextSweep = 0

  constructor(private readonly windowMs = 60_000) {}

  /** Adds `weight` to each key; returns the highest count and the latest reset among them. */
  hit(keys: Map<string, number>, now = Date.now()): { count: number; resetAt: number } {
    this.sweep(now)
    let count = 0
    let resetAt = now + this.windowMs
    for (const [key, weight] of keys) {
      let w = this.windows.get(key)
      if (!w || w.resetAt <= now) {
        w = { count: 0, resetAt: now + this.windowMs }
        this.windows.set(key, w)
      }
      w.count += weight
      if (w.count > count) {
        count = w.count
        resetAt = w.resetAt
      }
    }
    return { count, resetAt }
  }

  private sweep(now: number) {
    if (now < this.nextSweep) return
    this.nextSweep = now + this.windowMs
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key)
  }
}

export interface AuthRateLimitOptions {
  /** Attempts per minute per IP and per account; 0 (or less) disables. */
  perMinute: number
  config: Pick<SanitizedConfig, 'collections' | 'routes'>
  message?: string
}

/** The client key for an IP: IPv4 as is, IPv6 by /56 (one subscriber's addresses share a budget). */
export const ipKey = (ip: string | undefined): string => `ip:${ip ? ipKeyGenerator(ip, 56) : 'unknown'}`

/** Auth attempts a request makes (REST or GraphQL), with the account each names. */
export async function requestAttempts(
  req: Pick<Request, 'method' | 'originalUrl' | 'body' | 'headers'>,
  opts: { collections: AuthCollection[]; fields: Map<string, AuthOperation>; apiRoute: string; adminRoute: string },
): Promise<AuthAttempt[]> {
  const path = normalizePath(req.originalUrl)
  const method = req.method.toUpperCase()
  if (path === `${opts.apiRoute.toLowerCase()}/graphql`) return method === 'POST' ? graphqlAttempts(req.body, opts.fields) : []
  const operation = restOperation(
    method,
    path,
    opts.collections.map((c) => c.slug),
    opts.apiRoute,
    opts.adminRoute,
  )
  if (!operation) return []
  const account = await restAccount(req.body, String(req.headers['content-type'] ?? ''))
  return [account ? { operation, account } : { operation }]
}

/** express middleware: counts every auth attempt per IP and per account; over the limit → 429 in Payload's error shape. */
export function authRateLimit(opts: AuthRateLimitOptions): RequestHandler {
  const limit = opts.perMinute
  const collections = authCollections(opts.config)
  const fields = graphqlAuthFields(collections)
  const apiRoute = opts.config.routes?.api ?? '/api'
  const adminRoute = opts.config.routes?.admin ?? '/admin'
  const counter = new WindowCounter()
  const message = opts.message ?? 'Too many attempts. Try again in a minute.'
  return async (req, res, next) => {
    if (!(limit > 0)) return next()
    // Fast path for the hot reads: the only GET entry point is a verify link (possibly percent-encoded).
    if ((req.method === 'GET' || req.method === 'HEAD') && !/verify|%/i.test(req.originalUrl)) return next()
    if (req.method === 'OPTIONS') return next()
    try {
      const attempts = await requestAttempts(req, { collections, fields, apiRoute, adminRoute })
      if (!attempts.length) return next()
      const keys = new Map<string, number>([[ipKey(req.ip), attempts.length]])
      for (const a of attempts) if (a.account) keys.set(`account:${a.account}`, (keys.get(`account:${a.account}`) ?? 0) + 1)
      const now = Date.now()
      const { count, resetAt } = counter.hit(keys, now)
      const resetSeconds = Math.max(1, Math.ceil((resetAt - now) / 1000))
      res.setHeader('RateLimit-Policy', `${limit};w=60`)
      res.setHeader('RateLimit', `limit=${limit}, remaining=${Math.max(0, limit - count)}, reset=${resetSeconds}`)
      if (count > limit) {
        res.setHeader('Retry-After', String(resetSeconds))
        res.status(429).json(errorBody(message, { retryAfterSeconds: resetSeconds }))
        return
      }
      next()
    } catch (err) {
      next(err)
    }
  }
}
