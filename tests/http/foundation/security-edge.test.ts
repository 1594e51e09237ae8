/**
 * The HTTP edge against the real express server (issue 15, items 5, 9, 13 and CORS):
 * - auth rate limits on every REST and GraphQL auth entry point, per IP and per account, X-Forwarded-For only
 *   behind TRUST_PROXY;
 * - Content-Security-Policy / X-Frame-Options on API and site responses;
 * - CSRF: a Payload auth cookie is honoured only from a trusted Origin;
 * - CORS: any loopback origin outside production, only CORS_ORIGINS in production, never `*` with credentials;
 * - the loan calculator's exact half-up tie over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../../../src/server'
import { testPayload } from '../../helpers/payload'
import { http, startTestServer } from '../../helpers/server'
import { createUser, type TestUser } from '../../helpers/users'

const LIMIT = 3
let limited: RunningServer // rate limit 3/min, TRUST_PROXY=loopback (each test speaks from its own X-Forwarded-For address)
let direct: RunningServer // rate limit 3/min, no proxy trusted
let open: RunningServer // rate limit 0 (disabled)
let prod: RunningServer // production origin policy with CORS_ORIGINS=https://app.example
let wildcard: RunningServer // production, CORS_ORIGINS=*

let ipCounter = 0
/** A fresh client address (TEST-NET-2) per call, so each test has its own IP budget on `limited`. */
const freshIp = () => `198.51.100.${++ipCounter}`
let emailCounter = 0
const freshEmail = () => `edge-${process.pid}-${++emailCounter}@test.local`

const gql = (server: RunningServer, body: unknown, headers: Record<string, string> = {}) => http(server.url, 'POST', '/api/graphql', { body, headers })

beforeAll(async () => {
  await testPayload()
  const base = { realtime: false, rateLimitApi: 0 } as const
  limited = await startTestServer({ ...base, rateLimitAuth: LIMIT, trustProxy: 'loopback', dev: false })
  direct = await startTestServer({ ...base, rateLimitAuth: LIMIT })
  open = await startTestServer({ ...base, rateLimitAuth: 0 })
  prod = await startTestServer({ ...base, production: true, corsOrigins: ['https://app.example'], dev: false })
  wildcard = await startTestServer({ ...base, production: true, corsOrigins: ['*'], dev: false })
})

afterAll(async () => {
  for (const s of [limited, direct, open, prod, wildcard]) await s?.close()
})

/** Sends `make(i)` sequentially `n` times; returns the statuses. */
async function statuses(n: number, make: (i: number) => Promise<{ status: number }>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push((await make(i)).status)
  return out
}

describe('auth rate limit: every REST entry point, per IP', () => {
  const entryPoints: [string, string, (i: number) => unknown][] = [
    ['login', '/api/users/login', () => ({ email: freshEmail(), password: 'wrong-password' })],
    ['sign-up', '/api/users', () => ({ email: freshEmail(), password: 'password123' })],
    ['forgot-password', '/api/users/forgot-password', () => ({ email: freshEmail() })],
    ['reset-password', '/api/users/reset-password', () => ({ token: 'not-a-token', password: 'password123' })],
    ['verify', '/api/users/verify/not-a-token', () => ({})],
    ['refresh-token', '/api/users/refresh-token', () => ({})],
    ['unlock', '/api/users/unlock', () => ({ email: freshEmail() })],
  ]

  it.each(entryPoints)(`%s: ${LIMIT} attempts pass, the next is 429 in Payload’s error shape`, async (_name, path, body) => {
    const ip = freshIp()
    const results: { status: number; body: any; headers: Headers }[] = []
    for (let i = 0; i <= LIMIT; i++) results.push(await http(limited.url, 'POST', path, { body: body(i), headers: { 'X-Forwarded-For': ip } }))
    for (const r of results.slice(0, LIMIT)) {
      expect(r.status).not.toBe(429)
      expect(r.status).toBeLessThan(500)
    }
    const last = results[LIMIT]
    expect(last.status).toBe(429)
    expect(last.body.errors[0].message).toMatch(/too many attempts/i)
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(last.headers.get('ratelimit')).toMatch(/limit=3, remaining=0/)
  })

  it('spelling the path differently (case, trailing slash, double slash) does not escape the count', async () => {
    const ip = freshIp()
    const paths = ['/api/users/login', '/api/users/login/', '/api//users/login', '/api/USERS/Login']
    const codes = await statuses(paths.length, (i) => http(limited.url, 'POST', paths[i], { body: { email: freshEmail(), password: 'x' }, headers: { 'X-Forwarded-For': ip } }))
    expect(codes.slice(0, LIMIT).every((c) => c !== 429)).toBe(true)
    expect(codes[LIMIT]).toBe(429)
  })

  it('the admin’s verify page counts too', async () => {
    const ip = freshIp()
    const codes = await statuses(LIMIT + 1, () => http(limited.url, 'GET', '/admin/users/verify/not-a-token', { headers: { 'X-Forwarded-For': ip } }))
    expect(codes[LIMIT]).toBe(429)
  })

  it('other API requests are not counted', async () => {
    const ip = freshIp()
    const codes = await statuses(LIMIT + 3, () => http(limited.url, 'GET', '/api/users/me', { headers: { 'X-Forwarded-For': ip } }))
    expect(codes.every((c) => c === 200)).toBe(true)
    const q = await statuses(LIMIT + 3, () => gql(limited, { query: '{ __typename }' }, { 'X-Forwarded-For': ip }))
    expect(q.every((c) => c === 200)).toBe(true)
  })
})

