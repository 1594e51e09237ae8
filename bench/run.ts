/**
 * `npm run bench`: builds and starts the production server on its own embedded PostgreSQL, seeds the bench data
 * set with bulk inserts, then drives each scenario with autocannon over loopback at 16 and 64 connections after a
 * warm-up — and, in the same run, a raw node `http` + `pg` baseline doing the same SQL with the same JSON shape.
 * Prints a markdown table and writes bench/RESULTS.md. One run at a time: a second refuses to start while the first
 * holds bench/.work.lock (its work directory and database would be shared).
 *
 * Env: BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 3), BENCH_CONNECTIONS (default "16,64"),
 * BENCH_ONLY (comma-separated scenario keys), BENCH_SKIP_BUILD=1 (reuse .next; API-only when there is no build),
 * BENCH_CARS (default 100000; the other tables scale with it), BENCH_USERS (64), BENCH_BOOKINGS (1200 per run),
 * BENCH_CHECKOUTS (600 requests per run), BENCH_HOT_STOCK (200), BENCH_POOL (database pool of the server AND the baseline, default 20),
 * BENCH_IMPORT_ROWS (dealer import file, default 10000; key inventory-import in BENCH_ONLY),
 * BENCH_NODE_ARGS (server node flags, default --max-old-space-size=512; e.g. add --cpu-prof --cpu-prof-dir=/tmp/prof),
 * BENCH_PG_LOG=1 (PostgreSQL's own log lines on the bench's output: shutdown requests, crashes, lock waits),
 * WRITE_CONCURRENCY (the server's write gate, passed on as to any server; default twice the cores, 0 off).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type autocannon from 'autocannon'
import pg from 'pg'

import { freePort, startEmbeddedPostgres } from '../src/db/embedded'
import { closePayload } from '../src/db/transaction'
import { tsxNodeArgs } from '../src/lib/node-flags'

import { claimWorkDir, measure, type RunResult, startProcess, table, treeRssMb, waitFor } from './lib'
import { prepareSchema } from './schema'
import { SCENARIOS } from './scenarios'
import { benchInventoryImport } from './scenarios/inventory-import'
import type { BenchContext, BenchScenario } from './scenarios/types'
import { seedBench } from './seed-all'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const work = path.join(root, 'bench/.work')
const duration = Number(process.env.BENCH_DURATION || 10)
const warmup = Number(process.env.BENCH_WARMUP || 3)
const connectionsList = (process.env.BENCH_CONNECTIONS || '16,64').split(',').map(Number)
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim())
/**
 * Node flags of the server process: the ones `npm start` really uses (its NODE_OPTIONS in package.json, minus the
 * flags tsxNodeArgs adds anyway), unless BENCH_NODE_ARGS replaces them (e.g. to add --cpu-prof).
 */
function startFlags(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  const options = /NODE_OPTIONS=\\?"([^"\\]*)\\?"/.exec(pkg.scripts.start)?.[1] ?? ''
  return options
    .split(' ')
    .filter((flag) => flag && flag !== '--no-deprecation' && !flag.startsWith('--conditions'))
    .join(' ')
}
const serverNodeArgs = (process.env.BENCH_NODE_ARGS ?? startFlags()).split(' ').filter(Boolean)
/** One pool size for both sides (the server's DB_POOL_MAX, the baseline's pg.Pool). */
const poolSize = process.env.BENCH_POOL || '20'

const log = (...a: unknown[]) => console.log('[bench]', ...a)

/** One request of a scenario, as autocannon would send it (setupRequest applied), answered as JSON. */
async function send(base: string, request: autocannon.Request): Promise<{ status: number; body: unknown }> {
  const r = (request.setupRequest ? request.setupRequest({ ...request } as never, {} as never) : request) as autocannon.Request
  const res = await fetch(`${base}${r.path}`, { method: r.method ?? 'GET', headers: r.headers as Record<string, string>, body: r.body as string | undefined })
  const text = await res.text()
  try {
    return { status: res.status, body: JSON.parse(text) }
  } catch {
    return { status: res.status, body: text }
  }
}

