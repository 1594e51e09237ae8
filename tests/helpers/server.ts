/** Starts the real express server (API only, no Next) on a free loopback port for HTTP tests. */
import type { RunningServer, ServerOptions } from '../../src/server'

export async function startTestServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const { createServer } = await import('../../src/server')
  return createServer({
    next: false,
    port: 0,
    host: '127.0.0.1',
    seed: false,
    cron: false,
    rateLimitAuth: 0,
    rateLimitApi: 0,
    ...opts,
  })
}

export async function http<T = any>(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: BodyInit } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { ...(opts.token ? { Authorization: `JWT ${opts.token}` } : {}), ...opts.headers }
  let body = opts.raw
  if (opts.body !== undefined) {
    headers['Content-Type'] ??= 'application/json'
    body = JSON.stringify(opts.body)
  }
  const res = await fetch(`${base}${path}`, { method, headers, body })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as T, headers: res.headers }
}
