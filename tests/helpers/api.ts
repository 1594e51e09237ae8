/**
 * In-process API calls: REST through Payload's `handleEndpoints` and GraphQL through the handler from
 * `@payloadcms/next/routes` — the same handlers the server uses, without a socket.
 */
import { handleEndpoints } from 'payload'

import { testPayload } from './payload'

export interface ApiResponse<T = any> {
  status: number
  body: T
  headers: Headers
}

export interface CallOptions {
  token?: string
  body?: unknown
  headers?: Record<string, string>
  /** Raw body (string/FormData) sent as is. */
  raw?: BodyInit
  locale?: string
}

const BASE = 'http://localhost'

export function authHeaders(token?: string): Record<string, string> {
  return token ? { Authorization: `JWT ${token}` } : {}
}

async function parse(res: Response): Promise<unknown> {
  const text = await res.text()
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export async function api<T = any>(method: string, path: string, opts: CallOptions = {}): Promise<ApiResponse<T>> {
  const payload = await testPayload()
  const headers: Record<string, string> = { ...authHeaders(opts.token), ...opts.headers }
  let body: BodyInit | undefined = opts.raw
  if (opts.body !== undefined) {
    headers['Content-Type'] ??= 'application/json'
    body = JSON.stringify(opts.body)
  }
  const url = `${BASE}${path.startsWith('/api') ? path : `/api${path}`}`
  const request = new Request(url, { method: method.toUpperCase(), headers, body })
  const res = await handleEndpoints({ config: payload.config, request })
  return { status: res.status, body: (await parse(res)) as T, headers: res.headers }
}

/** Payload's error shape: a non-empty `errors` list whose entries each carry a `message` string. */
export const isErrorShape = (body: unknown): boolean =>
  Boolean(body) &&
  Array.isArray((body as { errors?: unknown }).errors) &&
  (body as { errors: unknown[] }).errors.length > 0 &&
  (body as { errors: { message?: unknown }[] }).errors.every((e) => typeof e?.message === 'string')

export const get = <T = any>(path: string, opts?: CallOptions) => api<T>('GET', path, opts)
export const post = <T = any>(path: string, body?: unknown, opts: CallOptions = {}) => api<T>('POST', path, { ...opts, body: body ?? {} })
export const patch = <T = any>(path: string, body: unknown, opts: CallOptions = {}) => api<T>('PATCH', path, { ...opts, body })
export const del = <T = any>(path: string, opts?: CallOptions) => api<T>('DELETE', path, opts)

let graphqlHandler: ((req: Request) => Promise<Response>) | null = null

export async function gql<T = any>(
  query: string,
  variables?: Record<string, unknown>,
  opts: { token?: string; locale?: string } = {},
): Promise<ApiResponse<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>> {
  const payload = await testPayload()
  // Imported on first use: @payloadcms/next/routes costs ≈ 0.3 s of loading in every test process that imports
  // this helper, and most of them never call GraphQL.
  graphqlHandler ??= (await import('@payloadcms/next/routes')).GRAPHQL_POST(Promise.resolve(payload.config)) as unknown as (req: Request) => Promise<Response>
  const url = `${BASE}/api/graphql${opts.locale ? `?locale=${opts.locale}` : ''}`
  const res = await graphqlHandler(
    new Request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders(opts.token) },
      body: JSON.stringify({ query, variables }),
    }),
  )
  return { status: res.status, body: (await parse(res)) as never, headers: res.headers }
}