describe('auth rate limit: every GraphQL auth mutation, per IP', () => {
  const mutations: [string, () => { query: string; variables?: Record<string, unknown> }][] = [
    ['loginUser', () => ({ query: 'mutation ($e: String) { loginUser(email: $e, password: "wrong-password") { token } }', variables: { e: freshEmail() } })],
    ['createUser', () => ({ query: `mutation { createUser(data: { email: "${freshEmail()}", password: "password123" }) { id } }` })],
    ['forgotPasswordUser', () => ({ query: `mutation { forgotPasswordUser(email: "${freshEmail()}") }` })],
    ['resetPasswordUser', () => ({ query: 'mutation { resetPasswordUser(token: "not-a-token", password: "password123") { token } }' })],
    ['verifyEmailUser', () => ({ query: 'mutation { verifyEmailUser(token: "not-a-token") }' })],
    ['refreshTokenUser', () => ({ query: 'mutation { refreshTokenUser { refreshedToken } }' })],
    ['unlockUser', () => ({ query: `mutation { unlockUser(email: "${freshEmail()}") }` })],
  ]

  it.each(mutations)(`%s: ${LIMIT} attempts reach GraphQL, the next is 429`, async (_name, body) => {
    const ip = freshIp()
    const results: { status: number; body: any }[] = []
    for (let i = 0; i <= LIMIT; i++) results.push(await gql(limited, body(), { 'X-Forwarded-For': ip }))
    for (const r of results.slice(0, LIMIT)) {
      expect(r.status).toBe(200)
      // the mutation really ran (a result or a GraphQL error from its resolver, not a refusal before it)
      expect(r.body.data ?? r.body.errors).toBeTruthy()
    }
    expect(results[LIMIT].status).toBe(429)
    expect(results[LIMIT].body.errors[0].message).toMatch(/too many attempts/i)
  })

  it('14 loginUser mutations in a burst: only the first 3 go through (the issue’s report)', async () => {
    const ip = freshIp()
    const u = await createUser({ login: false })
    const results = await Promise.all(
      Array.from({ length: 14 }, () => gql(limited, { query: `mutation { loginUser(email: "${u.email}", password: "wrong-password") { token } }` }, { 'X-Forwarded-For': ip })),
    )
    expect(results.filter((r) => r.status === 429)).toHaveLength(14 - LIMIT)
  })

  it('aliases count once per field: 2 + 2 logins in two requests reach the limit', async () => {
    const ip = freshIp()
    const two = () => ({ query: `mutation { a: loginUser(email: "${freshEmail()}", password: "x") { token } b: loginUser(email: "${freshEmail()}", password: "x") { token } }` })
    expect((await gql(limited, two(), { 'X-Forwarded-For': ip })).status).toBe(200)
    expect((await gql(limited, two(), { 'X-Forwarded-For': ip })).status).toBe(429)
  })

  it('a batched (array) body counts each operation', async () => {
    const ip = freshIp()
    const batch = Array.from({ length: LIMIT + 1 }, () => ({ query: `mutation { loginUser(email: "${freshEmail()}", password: "x") { token } }` }))
    const res = await gql(limited, batch, { 'X-Forwarded-For': ip })
    expect(res.status).toBe(429)
    expect(res.body.errors[0].message).toMatch(/too many attempts/i)
  })

  it('fragments on Mutation do not hide a login', async () => {
    const ip = freshIp()
    const query = `mutation { ...L ... on Mutation { b: loginUser(email: "${freshEmail()}", password: "x") { token } } }
      fragment L on Mutation { a: loginUser(email: "${freshEmail()}", password: "x") { token } c: loginUser(email: "${freshEmail()}", password: "x") { token } d: loginUser(email: "${freshEmail()}", password: "x") { token } }`
    expect((await gql(limited, { query }, { 'X-Forwarded-For': ip })).status).toBe(429)
  })

  it('malformed bodies never crash the server: 4xx, never 500', async () => {
    const ip = freshIp()
    const bodies: [string, string][] = [
      ['{"query": "mutation { loginUser(", "variables": 5}', 'application/json'],
      ['[1, null, "x", {"query": 7}, {"query": "mutation { loginUser }", "variables": "{not json"}]', 'application/json'],
      ['{"query": "mutation ($e: String) { loginUser(email: $e) { token } }", "variables": {"e": {"nested": true}}}', 'application/json'],
      ['mutation { loginUser(email: "a@b.c", password: "x") { token } }', 'application/graphql'],
      ['\u0000\u0001garbage', 'text/plain'],
    ]
    for (const [raw, type] of bodies) {
      const res = await http(limited.url, 'POST', '/api/graphql', { raw, headers: { 'Content-Type': type, 'X-Forwarded-For': ip } })
      expect(res.status, raw).toBeGreaterThanOrEqual(200)
      expect(res.status, raw).toBeLessThan(500)
    }
  })
})

