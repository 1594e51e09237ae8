/**
 * The HTTP server: express 5 with security headers, CORS, rate limits, body limits and /api/health in front of
 * Payload's REST and GraphQL handlers (called directly) and Next (admin panel); socket.io on the same server.
 *
 * `npm run dev`  → development, embedded PostgreSQL when DATABASE_URL is unset, demo data in an empty database.
 * `npm start`    → production (after `npm run build`): migrations run on start, never demo accounts.
 */
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { GRAPHQL_PLAYGROUND_GET, GRAPHQL_POST } from '@payloadcms/next/routes'
import cors from 'cors'
import express, { type ErrorRequestHandler, type Express } from 'express'
import rateLimit from 'express-rate-limit'
import helmet from 'helmet'
import { getPayload, handleEndpoints, type Payload, type SanitizedConfig } from 'payload'
import type { Server as IOServer } from 'socket.io'

import { listingReadPath } from './http/listing-read'
import { ensureDatabase } from './db/database-url'
import { dropLegacyObjects } from './db/sql-migrations'
import { closePayload } from './db/transaction'
import type { EmbeddedDatabase } from './db/embedded'
import { errorBody, sendFetchResponse, toFetchRequest } from './http/adapter'
import { EDITOR_ASSETS_ROUTE, editorAssets, faviconAsset } from './http/editor-assets'
import { apiVersionPrefix } from './http/api-version'
import { authRateLimit } from './http/auth-rate-limit'
import { csrfGuard } from './http/csrf'
import { healthHandler } from './http/health'
import { allowsAnyOrigin, isTrustedOrigin, type OriginPolicyOptions, originOf, ownOrigins } from './http/origins'
import { contentSecurityPolicy, s3Origins } from './http/security-headers'
import { collectAfterCommit, settleDetachedEffects } from './lib/after-commit'
import { publicMaxAge, ResponseCache } from './http/response-cache'
import { WriteGate } from './http/write-gate'
import { env } from './lib/env'
import { startRealtime } from './realtime/server'

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface ServerOptions {
  /** Serve the admin panel through Next (default true). API-only servers (tests, workers) skip it. */
  next?: boolean
  dev?: boolean
  port?: number
  host?: string
  /** Auth attempts per minute per IP and per account (default RATE_LIMIT_AUTH; 0 disables). */
  rateLimitAuth?: number
  rateLimitApi?: number
  /** API writes run at once by this instance (default WRITE_CONCURRENCY; 0: no limit). See src/http/write-gate.ts. */
  writeConcurrency?: number
  /** Production origin policy: no loopback CORS/CSRF origins unless listed (default NODE_ENV=production). */
  production?: boolean
  /** Trusted frontend origins (default CORS_ORIGINS). */
  corsOrigins?: string[]
  /** express "trust proxy" (default TRUST_PROXY): only then is X-Forwarded-For the client address. */
  trustProxy?: boolean | number | string
  /** Seed demo data into an empty database (dev default). */
  seed?: boolean
  /** Start socket.io (default true). */
  realtime?: boolean
  /** Start Payload's job crons in this process (default: env JOBS_AUTORUN). */
  cron?: boolean
  config?: SanitizedConfig | Promise<SanitizedConfig>
}

export interface RunningServer {
  app: Express
  server: http.Server
  io: IOServer | null
  payload: Payload
  /** The API writes running and waiting (src/http/write-gate.ts). */
  writeGate: Pick<WriteGate, 'limit' | 'active' | 'waiting'>
  url: string
  close(): Promise<void>
}

function limiter(perMinute: number, message: string) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skip: () => perMinute <= 0,
    handler: (_req, res) => {
      res.status(429).json(errorBody(message))
    },
  })
}

