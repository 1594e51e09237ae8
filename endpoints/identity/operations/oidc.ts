/**
 * Social sign-in with OpenID Connect (openid-client): authorization code flow with PKCE (S256), state and
 * nonce. `start` keeps the verifier, state and nonce in a short-lived signed, HTTP-only cookie and redirects to
 * the provider; `callback` exchanges the code (the library checks state, PKCE, the ID token's signature, issuer,
 * audience and nonce), reads the userinfo, then signs in / links / creates per src/domain/identity/oidc.ts and
 * issues the Payload session and JWT exactly as a password login does (session row, `sid` in the token,
 * `beforeLogin`/`afterLogin` hooks, the `payload-token` cookie).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

import type * as Oidc from 'openid-client'
import { getFieldsToSign, jwtSign, type PayloadRequest } from 'payload'
import { addSessionToUser, generatePayloadCookie } from 'payload/shared'

import type { User } from '@payload-types'
import { withTransaction } from '@/db/transaction'
import { claimTrue, planOidcSignIn, safeReturnPath } from '@/domain/identity/oidc'
import { env } from '@/lib/env'
import { badRequest, HttpError, notFound } from '@/lib/http'

const COOKIE = 'autohub-oidc'
const FLOW_TTL_MS = 10 * 60_000

type ProviderEnv = ReturnType<typeof env.oidcProviders.slice>[number]

/** The configured providers (public: name and label only), for the admin panel's buttons. */
export const oidcProviderList = () => env.oidcProviders.map((p) => ({ name: p.name, label: p.label, startUrl: `/api/auth/oidc/${p.name}/start` }))

function providerNamed(name: string | undefined): ProviderEnv {
  const p = env.oidcProviders.find((x) => x.name === name)
  if (!p) throw notFound('Unknown sign-in provider.')
  return p
}

const redirectUri = (p: ProviderEnv) => `${env.serverUrl.replace(/\/$/, '')}/api/auth/oidc/${p.name}/callback`

const isLoopback = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)

const discovered = new Map<string, Promise<Oidc.Configuration>>()

/** Discovery once per (issuer, client): the provider's metadata and keys. Plain http only for loopback issuers. */
function configurationOf(p: ProviderEnv): Promise<Oidc.Configuration> {
  const key = `${p.issuer}|${p.clientId}|${p.clientSecret}`
  let found = discovered.get(key)
  if (!found) {
    const issuer = new URL(p.issuer)
    const insecure = issuer.protocol === 'http:' && isLoopback(issuer) && !env.isProduction
    found = import('openid-client').then((oidc) => oidc.discovery(issuer, p.clientId, p.clientSecret || undefined, undefined, insecure ? { execute: [oidc.allowInsecureRequests] } : undefined))
    found.catch(() => discovered.delete(key))
    discovered.set(key, found)
  }
  return found
}

interface FlowState {
  provider: string
  state: string
  nonce: string
  verifier: string
  returnTo: string
  response: 'redirect' | 'json'
  exp: number
}

const sign = (data: string) => createHmac('sha256', env.payloadSecret).update(`oidc:${data}`).digest('base64url')

function sealFlow(flow: FlowState): string {
  const data = Buffer.from(JSON.stringify(flow)).toString('base64url')
  return `${data}.${sign(data)}`
}

function openFlow(raw: string | undefined): FlowState | null {
  if (!raw) return null
  const [data, mac] = raw.split('.')
  if (!data || !mac) return null
  const expected = Buffer.from(sign(data))
  const given = Buffer.from(mac)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const flow = JSON.parse(Buffer.from(data, 'base64url').toString()) as FlowState
    return flow.exp > Date.now() ? flow : null
  } catch {
    return null
  }
}

function readCookie(req: PayloadRequest, name: string): string | undefined {
  const header = req.headers.get('cookie') ?? ''
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return decodeURIComponent(v.join('='))
  }
  return undefined
}

const flowCookie = (value: string, maxAgeSeconds: number) =>
  `${COOKIE}=${encodeURIComponent(value)}; Path=/api/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${env.serverUrl.startsWith('https:') ? '; Secure' : ''}`

/** `GET /api/auth/oidc/:provider/start?returnTo=/admin&response=json` → 302 to the provider. */
export async function startOidc(req: PayloadRequest, providerName: string | undefined, query: { returnTo?: string; response?: 'redirect' | 'json' }): Promise<Response> {
  const p = providerNamed(providerName)
  const config = await configurationOf(p).catch((err: Error) => {
    throw new HttpError(502, `The sign-in provider could not be reached: ${err.message}`)
  })
  const oidc = await import('openid-client') // loaded by the first sign-in through a provider, not at start-up
  const verifier = oidc.randomPKCECodeVerifier()
  const flow: FlowState = {
    provider: p.name,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier,
    returnTo: safeReturnPath(query.returnTo),
    response: query.response ?? 'redirect',
    exp: Date.now() + FLOW_TTL_MS,
  }
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(p),
    scope: p.scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  })
  return new Response(null, { status: 302, headers: { Location: url.href, 'Set-Cookie': flowCookie(sealFlow(flow), FLOW_TTL_MS / 1000), 'Cache-Control': 'no-store' } })
}

interface Identity {
  subject: string
  email: string | null
  emailVerified: boolean
  firstName?: string
  lastName?: string
}

