/**
 * A real OpenID Connect provider on loopback (the `oidc-provider` package): discovery, JWKS, authorization
 * endpoint with PKCE, token and userinfo endpoints. Its login/consent interaction signs in whatever account the
 * test set with `nextLogin(...)` (no HTML form), so a test drives the whole authorization code flow over HTTP.
 */
import http from 'node:http'

// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- the package ships no type declarations
import Provider from 'oidc-provider'

export interface OidcAccount {
  sub: string
  email?: string
  email_verified?: boolean
  given_name?: string
  family_name?: string
}

export interface LoopbackOidc {
  issuer: string
  clientId: string
  clientSecret: string
  /** The account the next authorization signs in. */
  nextLogin(account: OidcAccount): void
  /** Token-endpoint requests seen (form fields), to prove what the client sent. */
  tokenRequests: Record<string, string>[]
  close(): Promise<void>
}

export async function startOidcProvider(redirectUris: string[]): Promise<LoopbackOidc> {
  const accounts = new Map<string, OidcAccount>()
  let next: OidcAccount | null = null
  const tokenRequests: Record<string, string>[] = []
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  const issuer = `http://127.0.0.1:${port}`
  const clientId = 'autohub-test'
  const clientSecret = 'autohub-test-secret-0123456789abcdef'
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['given_name', 'family_name'] },
    scopes: ['openid', 'email', 'profile'],
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    cookies: { keys: ['loopback-oidc-cookie-key'] },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub)
      if (!account) return undefined
      return { accountId: sub, claims: async () => ({ ...account }) }
    },
  })
  provider.on('server_error', (_ctx: unknown, err: Error) => console.error('oidc-provider', err))
  const callback = provider.callback()
  server.on('request', async (req, res) => {
    try {
      if (req.url?.startsWith('/interaction/')) {
        const details = await provider.interactionDetails(req, res)
        if (!next) throw new Error('loopback OIDC: no account set with nextLogin()')
        const account = next
        accounts.set(account.sub, account)
        const grant = new provider.Grant({ accountId: account.sub, clientId: details.params.client_id })
        grant.addOIDCScope(String(details.params.scope))
        const grantId = await grant.save()
        await provider.interactionFinished(req, res, { login: { accountId: account.sub }, consent: { grantId } }, { mergeWithLastSubmission: false })
        return
      }
      if (req.url === '/token' && req.method === 'POST') {
        // Record the form, then hand the request on (the body is re-supplied to the provider).
        const chunks: Buffer[] = []
        for await (const c of req) chunks.push(c as Buffer)
        const raw = Buffer.concat(chunks)
        tokenRequests.push(Object.fromEntries(new URLSearchParams(raw.toString())))
        ;(req as unknown as { body: unknown }).body = Object.fromEntries(new URLSearchParams(raw.toString()))
      }
      callback(req, res)
    } catch (err) {
      res.writeHead(500).end(String((err as Error).message))
    }
  })
  return {
    issuer,
    clientId,
    clientSecret,
    nextLogin(account) {
      next = account
    },
    tokenRequests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * Follows a browser's redirects from `url` through the provider (keeping its cookies) until the redirect leaves
 * the provider; returns that final URL (the app's callback with `code` and `state`).
 */
export async function followToCallback(url: string, issuer: string): Promise<URL> {
  const jar = new Map<string, string>()
  let current = new URL(url)
  for (let hop = 0; hop < 10; hop++) {
    if (!current.href.startsWith(issuer)) return current
    const res = await fetch(current, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } })
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';')
      const i = pair.indexOf('=')
      jar.set(pair.slice(0, i), pair.slice(i + 1))
    }
    const location = res.headers.get('location')
    if (!location) throw new Error(`loopback OIDC: no redirect from ${current.href} (${res.status}: ${(await res.text()).slice(0, 300)})`)
    current = new URL(location, current)
  }
  throw new Error('loopback OIDC: too many redirects')
}
