/**
 * Social sign-in with OpenID Connect (issue 21) against a real provider on loopback (`oidc-provider`):
 * authorization code flow with PKCE and state, end to end; a state mismatch and a code from another flow are
 * refused; an existing account is linked only when the provider says the email is verified; the session is
 * Payload's own (the JWT authenticates `/api/users/me`, a session row exists, the sign-in is recorded).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api, get } from '../../helpers/api'
import { followToCallback, type LoopbackOidc, startOidcProvider } from '../../helpers/oidc-provider'
import { testPayload } from '../../helpers/payload'
import { createUser } from '../../helpers/users'

const CALLBACK = 'http://localhost:3000/api/auth/oidc/loopback/callback'
let idp: LoopbackOidc
let seq = 0
const uniq = () => `${process.pid}-${++seq}-${Math.random().toString(36).slice(2, 6)}`

beforeAll(async () => {
  idp = await startOidcProvider([CALLBACK])
  process.env.SERVER_URL = 'http://localhost:3000'
  process.env.OIDC_PROVIDERS = 'loopback'
  process.env.OIDC_LOOPBACK_ISSUER = idp.issuer
  process.env.OIDC_LOOPBACK_CLIENT_ID = idp.clientId
  process.env.OIDC_LOOPBACK_CLIENT_SECRET = idp.clientSecret
  process.env.OIDC_LOOPBACK_LABEL = 'Loopback ID'
  await testPayload()
})
afterAll(async () => {
  await idp.close()
})

interface Flow {
  authorizeUrl: URL
  cookie: string
}

/** `GET /start` as a browser: the provider URL and the flow cookie. */
async function start(query = 'response=json'): Promise<Flow> {
  const res = await api('GET', `/auth/oidc/loopback/start?${query}`)
  expect(res.status).toBe(302)
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('autohub-oidc='))!
  expect(cookie).toContain('HttpOnly')
  return { authorizeUrl: new URL(res.headers.get('location')!), cookie: cookie.split(';')[0] }
}

/** The callback as the browser reaches it (with the flow cookie), in-process. */
const callback = (url: URL, cookie: string) => api('GET', `${url.pathname}${url.search}`, { headers: { cookie } })

async function signIn(account: Parameters<LoopbackOidc['nextLogin']>[0], query?: string) {
  const flow = await start(query)
  idp.nextLogin(account)
  const back = await followToCallback(flow.authorizeUrl.href, idp.issuer)
  return { flow, back, res: await callback(back, flow.cookie) }
}

