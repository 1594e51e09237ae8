/**
 * express ⇄ Fetch: Payload's REST and GraphQL handlers take a Fetch `Request` and return a `Response`;
 * the express server calls them directly (no Next routing on the API path).
 */
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { Readable } from 'node:stream'

import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'

export function toFetchRequest(req: ExpressRequest): Request {
  const proto = req.protocol
  const host = req.get('host') ?? 'localhost'
  const url = `${proto}://${host}${req.originalUrl}`
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]
    if (/^(x-real-ip|content-length|transfer-encoding|connection)$/i.test(name)) continue
    headers.append(name, req.rawHeaders[i + 1])
  }
  headers.set('x-real-ip', req.ip ?? '')
  const method = req.method.toUpperCase()
  const hasBody = method !== 'GET' && method !== 'HEAD' && Buffer.isBuffer(req.body) && req.body.length > 0
  return new Request(url, {
    method,
    headers,
    body: hasBody ? new Uint8Array(req.body as Buffer) : undefined,
    // @ts-expect-error Node's fetch needs duplex for request bodies
    duplex: 'half',
  })
}

export async function sendFetchResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.status(response.status)
  const cookies = response.headers.getSetCookie?.() ?? []
  response.headers.forEach((value, key) => {
    if (key.toLowerCase() === 'set-cookie') return
    res.setHeader(key, value)
  })
  if (cookies.length) res.setHeader('set-cookie', cookies)
  if (!response.body) {
    res.end()
    return
  }
  // A JSON answer (every REST and GraphQL document answer: built from a string, bounded by the page size) is sent in
  // one write; bridging its web stream into a Node stream and piping it cost more than the bytes.
  if (/^application\/json\b/.test(response.headers.get('content-type') ?? '')) {
    res.end(Buffer.from(await response.arrayBuffer()))
    return
  }
  await new Promise<void>((resolve, reject) => {
    const stream = Readable.fromWeb(response.body as WebReadableStream)
    stream.on('error', reject)
    res.on('finish', resolve)
    res.on('close', resolve)
    stream.pipe(res)
  })
}

/** Payload's error shape. */
export const errorBody = (message: string, data?: unknown) => ({ errors: [{ message, ...(data ? { data } : {}) }] })