export async function createServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const dev = opts.dev ?? !env.isProduction
  const config = await (opts.config ?? (await import('../payload.config')).default)
  if (!env.isProduction && process.env.PAYLOAD_DB_PUSH !== 'false' && process.env.DATABASE_URL) {
    await dropLegacyObjects(process.env.DATABASE_URL)
  }
  const payload = await getPayload({ config, cron: opts.cron ?? env.jobsAutoRun })

  if (opts.seed ?? (dev && !env.isTest)) {
    const { seedIfEmpty } = await import('./lib/seed')
    await seedIfEmpty(payload)
  }

  const app = express()
  app.disable('x-powered-by')
  // X-Forwarded-For is the client address only behind a configured proxy (TRUST_PROXY); otherwise the socket's.
  app.set('trust proxy', opts.trustProxy ?? env.trustProxy)
  app.use(
    helmet({
      // Content-Security-Policy is set per path below (src/http/security-headers.ts).
      contentSecurityPolicy: false,
      crossOriginEmbedderPolicy: false,
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      frameguard: { action: 'deny' },
    }),
  )
  const apiRoute = config.routes?.api ?? '/api'
  // /api/v1/… is the same API (src/http/api-version.ts): rewritten before anything else sees the path.
  app.use(apiVersionPrefix(apiRoute))
  app.use(
    contentSecurityPolicy({
      dev,
      apiRoute,
      mediaOrigins: [...s3Origins(env.s3), ...env.cspImgSrc],
      previewOrigin: env.previewUrl ? originOf(env.previewUrl) : null,
    }),
  )

  // One origin policy for CORS, CSRF and socket.io (src/http/origins.ts); the listening URL joins it below.
  const own = ownOrigins(env.serverUrl, opts.port || env.port)
  const policy: OriginPolicyOptions = {
    production: opts.production ?? env.isProduction,
    ownOrigins: own,
    corsOrigins: opts.corsOrigins ?? env.corsOrigins,
  }
  app.use(
    '/api',
    cors((req, callback) => {
      const origin = req.headers.origin
      if (origin && isTrustedOrigin(origin, policy)) callback(null, { origin: true, credentials: true })
      else if (allowsAnyOrigin(policy)) callback(null, { origin: '*', credentials: false })
      else callback(null, { origin: false })
    }),
  )
  // A Payload auth cookie sent from an untrusted Origin is dropped before Payload sees the request.
  app.use('/api', csrfGuard({ cookieName: `${config.cookiePrefix ?? 'payload'}-token`, policy: () => policy }))

  const apiLimit = limiter(opts.rateLimitApi ?? env.rateLimitApi, 'Too many requests. Slow down.')
  app.get('/api/health', healthHandler(payload))
  app.use('/api', apiLimit)

  // Bodies: JSON (and anything not multipart) up to BODY_LIMIT_JSON, uploads up to UPLOAD_LIMIT_BYTES.
  const isMultipart = (req: express.Request) => (req.headers['content-type'] ?? '').startsWith('multipart/form-data')
  app.use('/api', express.raw({ type: (req) => !isMultipart(req as express.Request), limit: env.bodyLimitJson }))
  app.use('/api', express.raw({ type: (req) => isMultipart(req as express.Request), limit: env.uploadLimitBytes + 1024 * 1024 }))
  app.use('/api', (req, res, next) => {
    const type = req.headers['content-type'] ?? ''
    if (type.includes('json') && Buffer.isBuffer(req.body) && req.body.length) {
      try {
        JSON.parse(req.body.toString('utf8'))
      } catch {
        res.status(400).json(errorBody('Malformed JSON body.'))
        return
      }
    }
    next()
  })
  // Auth attempts over REST and GraphQL (and the admin's verify page), per IP and per account
  // (src/http/auth-rate-limit.ts). After the body parsers: the account is read from the body.
  app.use(authRateLimit({ perMinute: opts.rateLimitAuth ?? env.rateLimitAuth, config }))

  // Anonymous GETs whose endpoint declares them `public, max-age` are served from memory for a few seconds;
  // any write through this instance empties it (src/http/response-cache.ts; bench/NOTES.md for the numbers).
  const responseCache = new ResponseCache({ ttlSeconds: Number(process.env.RESPONSE_CACHE_TTL ?? 5) })
  const graphqlPost = GRAPHQL_POST(Promise.resolve(config))
  const writeGate = new WriteGate(opts.writeConcurrency ?? env.writeConcurrency)
  /**
   * A request's work. A write (REST write, GraphQL mutation) takes a slot of the write gate and collects its effects
   * until its work stands (src/lib/after-commit.ts); a read does neither: it opens no transaction to roll back.
   */
  const perform = <T>(write: boolean, work: () => Promise<T>) => (write ? writeGate.run((onCallOut) => collectAfterCommit(work, { onCallOut })) : collectAfterCommit(work, { collect: false }))
  const logEffectError = (err: unknown) => payload.logger.warn({ err, msg: 'a side effect after commit failed' })
  const playground = GRAPHQL_PLAYGROUND_GET(Promise.resolve(config))
  app.post('/api/graphql', async (req, res, next) => {
    try {
      const mutation = Buffer.isBuffer(req.body) && /\bmutation\b/.test(req.body.toString('utf8'))
      if (mutation) responseCache.clear()
      const collected = await perform(mutation, () => graphqlPost(toFetchRequest(req)))
      let response = collected.result
      if (collected.size) {
        // GraphQL answers 200 with `errors` when a mutation failed (and was rolled back): its effects are dropped.
        const body = await response.text()
        const failed = response.status >= 400 || Boolean((JSON.parse(body) as { errors?: unknown[] }).errors?.length)
        if (failed) await collected.discard(logEffectError)
        else await collected.flush(logEffectError)
        response = new Response(body, { status: response.status, headers: response.headers })
      }
      await sendFetchResponse(res, response)
    } catch (err) {
      next(err)
    }
  })
  app.get('/api/graphql-playground', async (req, res, next) => {
    try {
      await sendFetchResponse(res, await playground(toFetchRequest(req)))
    } catch (err) {
      next(err)
    }
  })
  // The listing search's SQL read path: card queries on /api/cars, any reader (src/http/listing-read.ts).
  const listingRead = listingReadPath(payload)
  if (listingRead) app.get('/api/cars', listingRead)
  app.all('/api/{*rest}', async (req, res, next) => {
    try {
      const key = responseCache.keyOf({ method: req.method, url: req.originalUrl, headers: req.headers })
      const hit = key ? responseCache.get(key) : null
      if (hit) {
        res.status(hit.status)
        for (const [name, value] of hit.headers) res.setHeader(name, value)
        res.setHeader('x-cache', 'HIT')
        res.end(hit.body)
        return
      }
      // Emails and socket emits raised by the request run once its transaction has committed (src/lib/after-commit.ts).
      const read = req.method === 'GET' || req.method === 'HEAD'
      const collected = await perform(!read, () => handleEndpoints({ config, request: toFetchRequest(req) }))
      const response = collected.result
      if (response.status < 400) await collected.flush(logEffectError)
      else await collected.discard(logEffectError)
      if (!read && response.status < 400) responseCache.clear()
      if (key && response.status === 200 && publicMaxAge(response.headers.get('cache-control')) > 0) {
        const body = Buffer.from(await response.arrayBuffer())
        responseCache.store(key, response.status, response.headers, body)
        await sendFetchResponse(res, new Response(body, { status: response.status, headers: response.headers }))
        return
      }
      await sendFetchResponse(res, response)
    } catch (err) {
      next(err)
    }
  })

  if (opts.next ?? true) {
    // The admin's code/JSON field editor, from this server rather than a CDN (src/http/editor-assets.ts).
    app.use(EDITOR_ASSETS_ROUTE, editorAssets())
    app.get('/favicon.ico', faviconAsset())
    const { default: next } = await import('next')
    const nextApp = next({ dev, dir: rootDir, hostname: opts.host ?? env.host, port: opts.port ?? env.port })
    await nextApp.prepare()
    const handle = nextApp.getRequestHandler()
    app.all('/{*splat}', (req, res) => handle(req, res))
  } else {
    app.get('/', (_req, res) => {
      res.json({ name: 'AutoHub API', api: '/api', graphql: '/api/graphql', health: '/api/health' })
    })
  }

  const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 600 ? err.status : 500
    if (status === 413) return void res.status(413).json(errorBody('Request body too large.'))
    if (status >= 500) payload.logger.error({ err, msg: 'request failed' })
    if (res.headersSent) return void res.end()
    res.status(status).json(errorBody(status >= 500 ? 'Something went wrong.' : String(err.message ?? 'Bad request.')))
  }
  app.use(errorHandler)

  const server = http.createServer(app)
  server.keepAliveTimeout = 65_000
  const io = opts.realtime === false ? null : await startRealtime(server, payload)

  const port = opts.port ?? env.port
  const host = opts.host ?? env.host
  await new Promise<void>((resolve) => server.listen(port, host, resolve))
  const address = server.address() as { port: number }
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${address.port}`
  // The server's own origin is trusted wherever it listens (port 0 in tests): for CORS/CSRF here and in Payload.
  for (const origin of ownOrigins(env.serverUrl, address.port, url)) if (!own.includes(origin)) own.push(origin)
  // Payload's own CSRF check (its `csrf` list) must accept whatever this server's policy trusts.
  for (const origin of [...own, ...policy.corsOrigins.filter((o) => o !== '*')]) {
    if (!payload.config.csrf.includes(origin)) payload.config.csrf.push(origin)
  }

  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      await io?.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections?.()
      })
      // deliveries its requests started after answering (src/lib/after-commit.ts)
      await settleDetachedEffects()
    })())

  return { app, server, io, payload, writeGate, url, close }
}

/**
 * On SIGTERM/SIGINT: close the server (HTTP, socket.io, Payload, the pool), run `after` (e.g. stop the embedded
 * database), exit 0 — or 1 if closing takes more than 15 s. For `npm run dev`/`npm start` and the
 * server processes the tests and the bench spawn.
 */
export function exitOnSignals(running: RunningServer, after?: () => Promise<unknown>): void {
  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.info(`[server] ${signal}: shutting down`)
    const force = setTimeout(() => process.exit(1), 15_000)
    force.unref()
    try {
      await running.close()
      await closePayload(running.payload)
    } catch (err) {
      console.error('[server] error while closing', err)
    }
    await after?.().catch(() => {})
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

async function main() {
  const embedded: EmbeddedDatabase | null = await ensureDatabase()
  const running = await createServer()
  console.info(`[server] AutoHub ready on ${env.serverUrl} (admin ${env.serverUrl}/admin, API ${env.serverUrl}/api)`)
  exitOnSignals(running, async () => embedded?.stop())
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  main().catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
