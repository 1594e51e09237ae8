/** Typed access to environment variables (documented in .env.example). */
import { availableParallelism } from 'node:os'

import { type OriginPolicyOptions, ownOrigins, parseOrigins, TrustedOriginList } from '../http/origins'

const str = (name: string, fallback = ''): string => process.env[name]?.trim() || fallback
const int = (name: string, fallback: number): number => {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const n = Number(raw)
  return Number.isFinite(n) ? n : fallback
}

export const env = {
  get isProduction() {
    return process.env.NODE_ENV === 'production'
  },
  get isTest() {
    return process.env.NODE_ENV === 'test' || Boolean(process.env.VITEST)
  },
  get databaseUrl() {
    return str('DATABASE_URL')
  },
  get databaseReplicaUrls() {
    return str('DATABASE_REPLICA_URLS')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  },
  /** Location updates a technician may send over socket.io per minute (`update-location`); 0 disables the limit. */
  get socketLocationPerMinute() {
    return int('SOCKET_LOCATION_PER_MINUTE', 60)
  },
  get dbPoolMax() {
    return int('DB_POOL_MAX', 20)
  },
  get payloadSecret() {
    const secret = str('PAYLOAD_SECRET')
    // `next build` evaluates the config to collect page data; the secret is only needed to serve.
    const building = process.env.NEXT_PHASE === 'phase-production-build'
    if (!secret && process.env.NODE_ENV === 'production' && !building) throw new Error('PAYLOAD_SECRET is required in production.')
    return secret || 'autohub-development-secret-change-me'
  },
  get serverUrl() {
    return str('SERVER_URL', `http://localhost:${int('PORT', 3000)}`)
  },
  get port() {
    return int('PORT', 3000)
  },
  get host() {
    return str('HOST', '0.0.0.0')
  },
  /** CORS_ORIGINS as exact origins (`*` kept: any origin, never with credentials). */
  get corsOrigins() {
    return parseOrigins(str('CORS_ORIGINS').split(','))
  },
  /** The origins the server itself is reached at: SERVER_URL, http://localhost:PORT, http://127.0.0.1:PORT. */
  get ownOrigins() {
    return ownOrigins(this.serverUrl, this.port)
  },
  /** Trusted browser origins (src/http/origins.ts): own + CORS_ORIGINS, plus any loopback origin outside production. */
  get originPolicy(): OriginPolicyOptions {
    return { production: this.isProduction, ownOrigins: this.ownOrigins, corsOrigins: this.corsOrigins }
  },
  /** Payload's `csrf` list: cookie-authenticated requests are honoured only from these origins. Never empty. */
  get csrfOrigins(): string[] {
    return TrustedOriginList.create(this.originPolicy)
  },
  /**
   * express "trust proxy": unset/false → the socket address is the client (X-Forwarded-For ignored);
   * a number → that many proxy hops; `true` → every hop (only behind a proxy that overwrites the header);
   * otherwise addresses/subnets (`loopback`, `10.0.0.0/8, 172.16.0.1`).
   */
  get trustProxy(): boolean | number | string {
    const raw = str('TRUST_PROXY')
    if (!raw || raw === 'false' || raw === '0') return false
    if (raw === 'true') return true
    if (/^\d+$/.test(raw)) return Number(raw)
    return raw
  },
  /** Extra Content-Security-Policy sources for images/media (e.g. a CDN in front of S3), space-separated. */
  get cspImgSrc() {
    return str('CSP_IMG_SRC').split(/\s+/).filter(Boolean)
  },
  get rateLimitAuth() {
    return int('RATE_LIMIT_AUTH', 10)
  },
  get rateLimitApi() {
    return int('RATE_LIMIT_API', 600)
  },
  /** API writes an instance runs at once (src/http/write-gate.ts); 0: no limit. Default: twice the cores. */
  get writeConcurrency() {
    return Math.max(0, Math.floor(int('WRITE_CONCURRENCY', 2 * availableParallelism())))
  },
  get bodyLimitJson() {
    return str('BODY_LIMIT_JSON', '1mb')
  },
  get uploadLimitBytes() {
    return int('UPLOAD_LIMIT_BYTES', 10 * 1024 * 1024)
  },
  get smtp() {
    const host = str('SMTP_HOST')
    if (!host) return null
    return {
      host,
      port: int('SMTP_PORT', 587),
      secure: str('SMTP_SECURE') === 'true',
      user: str('SMTP_USER'),
      pass: str('SMTP_PASS'),
      /** Longest wait for the connection, the greeting, or any answer in a session. */
      timeoutMs: int('SMTP_TIMEOUT_MS', 30_000),
    }
  },
  get emailFrom() {
    return str('EMAIL_FROM', 'no-reply@autohub.local')
  },
  get emailFromName() {
    return str('EMAIL_FROM_NAME', 'AutoHub')
  },
  get s3() {
    const bucket = str('S3_BUCKET')
    if (!bucket) return null
    return {
      bucket,
      endpoint: str('S3_ENDPOINT') || undefined,
      region: str('S3_REGION', 'us-east-1'),
      accessKeyId: str('S3_ACCESS_KEY_ID'),
      secretAccessKey: str('S3_SECRET_ACCESS_KEY'),
      forcePathStyle: str('S3_FORCE_PATH_STYLE', str('S3_ENDPOINT') ? 'true' : 'false') === 'true',
    }
  },
  get stripe() {
    const secretKey = str('STRIPE_SECRET_KEY')
    if (!secretKey) return null
    return { secretKey, webhookSecret: str('STRIPE_WEBHOOKS_SECRET'), apiBase: str('STRIPE_API_BASE') || undefined }
  },
  get previewUrl() {
    return str('PREVIEW_URL')
  },
  get jobsAutoRun() {
    return str('JOBS_AUTORUN', 'true') !== 'false'
  },
  get jobsCron() {
    return str('JOBS_CRON', '* * * * *')
  },
  get graphqlMaxComplexity() {
    return int('GRAPHQL_MAX_COMPLEXITY', 1000)
  },
  /** Documents one GraphQL request's list queries may return in all (their page sizes add up, aliases included). */
  get graphqlMaxDocuments() {
    return int('GRAPHQL_MAX_DOCUMENTS', 500)
  },
  /** Writes one GraphQL request's mutations may make (each create, update or delete, aliases included). */
  get graphqlMaxWrites() {
    return int('GRAPHQL_MAX_WRITES', 20)
  },
  get maxPageSize() {
    return int('MAX_PAGE_SIZE', 100)
  },
  get logLevel() {
    return str('LOG_LEVEL', process.env.VITEST ? 'warn' : 'info')
  },
  /** SMS gateway (src/notifications/sms.ts). */
  get sms() {
    return { provider: str('SMS_PROVIDER').toLowerCase(), url: str('SMS_GATEWAY_URL'), token: str('SMS_GATEWAY_TOKEN'), accountSid: str('SMS_ACCOUNT_SID'), from: str('SMS_FROM', 'AutoHub') }
  },
  /** Web Push VAPID keys (src/notifications/push.ts); push is off without them. */
  get vapid() {
    const publicKey = str('VAPID_PUBLIC_KEY')
    const privateKey = str('VAPID_PRIVATE_KEY')
    if (!publicKey || !privateKey) return null
    return { publicKey, privateKey, subject: str('VAPID_SUBJECT', 'mailto:support@autohub.example') }
  },
  /** A PEM file of extra CA certificates trusted for push services (a private push service; the tests' loopback one). */
  get webPushCaFile() {
    return str('WEB_PUSH_CA_FILE')
  },
  /** Loyalty level thresholds (lifetime points) and checkout discounts (%), five comma-separated numbers each. */
  get loyaltyLevels() {
    const list = (name: string) =>
      str(name)
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
        .map(Number)
    return { thresholds: list('LOYALTY_THRESHOLDS'), discounts: list('LOYALTY_DISCOUNTS') }
  },
  /** Days without a booking or order after which a customer gets the `inactivity` loyalty alert (daily job); 0 turns it off. */
  get loyaltyInactivityDays() {
    return Math.max(0, Math.floor(int('LOYALTY_INACTIVITY_DAYS', 60)))
  },
  /** Total spending (completed bookings + delivered orders) from which a customer is `high_value_customer`; 0 turns it off. */
  get loyaltyHighValueSpend() {
    return Math.max(0, int('LOYALTY_HIGH_VALUE_SPEND', 5000))
  },
  /** Car-services bookings by signed-in customers need a phone verified by OTP (hooks/services/verified-phone.ts). */
  get requireVerifiedPhone() {
    return str('REQUIRE_VERIFIED_PHONE', 'false') === 'true'
  },
  /** Country for national phone numbers (libphonenumber-js), ISO 3166 alpha-2. */
  get phoneDefaultCountry() {
    return str('PHONE_DEFAULT_COUNTRY', 'EG').toUpperCase()
  },
  /**
   * OpenID Connect providers: `OIDC_PROVIDERS=google,facebook` and per provider `OIDC_<NAME>_ISSUER`,
   * `OIDC_<NAME>_CLIENT_ID`, `OIDC_<NAME>_CLIENT_SECRET`, optional `OIDC_<NAME>_LABEL` and `OIDC_<NAME>_SCOPE`.
   * A provider missing its issuer or client id is left out.
   */
  get oidcProviders() {
    return str('OIDC_PROVIDERS')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter((s) => /^[a-z0-9_-]+$/.test(s))
      .map((name) => {
        const key = `OIDC_${name.toUpperCase().replace(/-/g, '_')}_`
        return {
          name,
          issuer: str(`${key}ISSUER`),
          clientId: str(`${key}CLIENT_ID`),
          clientSecret: str(`${key}CLIENT_SECRET`),
          label: str(`${key}LABEL`, name.charAt(0).toUpperCase() + name.slice(1)),
          scope: str(`${key}SCOPE`, 'openid email profile'),
        }
      })
      .filter((p) => p.issuer && p.clientId)
  },
}