describe('auth rate limit: per account', () => {
  it('rotating IPs against one account runs out (REST and GraphQL, email case and spaces normalized)', async () => {
    const u = await createUser({ login: false })
    const variants = [u.email, u.email.toUpperCase(), `  ${u.email} `]
    const codes: number[] = []
    codes.push((await http(limited.url, 'POST', '/api/users/login', { body: { email: variants[0], password: 'wrong' }, headers: { 'X-Forwarded-For': freshIp() } })).status)
    codes.push((await gql(limited, { query: 'mutation ($e: String) { loginUser(email: $e, password: "wrong") { token } }', variables: { e: variants[1] } }, { 'X-Forwarded-For': freshIp() })).status)
    codes.push((await http(limited.url, 'POST', '/api/users/forgot-password', { body: { email: variants[2] }, headers: { 'X-Forwarded-For': freshIp() } })).status)
    // a fourth address, the right password: the account's budget is spent
    const fourth = await http(limited.url, 'POST', '/api/users/login', { body: { email: u.email, password: u.password }, headers: { 'X-Forwarded-For': freshIp() } })
    expect(codes.every((c) => c !== 429)).toBe(true)
    expect(fourth.status).toBe(429)
    // another account from yet another address is unaffected
    const other = await createUser({ login: false })
    const ok = await http(limited.url, 'POST', '/api/users/login', { body: { email: other.email, password: other.password }, headers: { 'X-Forwarded-For': freshIp() } })
    expect(ok.status).toBe(200)
  })

  it('one IP against many accounts runs out', async () => {
    const ip = freshIp()
    const codes = await statuses(LIMIT + 1, () => http(limited.url, 'POST', '/api/users/login', { body: { email: freshEmail(), password: 'x' }, headers: { 'X-Forwarded-For': ip } }))
    expect(codes[LIMIT]).toBe(429)
  })

  it('a multipart `_payload` body names the account as well', async () => {
    const u = await createUser({ login: false })
    const send = () => {
      const form = new FormData()
      form.set('_payload', JSON.stringify({ email: u.email, password: 'wrong' }))
      return http(limited.url, 'POST', '/api/users/login', { raw: form, headers: { 'X-Forwarded-For': freshIp() } })
    }
    const codes = await statuses(LIMIT + 1, send)
    expect(codes.slice(0, LIMIT).every((c) => c !== 429)).toBe(true)
    expect(codes[LIMIT]).toBe(429)
  })
})