const keysOf = (doc: unknown): string[] => (doc && typeof doc === 'object' ? Object.keys(doc).sort() : [])
const idsOf = (body: unknown): unknown[] => ((body as { docs?: { id: unknown }[] })?.docs ?? []).map((d) => d.id)

/**
 * Before a read scenario is measured: its first 3 requests go to both sides (fresh request generators, so the
 * same parameters) and the answers are compared — the same documents in the same order and the same total for a
 * list, the same document for a detail — and the keys only one side returns are listed. One line for the report.
 */
async function sampleCheck(ctx: BenchContext, scenario: BenchScenario): Promise<string | null> {
  if (!scenario.sample || !scenario.baseline) return null
  const app = scenario.app(ctx)
  const base = scenario.baseline(ctx)
  const [appRequest] = app.requests()
  const [baseRequest] = base.requests()
  const problems: string[] = []
  const onlyApp = new Set<string>()
  const onlyBase = new Set<string>()
  for (let i = 0; i < 3; i++) {
    const a = await send(ctx.serverUrl, appRequest)
    const b = await send(ctx.baselineUrl, baseRequest)
    const appBody = scenario.unwrapApp ? scenario.unwrapApp(a.body) : a.body
    const appDoc = scenario.sample === 'list' ? (appBody as { docs?: unknown[] })?.docs?.[0] : appBody
    const baseDoc = scenario.sample === 'list' ? (b.body as { docs?: unknown[] })?.docs?.[0] : b.body
    if (scenario.sample === 'list') {
      if (JSON.stringify(idsOf(appBody)) !== JSON.stringify(idsOf(b.body))) problems.push(`sample ${i + 1}: documents differ`)
      if ((appBody as { totalDocs?: number })?.totalDocs !== (b.body as { totalDocs?: number })?.totalDocs) problems.push(`sample ${i + 1}: totalDocs differ`)
    } else if (b.status === 200 && (appDoc as { id?: unknown })?.id !== (baseDoc as { id?: unknown })?.id) {
      problems.push(`sample ${i + 1}: document differs`)
    }
    const appKeys = keysOf(appDoc)
    const baseKeys = keysOf(baseDoc)
    for (const k of appKeys) if (!baseKeys.includes(k)) onlyApp.add(k)
    for (const k of baseKeys) if (!appKeys.includes(k)) onlyBase.add(k)
  }
  const keys = [onlyApp.size ? `keys only AutoHub returns: ${[...onlyApp].join(', ')}` : '', onlyBase.size ? `keys only the baseline returns: ${[...onlyBase].join(', ')}` : '']
    .filter(Boolean)
    .join('; ')
  return `${app.name}: sample check (3 requests) — ${problems.length ? problems.join('; ') : scenario.sample === 'list' ? 'same documents, order and totals' : 'same document'}${keys ? `; ${keys}` : '; same keys'}`
}

