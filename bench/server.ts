/**
 * The production server as the bench runs it: src/server.ts's createServer with the admin panel (Next) when a
 * production build exists (.next/BUILD_ID), API-only otherwise (BENCH_SKIP_BUILD without a build). Everything
 * else — express, rate limiters (disabled by env), helmet, body parsing, socket.io with the postgres adapter,
 * Payload — is exactly what `npm start` runs. Prints `READY <url>`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createServer, exitOnSignals } from '../src/server'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const withNext = process.env.BENCH_NEXT === '0' ? false : fs.existsSync(path.join(root, '.next/BUILD_ID'))
const running = await createServer({ next: withNext })
console.log(`READY ${running.url} next=${withNext}`)

exitOnSignals(running)