describe('X-Forwarded-For and TRUST_PROXY', () => {
  it('without TRUST_PROXY a rotating X-Forwarded-For does not reset the budget, and is not recorded', async () => {
    const codes = await statuses(LIMIT + 1, () => http(direct.url, 'POST', '/api/users/login', { body: { email: freshEmail(), password: 'x' }, headers: { 'X-Forwarded-For': freshIp() } }))
    expect(codes.slice(0, LIMIT).every((c) => c !== 429)).toBe(true)
    expect(codes[LIMIT]).toBe(429)
  })

  it('behind a trusted proxy the forwarded address is the client (rate-limit key and login record)', async () => {
    const payload = await testPayload()
    const u = await createUser({ login: false })
    const ip = freshIp()
    const res = await http(limited.url, 'POST', '/api/users/login', { body: { email: u.email, password: u.password }, headers: { 'X-Forwarded-For': ip } })
    expect(res.status).toBe(200)
    const events = await payload.find({ collection: 'login-events', where: { user: { equals: u.id } }, overrideAccess: true })
    expect(events.docs[0].ip).toBe(ip)
    // …whereas the untrusted server records the socket address
    const v = await createUser({ login: false })
    await http(open.url, 'POST', '/api/users/login', { body: { email: v.email, password: v.password }, headers: { 'X-Forwarded-For': '203.0.113.9' } })
    const direct = await payload.find({ collection: 'login-events', where: { user: { equals: v.id } }, overrideAccess: true })
    expect(direct.docs[0].ip).toMatch(/127\.0\.0\.1/)
  })

  it('TRUST_PROXY is parsed into express’s trust proxy setting', async () => {
    const { env } = await import('../../../src/lib/env')
    const saved = process.env.TRUST_PROXY
    try {
      const cases: [string | undefined, unknown][] = [
        [undefined, false],
        ['', false],
        ['false', false],
        ['1', 1],
        ['2', 2],
        ['true', true],
        ['loopback, 10.0.0.0/8', 'loopback, 10.0.0.0/8'],
      ]
      for (const [raw, expected] of cases) {
        if (raw === undefined) delete process.env.TRUST_PROXY
        else process.env.TRUST_PROXY = raw
        expect(env.trustProxy).toEqual(expected)
      }
    } finally {
      if (saved === undefined) delete process.env.TRUST_PROXY
      else process.env.TRUST_PROXY = saved
    }
    expect(direct.app.get('trust proxy')).toBe(false)
    expect(limited.app.get('trust proxy')).toBe('loopback')
  })

  it('RATE_LIMIT_AUTH=0 disables the limit', async () => {
    const codes = await statuses(LIMIT * 3, () => http(open.url, 'POST', '/api/users/login', { body: { email: 'nobody@test.local', password: 'x' } }))
    expect(codes.every((c) => c !== 429)).toBe(true)
  })
})

