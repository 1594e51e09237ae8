/** Benchmark plumbing: child processes, readiness, autocannon runs, RSS sampling, the results table. */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import autocannon from 'autocannon'

import { processAlive } from '../src/lib/processes'

export interface RunResult {
  rps: number
  p50: number
  p95: number
  p99: number
  errors: number
  expected: number
  non2xx: number
  requests: number
  rssMb: number
  /** Responses by status code. */
  statuses: Record<string, number>
}

export function startProcess(cmd: string, args: string[], env: Record<string, string>, logFile: string): ChildProcess {
  const out = fs.openSync(logFile, 'a')
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', out, out], detached: false })
  return child
}

/** Polls `url` until it answers 2xx (GET) — or answers at all, when a `method` is given. */
export async function waitFor(url: string, timeoutMs = 300_000, method?: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      const res = await fetch(url, { method: method ?? 'GET' })
      if (res.ok || method) return
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${url}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

export function rssMb(pid: number | undefined): number {
  if (!pid) return 0
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    return Math.round(kb / 1024)
  } catch {
    return 0
  }
}

/** RSS of a process and all its descendants (tsx runs the server in a child). */
export function treeRssMb(pid: number | undefined): number {
  if (!pid) return 0
  const pids = [pid]
  for (let i = 0; i < pids.length; i++) {
    try {
      const children = fs.readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
      pids.push(...children)
    } catch {
      /* gone */
    }
  }
  return pids.reduce((sum, p) => sum + rssMb(p), 0)
}

export interface Scenario {
  name: string
  /** Requests for autocannon: rotated across connections. */
  requests: () => autocannon.Request[]
  /** Status codes that are the expected outcome under contention (e.g. 409), not errors. */
  expectedStatuses?: number[]
  /** Total requests instead of a duration (for scenarios that consume state). */
  amount?: number
  connections?: number[]
  /** The raw baseline path prefix (baseline server answers the same request shape). */
  baseline?: boolean
}

export async function measure(url: string, scenario: Scenario, connections: number, opts: { duration: number; warmup: number; pid?: number }): Promise<RunResult> {
  const requests = scenario.requests()
  if (opts.warmup > 0 && !scenario.amount) {
    await run(url, requests, connections, { duration: opts.warmup })
  }
  let peakRss = 0
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, treeRssMb(opts.pid))
  }, 250)
  try {
    const latencies: number[] = []
    const clock = { started: performance.now(), lastResponse: 0 }
    const result = await run(url, requests, connections, scenario.amount ? { amount: scenario.amount } : { duration: opts.duration }, latencies, clock)
    // up to the last response: autocannon ends a fixed-amount run at its next 1 s sample tick, which would round
    // the wall time up to whole seconds (a 0.6 s run read as 1.0 s)
    const seconds = Math.max(0.001, ((clock.lastResponse || performance.now()) - clock.started) / 1000)
    const statuses: Record<string, number> = {}
    for (const [code, v] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = (v as { count: number }).count
    const expected = (scenario.expectedStatuses ?? []).reduce((n, code) => n + (statuses[String(code)] ?? 0), 0)
    const non2xx = result.non2xx - expected
    latencies.sort((a, b) => a - b)
    const pct = (p: number) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] * 10) / 10 : 0)
    return {
      // fixed-amount runs: completed requests over wall time (autocannon's per-second average undercounts partial seconds)
      rps: scenario.amount ? Math.round((result.requests.total / seconds) * 10) / 10 : Math.round(result.requests.average * 10) / 10,
      p50: pct(50),
      p95: pct(95),
      p99: pct(99),
      errors: result.errors + result.timeouts + non2xx,
      expected,
      non2xx: result.non2xx,
      requests: result.requests.total,
      rssMb: Math.max(peakRss, treeRssMb(opts.pid)),
      statuses,
    }
  } finally {
    clearInterval(sampler)
  }
}

function run(
  url: string,
  requests: autocannon.Request[],
  connections: number,
  limit: { duration?: number; amount?: number },
  latencies?: number[],
  clock?: { lastResponse: number },
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        pipelining: 1,
        requests,
        timeout: 30,
        ...(limit.amount ? { amount: limit.amount } : { duration: limit.duration }),
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    )
    instance.on('error', reject)
    if (latencies) instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms))
    if (clock) instance.on('response', () => (clock.lastResponse = performance.now()))
  })
}

export function table(rows: string[][]): string {
  const header = rows[0]
  const sep = header.map(() => '---')
  return [header, sep, ...rows.slice(1)].map((r) => `| ${r.join(' | ')} |`).join('\n')
}

/**
 * Claims bench/.work for this run: two benches at once share its database directory and clobber each other's
 * figures. The lock file holds the owner's pid; a lock whose owner is gone is taken over. Returns the release.
 */
export function claimWorkDir(lockFile: string): () => void {
  const content = String(process.pid)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, content, { flag: 'wx' })
      const release = () => {
        if (fs.existsSync(lockFile) && fs.readFileSync(lockFile, 'utf8') === content) fs.rmSync(lockFile, { force: true })
        process.off('exit', release)
      }
      process.on('exit', release)
      return release
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
    const owner = Number(fs.readFileSync(lockFile, 'utf8'))
    if (Number.isInteger(owner) && owner > 0 && processAlive(owner)) throw new Error(`another bench (pid ${owner}) is using ${path.dirname(lockFile)}; wait for it to finish`)
    fs.rmSync(lockFile, { force: true }) // its owner is gone
  }
  throw new Error(`could not claim ${lockFile}`)
}