describe('OpenID Connect sign-in', () => {
  it('lists the configured providers for the sign-in buttons', async () => {
    const res = await get('/auth/oidc/providers')
    expect(res.status).toBe(200)
    expect(res.body.providers).toEqual([{ name: 'loopback', label: 'Loopback ID', startUrl: '/api/auth/oidc/loopback/start' }])
  })

  it('first sign-in: code + PKCE against the provider, a new buyer account, a Payload session', async () => {
    const email = `oidc-new-${uniq()}@example.com`
    const { flow, back, res } = await signIn({ sub: `sub-${uniq()}`, email, email_verified: true, given_name: 'Nour', family_name: 'Said' })
    // The authorization request carries PKCE (S256), state and nonce; the callback gets code and the same state.
    const q = flow.authorizeUrl.searchParams
    expect(flow.authorizeUrl.origin).toBe(idp.issuer)
    expect(q.get('response_type')).toBe('code')
    expect(q.get('code_challenge_method')).toBe('S256')
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(q.get('redirect_uri')).toBe(CALLBACK)
    expect(back.searchParams.get('state')).toBe(q.get('state'))
    expect(back.searchParams.get('code')).toBeTruthy()
    // The token request sent the PKCE verifier matching the challenge.
    const tokenReq = idp.tokenRequests.at(-1)!
    expect(tokenReq.code).toBe(back.searchParams.get('code'))
    const { createHash } = await import('node:crypto')
    expect(createHash('sha256').update(tokenReq.code_verifier).digest('base64url')).toBe(q.get('code_challenge'))

    expect(res.status).toBe(200)
    expect(res.body.user).toMatchObject({ email, roles: ['buyer'] })
    expect(res.headers.getSetCookie().some((c) => c.startsWith('payload-token='))).toBe(true)
    const me = await get('/users/me', { token: res.body.token })
    expect(me.status).toBe(200)
    expect(me.body.user).toMatchObject({ id: res.body.user.id, email, firstName: 'Nour', lastName: 'Said' })
    const payload = await testPayload()
    const stored = await payload.findByID({ collection: 'users', id: res.body.user.id, overrideAccess: true, depth: 0 })
    expect(stored.identities?.map((i) => [i.provider, i.email])).toEqual([['loopback', email]])
    expect(stored._verified).toBe(true)
    expect(stored.sessions?.length).toBe(1)
    const events = await payload.find({ collection: 'login-events', where: { user: { equals: stored.id } }, overrideAccess: true })
    expect(events.totalDocs).toBe(1)
  })

  it('signs the same provider account in again to the same user', async () => {
    const sub = `sub-${uniq()}`
    const email = `oidc-again-${uniq()}@example.com`
    const first = await signIn({ sub, email, email_verified: true })
    const second = await signIn({ sub, email, email_verified: true })
    expect(second.res.status).toBe(200)
    expect(second.res.body.user.id).toBe(first.res.body.user.id)
  })

  it('redirect mode: the session cookie and a redirect to the same-site return path', async () => {
    const { res } = await signIn({ sub: `sub-${uniq()}`, email: `oidc-redirect-${uniq()}@example.com`, email_verified: true }, 'returnTo=%2Fadmin%2Fcollections%2Fcars')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/admin/collections/cars')
    const token = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('payload-token='))!
      .split(';')[0]
      .slice('payload-token='.length)
    expect((await get('/users/me', { token })).body.user).toBeTruthy()
    // Another origin is never a return path.
    const evil = await start('returnTo=https%3A%2F%2Fevil.example%2F')
    idp.nextLogin({ sub: `sub-${uniq()}`, email: `oidc-evil-${uniq()}@example.com`, email_verified: true })
    const back = await followToCallback(evil.authorizeUrl.href, idp.issuer)
    expect((await callback(back, evil.cookie)).headers.get('location')).toBe('/admin')
  })

  it('a state mismatch is refused and creates nothing', async () => {
    const email = `oidc-state-${uniq()}@example.com`
    const flow = await start()
    idp.nextLogin({ sub: `sub-${uniq()}`, email, email_verified: true })
    const back = await followToCallback(flow.authorizeUrl.href, idp.issuer)
    back.searchParams.set('state', 'forged-state-value')
    const res = await callback(back, flow.cookie)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.reason).toBe('exchange_failed')
    expect(res.headers.getSetCookie().some((c) => c.startsWith('payload-token='))).toBe(false)
    const payload = await testPayload()
    expect((await payload.count({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).totalDocs).toBe(0)
    // Without the flow cookie (a callback this browser did not start) it is refused too.
    const noCookie = await callback(back, '')
    expect(noCookie.status).toBe(400)
    expect(noCookie.body.errors[0].data.reason).toBe('no_flow')
  })

  it("a code issued for another flow's PKCE challenge is refused by the provider", async () => {
    const email = `oidc-pkce-${uniq()}@example.com`
    const a = await start()
    idp.nextLogin({ sub: `sub-${uniq()}`, email, email_verified: true })
    const backA = await followToCallback(a.authorizeUrl.href, idp.issuer)
    const b = await start()
    // Flow B's state with flow A's code: the state check passes, the verifier does not match A's challenge.
    const mixed = new URL(backA)
    mixed.searchParams.set('state', b.authorizeUrl.searchParams.get('state')!)
    const res = await callback(mixed, b.cookie)
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/invalid_grant|PKCE|code_verifier/i)
    const payload = await testPayload()
    expect((await payload.count({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('links to an existing account only when the provider says the email is verified', async () => {
    const existing = await createUser({ email: `oidc-link-${uniq()}@example.com` })
    const sub = `sub-${uniq()}`
    const unverified = await signIn({ sub, email: existing.email, email_verified: false })
    expect(unverified.res.status).toBe(409)
    expect(unverified.res.body.errors[0].data.reason).toBe('email_not_verified')
    const payload = await testPayload()
    let stored = await payload.findByID({ collection: 'users', id: existing.id, overrideAccess: true, depth: 0 })
    expect(stored.identities ?? []).toHaveLength(0)
    expect(await payload.count({ collection: 'users', where: { email: { equals: existing.email } }, overrideAccess: true })).toMatchObject({ totalDocs: 1 })

    const verified = await signIn({ sub, email: existing.email.toUpperCase(), email_verified: true })
    expect(verified.res.status).toBe(200)
    expect(verified.res.body.user.id).toBe(existing.id)
    stored = await payload.findByID({ collection: 'users', id: existing.id, overrideAccess: true, depth: 0 })
    expect(stored.identities?.map((i) => [i.provider, i.subject])).toEqual([['loopback', sub]])
    // The password still works, and the roles were not touched.
    expect(stored.roles).toEqual(['buyer'])
  })

  it('an unknown provider is 404; a user cannot write identities', async () => {
    expect((await api('GET', '/auth/oidc/nope/start')).status).toBe(404)
    const u = await createUser()
    const res = await api('PATCH', `/users/${u.id}`, { token: u.token, body: { identities: [{ provider: 'loopback', subject: 'victim' }] } })
    expect(res.status).toBe(200)
    const payload = await testPayload()
    const stored = await payload.findByID({ collection: 'users', id: u.id, overrideAccess: true, depth: 0 })
    expect(stored.identities ?? []).toHaveLength(0)
  })
})
