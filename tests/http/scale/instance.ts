/**
 * One AutoHub app instance as a separate process for the scale-out test: the real express server (API only, no
 * crons — jobs belong to the separate worker) on DATABASE_URL, with read replicas when DATABASE_REPLICA_URLS is
 * set. Prints `READY <url> replicas=<n>`; exits on SIGTERM.
 * Run: node --import tsx tests/http/scale/instance.ts
 */
import { createServer, exitOnSignals } from '../../../src/server'

const running = await createServer({ next: false, port: 0, host: '127.0.0.1', cron: false, seed: false, rateLimitAuth: 0, rateLimitApi: 0 })

const db = running.payload.db as any
const replicas = Array.isArray(db.readReplicaOptions) ? db.readReplicaOptions.length : 0
const routed = Array.isArray(db.drizzle?.$replicas) ? db.drizzle.$replicas.length : 0
console.log(`READY ${running.url} replicas=${replicas} routed=${routed}`)

exitOnSignals(running)