describe('security headers', () => {
  it('API responses: nothing runs or frames (CSP default-src none, frame-ancestors none, X-Frame-Options DENY)', async () => {
    for (const path of ['/api/health', '/api/users?limit=1']) {
      const res = await http(limited.url, 'GET', path)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("default-src 'none'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
    const gqlRes = await gql(limited, { query: '{ __typename }' })
    expect(gqlRes.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  it('site pages (the admin) get a policy the admin works under; eval only in development', async () => {
    const prodSite = await http(limited.url, 'GET', '/')
    const csp = prodSite.headers.get('content-security-policy') ?? ''
    for (const directive of [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ])
      expect(csp).toContain(directive)
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toContain('ws:')
    // no third-party origin (a CDN): everything the panel loads comes from the server (src/http/editor-assets.ts)
    expect(csp).not.toMatch(/https?:/)
    expect(prodSite.headers.get('x-frame-options')).toBe('DENY')
    const devSite = await http(open.url, 'GET', '/') // dev (NODE_ENV is not production)
    const devCsp = devSite.headers.get('content-security-policy') ?? ''
    expect(devCsp).toMatch(/script-src [^;]*'unsafe-eval'/)
    expect(devCsp).toMatch(/connect-src 'self' ws:/)
    expect(devCsp).not.toMatch(/https?:/)
  })

  it('the S3 endpoint origin is an allowed image source when media live in S3', async () => {
    const { s3Origins, sitePolicy } = await import('../../../src/http/security-headers')
    const origins = s3Origins({ bucket: 'media', endpoint: 'http://127.0.0.1:4569/', region: 'us-east-1', forcePathStyle: true })
    expect(origins).toEqual(['http://127.0.0.1:4569'])
    expect(sitePolicy({ dev: false, mediaOrigins: origins })).toContain("img-src 'self' data: blob: http://127.0.0.1:4569")
    expect(s3Origins({ bucket: 'b', region: 'eu-west-1', forcePathStyle: false })).toContain('https://b.s3.eu-west-1.amazonaws.com')
    expect(s3Origins(null)).toEqual([])
  })
})

describe('CSRF: the auth cookie is honoured only from a trusted Origin', () => {
  let user: TestUser
  beforeAll(async () => {
    user = await createUser({ roles: ['buyer'] })
  })
  const cookie = () => ({ Cookie: `payload-token=${user.token}` })
  const rename = (server: RunningServer, origin: string | null, firstName: string) =>
    http(server.url, 'PATCH', `/api/users/${user.id}`, { body: { firstName }, headers: { ...cookie(), ...(origin ? { Origin: origin } : {}) } })
  const firstName = async () => (await (await testPayload()).findByID({ collection: 'users', id: user.id, overrideAccess: true })).firstName

  it('Payload’s csrf list is never empty and trusts neither a foreign origin nor `*`', async () => {
    const payload = await testPayload()
    expect(payload.config.csrf.length).toBeGreaterThan(0)
    expect(payload.config.csrf.includes('https://evil.example')).toBe(false)
    expect(payload.config.csrf.includes('*')).toBe(false)
    expect(payload.config.csrf.includes(limited.url)).toBe(true)
  })

  it('a cookie write from https://evil.example is refused; the same from the server’s origin works', async () => {
    const evil = await rename(limited, 'https://evil.example', 'Evil')
    expect([401, 403]).toContain(evil.status)
    expect(evil.body.errors[0].message).toBeTruthy()
    expect(await firstName()).not.toBe('Evil')

    const own = await rename(limited, limited.url, 'Own')
    expect(own.status).toBe(200)
    expect(await firstName()).toBe('Own')
  })

  it('reads and GraphQL: the cookie from a foreign origin is not a session', async () => {
    const me = await http(limited.url, 'GET', '/api/users/me', { headers: { ...cookie(), Origin: 'https://evil.example' } })
    expect(me.body.user).toBeNull()
    const gEvil = await gql(limited, { query: `mutation { updateUser(id: ${user.id}, data: { firstName: "EvilGql" }) { id } }` }, { ...cookie(), Origin: 'https://evil.example' })
    expect(gEvil.body.errors?.length).toBeGreaterThan(0)
    expect(await firstName()).not.toBe('EvilGql')
    const gOwn = await gql(limited, { query: '{ meUser { user { id } } }' }, { ...cookie(), Origin: limited.url })
    expect(gOwn.body.data.meUser.user.id).toBe(user.id)
  })

  it('a cookie without Origin is honoured only for a same-origin browser fetch (Sec-Fetch-Site), not a bare client', async () => {
    const bare = await http(limited.url, 'GET', '/api/users/me', { headers: cookie() })
    expect(bare.body.user).toBeNull()
    const sameOrigin = await http(limited.url, 'GET', '/api/users/me', { headers: { ...cookie(), 'Sec-Fetch-Site': 'same-origin' } })
    expect(sameOrigin.body.user.id).toBe(user.id)
    // a JWT header is unaffected by the Origin
    const jwt = await http(limited.url, 'GET', '/api/users/me', { token: user.token, headers: { Origin: 'https://evil.example' } })
    expect(jwt.body.user.id).toBe(user.id)
  })

  it('outside production a loopback dev frontend (any port) may use the cookie; in production only CORS_ORIGINS may', async () => {
    expect((await rename(limited, 'http://localhost:5173', 'DevFrontend')).status).toBe(200)
    expect(await firstName()).toBe('DevFrontend')

    const prodLoopback = await rename(prod, 'http://localhost:5173', 'ProdLoopback')
    expect([401, 403]).toContain(prodLoopback.status)
    expect(await firstName()).toBe('DevFrontend')
    const prodApp = await rename(prod, 'https://app.example', 'ProdApp')
    expect(prodApp.status).toBe(200)
    expect(await firstName()).toBe('ProdApp')
    expect((await rename(prod, prod.url, 'ProdOwn')).status).toBe(200)
    // `*` in CORS_ORIGINS never makes a foreign cookie a session
    expect([401, 403]).toContain((await rename(wildcard, 'https://evil.example', 'Wild')).status)
    expect(await firstName()).toBe('ProdOwn')
  })
})

describe('CORS', () => {
  const preflight = (server: RunningServer, origin: string) =>
    fetch(`${server.url}/api/users/me`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'content-type' } })
  const simple = (server: RunningServer, origin: string) => fetch(`${server.url}/api/health`, { headers: { Origin: origin } })

  it('development: any http://localhost:<port> or 127.0.0.1:<port> frontend works out of the box, with credentials', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:4200', 'http://localhost:3001']) {
      const pre = await preflight(limited, origin)
      expect(pre.status).toBeLessThan(300)
      expect(pre.headers.get('access-control-allow-origin')).toBe(origin)
      expect(pre.headers.get('access-control-allow-credentials')).toBe('true')
      expect(pre.headers.get('access-control-allow-methods')).toMatch(/PATCH/)
      expect((await simple(limited, origin)).headers.get('access-control-allow-origin')).toBe(origin)
    }
    for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'http://localhost:5173.evil.example', 'null']) {
      expect((await preflight(limited, origin)).headers.get('access-control-allow-origin')).toBeNull()
      expect((await simple(limited, origin)).headers.get('access-control-allow-origin')).toBeNull()
    }
  })

  it('production: only CORS_ORIGINS (and the server itself); loopback origins are not trusted', async () => {
    const app = await preflight(prod, 'https://app.example')
    expect(app.headers.get('access-control-allow-origin')).toBe('https://app.example')
    expect(app.headers.get('access-control-allow-credentials')).toBe('true')
    for (const origin of ['http://localhost:5173', 'https://evil.example']) {
      expect((await preflight(prod, origin)).headers.get('access-control-allow-origin')).toBeNull()
      expect((await simple(prod, origin)).headers.get('access-control-allow-origin')).toBeNull()
    }
  })

  it('CORS_ORIGINS=* allows any origin without credentials (never a wildcard with credentials)', async () => {
    const res = await simple(wildcard, 'https://anywhere.example')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
  })
})

describe('loan calculator: exact half-up over HTTP', () => {
  it('15,006 at 7 % for 1 month: payment, the one scheduled payment and the interest are 15,093.54 / 87.54', async () => {
    const res = await http(open.url, 'POST', '/api/loan-calculator', { body: { vehiclePrice: 15006, interestRate: 7, termMonths: 1 } })
    expect(res.status).toBe(200)
    expect(res.body.monthlyPayment).toBe(15093.54)
    expect(res.body.schedule).toEqual([{ month: 1, payment: 15093.54, principal: 15006, interest: 87.54, balance: 0 }])
    expect(res.body.totalInterest).toBe(87.54)
    expect(res.body.totalPaid).toBe(15093.54)
  })
})
