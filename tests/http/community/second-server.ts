/**
 * A second, independent AutoHub server process for the cross-instance real-time test: same DATABASE_URL as
 * the test file, API only, no crons, no seed. Prints `READY <url>` when listening; exits on SIGTERM.
 * Run: node --import tsx tests/http/community/second-server.ts
 */
import { createServer, exitOnSignals } from '../../../src/server'

const running = await createServer({ next: false, port: 0, host: '127.0.0.1', cron: false, seed: false, rateLimitAuth: 0, rateLimitApi: 0 })
console.log(`READY ${running.url}`)

exitOnSignals(running)
