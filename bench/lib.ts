/** Benchmark plumbing: child processes, readiness, autocannon runs, RSS sampling, the results table. */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'

import autocannon from 'autocannon'

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
}

export function startProcess(cmd: string, args: string[], env: Record<string, string>, logFile: string): ChildProcess {
  const out = fs.openSync(logFile, 'a')
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', out, out], detached: false })
  return child
}

export async function waitFor(url: string, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      const res = await fetch(url)
      if (res.ok) return
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

export async function measure(
  url: string,
  scenario: Scenario,
  connections: number,
  opts: { duration: number; warmup: number; pid?: number },
): Promise<RunResult> {
  const requests = scenario.requests()
  if (opts.warmup > 0 && !scenario.amount) {
    await run(url, requests, connections, { duration: opts.warmup })
  }
  let peakRss = 0
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, treeRssMb(opts.pid))
  }, 250)
  try {
    const result = await run(url, requests, connections, scenario.amount ? { amount: scenario.amount } : { duration: opts.duration })
    const expected = (scenario.expectedStatuses ?? []).reduce((n, code) => n + (result.statusCodeStats?.[String(code) as never]?.count ?? 0), 0)
    const non2xx = result.non2xx - expected
    return {
      rps: Math.round(result.requests.average * 10) / 10,
      p50: result.latency.p50,
      p95: (result.latency as unknown as Record<string, number>).p97_5 !== undefined ? percentile(result, 95) : result.latency.p90,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + non2xx,
      expected,
      non2xx: result.non2xx,
      requests: result.requests.total,
      rssMb: Math.max(peakRss, treeRssMb(opts.pid)),
    }
  } finally {
    clearInterval(sampler)
  }
}

/** autocannon reports p90 and p97.5, not p95: interpolate between them. */
function percentile(result: autocannon.Result, p: 95): number {
  const l = result.latency as unknown as Record<string, number>
  const p90 = l.p90
  const p975 = l.p97_5
  return Math.round((p90 + ((p - 90) / 7.5) * (p975 - p90)) * 10) / 10
}

function run(url: string, requests: autocannon.Request[], connections: number, limit: { duration?: number; amount?: number }): Promise<autocannon.Result> {
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
  })
}

export function table(rows: string[][]): string {
  const header = rows[0]
  const sep = header.map(() => '---')
  return [header, sep, ...rows.slice(1)].map((r) => `| ${r.join(' | ')} |`).join('\n')
}