async function main() {
  claimWorkDir(`${work}.lock`)
  fs.rmSync(work, { recursive: true, force: true })
  fs.mkdirSync(work, { recursive: true })

  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('building (npm run build)…')
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('build failed')
  }

  const statementStats = process.env.BENCH_PG_STAT === '1'
  const db = await startEmbeddedPostgres({ dataDir: path.join(work, 'pg'), database: 'autohub_bench', log: process.env.BENCH_PG_LOG === '1', statementStats })
  const schema = prepareSchema(root, db.url)
  log(schema === 'pushed' ? 'schema pushed (no migration files yet)' : 'migration files found: the production server migrates')
  const port = await freePort()
  const serverUrl = `http://127.0.0.1:${port}`
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    PAYLOAD_SECRET: 'bench-secret',
    DATABASE_URL: db.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    SERVER_URL: serverUrl,
    RATE_LIMIT_AUTH: '0',
    RATE_LIMIT_API: '0',
    DB_POOL_MAX: poolSize,
    // Ratio rows compare uncached work on both sides: the in-process response cache is off unless asked for.
    RESPONSE_CACHE_TTL: process.env.RESPONSE_CACHE_TTL ?? '0',
    JOBS_AUTORUN: 'false',
    LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
  }
  log('starting the production server…')
  const server = startProcess(process.execPath, [...serverNodeArgs, ...tsxNodeArgs(true), 'bench/server.ts'], env, path.join(work, 'server.log'))
  const basePort = await freePort()
  const baseline = startProcess(
    process.execPath,
    [...tsxNodeArgs(true), 'bench/baseline.ts'],
    { DATABASE_URL: db.url, PORT: String(basePort), NODE_ENV: 'production', BENCH_POOL: poolSize },
    path.join(work, 'baseline.log'),
  )
  try {
    await waitFor(`${serverUrl}/api/health`)
    const withNext = /next=true/.test(fs.readFileSync(path.join(work, 'server.log'), 'utf8'))
    Object.assign(process.env, env, { DISABLE_PAYLOAD_HMR: 'true' })
    const { getPayload } = await import('payload')
    const { default: config } = await import('../payload.config')
    const payload = await getPayload({ config })
    const client = new pg.Client({ connectionString: db.url })
    // Without a listener a dropped connection (e.g. the database stopped during the cleanup after a failure) would be
    // an uncaught 'error' event that ends the process before the real failure is printed.
    client.on('error', (err) => log(`bench database client: ${err.message}`))
    await client.connect()

    const t0 = Date.now()
    const seeded = await seedBench(payload, client, serverUrl)
    const seedSeconds = (Date.now() - t0) / 1000
    log(`seeded in ${seedSeconds.toFixed(1)} s`, seeded.counts)
    await waitFor(`http://127.0.0.1:${basePort}/loan`, 60_000, 'POST')
    const ctx: BenchContext = { payload, db: client, serverUrl, baselineUrl: `http://127.0.0.1:${basePort}`, ...seeded.ctx }
    const loads: number[] = []

    const rows: string[][] = [['scenario', 'conns', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'expected 4xx', 'baseline req/s', 'baseline p95 ms', 'ratio', 'server RSS MB']]
    const notes: string[] = []
    for (const [key, scenario] of SCENARIOS) {
      if (only && !only.includes(key)) continue
      await scenario.prepare?.(ctx)
      const sample = await sampleCheck(ctx, scenario)
      if (sample) notes.push(`- ${sample}`)
      const appScenario = scenario.app(ctx)
      const conns = appScenario.connections ?? connectionsList
      for (const c of conns) {
        log(`${appScenario.name} @ ${c}…`)
        await drain(client)
        loads.push(os.loadavg()[0])
        await scenario.beforeRun?.(ctx, 'app', c)
        const app: RunResult = await measure(ctx.serverUrl, appScenario, c, { duration, warmup, pid: server.pid })
        if (scenario.afterRun) notes.push(`- ${await scenario.afterRun(ctx, 'app', c, outcome(app))}`)
        let base: RunResult | null = null
        if (scenario.baseline) {
          await drain(client)
          await scenario.beforeRun?.(ctx, 'baseline', c)
          base = await measure(ctx.baselineUrl, scenario.baseline(ctx), c, { duration, warmup, pid: baseline.pid })
          if (scenario.afterRun) notes.push(`- ${await scenario.afterRun(ctx, 'baseline', c, outcome(base))}`)
        }
        if (app.errors) notes.push(`- ${appScenario.name} @ ${c}: unexpected responses ${JSON.stringify(app.statuses)}`)
        rows.push([
          appScenario.name,
          String(c),
          String(app.rps),
          String(app.p50),
          String(app.p95),
          String(app.p99),
          String(app.errors),
          String(app.expected),
          base ? String(base.rps) : '—',
          base ? String(base.p95) : '—',
          base && base.rps > 0 ? `${Math.round((app.rps / base.rps) * 100)}%` : '—',
          String(app.rssMb),
        ])
      }
      if (scenario.verify) notes.push(`- ${appScenario.name}: ${await scenario.verify(ctx)}`)
      log(
        rows
          .slice(-conns.length)
          .map((r) => r.join(' | '))
          .join('\n'),
      )
    }

    // One-off timings (not autocannon runs): the dealer bulk import.
    const oneOff: string[] = []
    if (!only || only.includes('inventory-import')) {
      log('dealer import…')
      oneOff.push(...(await benchInventoryImport(ctx).catch((err: Error) => [`- dealer import failed: ${err.message}`])))
      log(oneOff.join('\n'))
    }

    const report = [
      '# Benchmark results',
      '',
      `Produced by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, loopback. Load average (1 min) at the start of each run: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (the machine is shared: other processes compete for the same cores).`,
      `Server: \`NODE_ENV=production\`, node ${serverNodeArgs.join(' ') || '(default flags)'}, ${withNext ? 'with the admin panel (Next production build)' : 'API only (no Next build present)'}, DB pool ${poolSize} (server and baseline), API writes at once ${process.env.WRITE_CONCURRENCY ? process.env.WRITE_CONCURRENCY : `${2 * os.availableParallelism()} (twice the cores, the default)`}, response cache ${(process.env.RESPONSE_CACHE_TTL ?? '0') === '0' ? 'off' : `on (${process.env.RESPONSE_CACHE_TTL} s)`}, socket.io postgres adapter, embedded PostgreSQL (fsync off) on the same machine; schema ${schema === 'pushed' ? 'pushed (no migrations yet)' : 'from migrations'}.`,
      `Each run: ${warmup} s warm-up then ${duration} s (contention scenarios: a fixed number of requests). The baseline is a raw node \`http\` + \`pg\` server running the same SQL with the same JSON shape, measured in the same run; "ratio" = AutoHub req/s ÷ baseline req/s.`,
      `Data: ${Object.entries(seeded.counts)
        .map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`)
        .join(', ')}; seeded in ${seedSeconds.toFixed(1)} s. Server RSS is the peak during the run (final ${treeRssMb(server.pid)} MB).`,
      '',
      table(rows),
      '',
      ...(oneOff.length ? ['## One-off timings', '', ...oneOff, ''] : []),
      ...(notes.length ? ['## Checks: sample equivalence before each read scenario, invariants after each contention run, unexpected responses', '', ...notes, ''] : []),
    ].join('\n')
    console.log(`\n${report}`)
    const extra = fs.existsSync(path.join(root, 'bench/NOTES.md')) ? `\n${fs.readFileSync(path.join(root, 'bench/NOTES.md'), 'utf8')}` : ''
    fs.writeFileSync(path.join(root, 'bench/RESULTS.md'), `${report}${extra}`)
    if (statementStats) log(await statementReport(client))
    await client.end()
    await closePayload(payload)
  } finally {
    for (const child of [baseline, server]) {
      if (child.exitCode !== null) continue
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    }
    await db.stop().catch(() => {})
  }
  process.exit(0)
}

/**
 * `BENCH_PG_STAT=1`: every statement's executions, plans and times over the whole run (server, baseline and seeding
 * alike), written to bench/.work/pg-stat-statements.json; the 15 with the most planning time on the output. A
 * statement with as many plans as executions is planned every time (bench/NOTES.md, session 35).
 */
async function statementReport(client: pg.Client): Promise<string> {
  await client.query('create extension if not exists pg_stat_statements')
  const { rows } = await client.query('select query, calls::int, plans::int, total_plan_time as plan_ms, total_exec_time as exec_ms, rows::int from pg_stat_statements order by total_plan_time desc')
  fs.writeFileSync(path.join(work, 'pg-stat-statements.json'), JSON.stringify(rows, null, 1))
  const line = (r: { query: string; calls: number; plans: number; plan_ms: number; exec_ms: number }) =>
    `${r.calls} executions, ${r.plans} plans, ${(r.plan_ms / Math.max(r.plans, 1)).toFixed(2)} ms per plan, ${(r.exec_ms / Math.max(r.calls, 1)).toFixed(2)} ms per execution: ${r.query.replace(/\s+/g, ' ').slice(0, 120)}`
  return ['statements by planning time (bench/.work/pg-stat-statements.json):', ...rows.slice(0, 15).map(line)].join('\n')
}

/** Waits (up to 60 s) until no other query is running: a previous run's backlog must not be measured twice. */
async function drain(client: pg.Client): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const res = await client.query(`select count(*)::int as n from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'`)
    if (res.rows[0].n === 0) return
    await new Promise((r) => setTimeout(r, 200))
  }
  log('warning: queries still running after 60 s')
}

const outcome = (r: RunResult) => ({ created: r.statuses['201'] ?? 0, conflicts: r.statuses['409'] ?? 0 })

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
