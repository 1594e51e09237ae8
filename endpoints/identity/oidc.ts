/** Social sign-in (OpenID Connect) endpoints: the provider list, start, callback. */
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'
import { oneOf, optStr } from '@/http/fields'

import { finishOidc, oidcProviderList, startOidc } from './operations/oidc'

const providerParam = (params: unknown) => (params as { provider?: string } | undefined)?.provider

/** `GET /api/auth/oidc/providers` → `{ providers: [{ name, label, startUrl }] }`. */
export const oidcProvidersEndpoint = defineEndpoint({
  method: 'get',
  path: '/auth/oidc/providers',
  summary: 'The configured social sign-in providers (the admin panel shows one button each).',
  auth: 'public',
  run: () => ({ providers: oidcProviderList() }),
})

/** `GET /api/auth/oidc/:provider/start?returnTo&response` → 302 to the provider. */
export const oidcStartEndpoint = defineEndpoint({
  method: 'get',
  path: '/auth/oidc/:provider/start',
  summary: 'Starts the authorization code flow (PKCE S256, state, nonce) and redirects to the provider; `response=json` makes the callback answer `{ token, user }`.',
  auth: 'public',
  query: z.object({ returnTo: optStr('returnTo', { max: 500 }), response: z.preprocess((v) => (v === '' ? undefined : v), oneOf('response', ['redirect', 'json']).optional()) }),
  run: ({ req, query }) => startOidc(req, providerParam(req.routeParams), query),
})

/** `GET /api/auth/oidc/:provider/callback?code&state` → the session cookie and a redirect (or JSON). */
export const oidcCallbackEndpoint = defineEndpoint({
  method: 'get',
  path: '/auth/oidc/:provider/callback',
  summary: 'Completes the sign-in: checks state and PKCE, signs in, links (only to a provider-verified email) or creates a buyer, issues the Payload session.',
  auth: 'public',
  run: ({ req }) => finishOidc(req, providerParam(req.routeParams)),
})