/** `GET /api/auth/oidc/:provider/callback?code&state` → the session (cookie + redirect, or JSON). */
export async function finishOidc(req: PayloadRequest, providerName: string | undefined): Promise<Response> {
  const p = providerNamed(providerName)
  const flow = openFlow(readCookie(req, COOKIE))
  if (!flow || flow.provider !== p.name) throw badRequest('The sign-in attempt has expired or was not started here. Start again.', { reason: 'no_flow' })
  const incoming = new URL(req.url ?? 'http://localhost/')
  if (incoming.searchParams.get('error'))
    throw badRequest(`The provider refused the sign-in: ${incoming.searchParams.get('error_description') ?? incoming.searchParams.get('error')}`, { reason: 'provider_error' })
  const callbackUrl = new URL(redirectUri(p))
  callbackUrl.search = incoming.search
  const config = await configurationOf(p)
  const oidc = await import('openid-client')
  let identity: Identity
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true })
    const claims = tokens.claims()
    if (!claims) throw new Error('no ID token')
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)
    const all = { ...claims, ...info } as Record<string, unknown>
    identity = {
      subject: String(claims.sub),
      email: typeof all.email === 'string' ? all.email.trim().toLowerCase() : null,
      emailVerified: claimTrue(all.email_verified),
      firstName: typeof all.given_name === 'string' ? all.given_name.slice(0, 80) : undefined,
      lastName: typeof all.family_name === 'string' ? all.family_name.slice(0, 80) : undefined,
    }
  } catch (err) {
    // The provider's OAuth error (invalid_grant: a bad code or PKCE verifier…) or the library's check (state, nonce, signature).
    const e = err as Error & { error?: string; error_description?: string }
    const message = e.error ? `${e.error}${e.error_description ? ` (${e.error_description})` : ''}` : e.message
    throw badRequest(`The sign-in could not be completed: ${message}`, { reason: 'exchange_failed' })
  }
  const user = await signInIdentity(req, p.name, identity)
  return issueSession(req, user, flow)
}

/** Finds, links or creates the account for the identity (one transaction). */
async function signInIdentity(req: PayloadRequest, provider: string, id: Identity): Promise<User> {
  return withTransaction(req, async () => {
    const { payload } = req
    const linked = await payload.find({
      collection: 'users',
      where: { and: [{ 'identities.provider': { equals: provider } }, { 'identities.subject': { equals: id.subject } }] },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const byEmail = id.email ? await payload.find({ collection: 'users', where: { email: { equals: id.email } }, limit: 1, depth: 0, overrideAccess: true, req }) : null
    const linkedUser = linked.docs.find((u) => u.identities?.some((i) => i.provider === provider && i.subject === id.subject)) ?? null
    const plan = planOidcSignIn({ linkedUserId: linkedUser?.id ?? null, emailUserId: byEmail?.docs[0]?.id ?? null, email: id.email, emailVerified: id.emailVerified })
    const entry = { provider, subject: id.subject, email: id.email, linkedAt: new Date().toISOString() }
    if (plan.kind === 'refuse') throw new HttpError(plan.status, plan.message, { reason: plan.status === 409 ? 'email_not_verified' : 'no_email' })
    if (plan.kind === 'sign_in') return linkedUser!
    if (plan.kind === 'link') {
      const existing = byEmail!.docs[0]
      return payload.update({
        collection: 'users',
        id: existing.id,
        req,
        overrideAccess: true,
        depth: 0,
        context: { oidcLink: true },
        data: { identities: [...(existing.identities ?? []).map(({ provider: pr, subject, email, linkedAt }) => ({ provider: pr, subject, email, linkedAt })), entry] },
      })
    }
    return payload.create({
      collection: 'users',
      req,
      overrideAccess: true,
      depth: 0,
      disableVerificationEmail: true,
      context: { oidcLink: true },
      data: {
        email: plan.email,
        password: randomBytes(32).toString('base64url'),
        roles: ['buyer'],
        firstName: id.firstName,
        lastName: id.lastName,
        _verified: plan.emailVerified,
        identities: [entry],
      },
    })
  })
}

/** The Payload session and JWT, as `POST /api/users/login` issues them (hooks included). */
async function issueSession(req: PayloadRequest, found: User, flow: FlowState): Promise<Response> {
  const { payload } = req
  const collection = payload.collections.users
  const collectionConfig = collection.config
  let user = { ...found, collection: 'users' as const, _strategy: 'oidc' } as User & { collection: 'users'; _strategy: string }
  const token = await withTransaction(req, async () => {
    for (const hook of collectionConfig.hooks?.beforeLogin ?? []) user = ((await hook({ collection: collectionConfig, context: req.context, req, user })) as typeof user) || user
    const { sid } = await addSessionToUser({ collectionConfig, payload, req, user })
    const fieldsToSign = getFieldsToSign({ collectionConfig, email: user.email, user, ...(sid ? { sid } : {}) })
    const { token } = await jwtSign({ fieldsToSign, secret: payload.secret, tokenExpiration: collectionConfig.auth.tokenExpiration })
    req.user = user
    for (const hook of collectionConfig.hooks?.afterLogin ?? []) user = ((await hook({ collection: collectionConfig, context: req.context, req, token, user })) as typeof user) || user
    return token
  })
  const cookie = generatePayloadCookie({ collectionAuthConfig: collectionConfig.auth, cookiePrefix: payload.config.cookiePrefix, token })
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  headers.append('Set-Cookie', cookie)
  headers.append('Set-Cookie', flowCookie('', 0))
  if (flow.response === 'json') {
    headers.set('Content-Type', 'application/json')
    return new Response(JSON.stringify({ token, user: { id: user.id, email: user.email, roles: user.roles } }), { status: 200, headers })
  }
  headers.set('Location', flow.returnTo)
  return new Response(null, { status: 302, headers })
}
