/**
 * src/http/adapter.ts's `sendFetchResponse`: Payload's REST and GraphQL handlers answer with a Fetch `Response`,
 * which the express server writes out. A JSON answer is sent in one write, with its length (no web-stream bridge);
 * anything else (a file, a CSV export) is still streamed.
 */
import type { AddressInfo } from 'node:net'

import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { sendFetchResponse } from '@/http/adapter'

let base = ''
let close: () => Promise<void>

beforeAll(async () => {
  const app = express()
  const json = { message: 'héllo', list: Array.from({ length: 2000 }, (_, i) => i) }
  app.get('/json', (_req, res, next) => {
    sendFetchResponse(res, Response.json(json, { status: 201, headers: { 'x-read-path': 'generic' } })).catch(next)
  })
  app.get('/cookies', (_req, res, next) => {
    const headers = new Headers({ 'content-type': 'application/json; charset=utf-8' })
    headers.append('set-cookie', 'a=1; Path=/')
    headers.append('set-cookie', 'b=2; Path=/')
    sendFetchResponse(res, new Response('{"ok":true}', { headers })).catch(next)
  })
  app.get('/csv', (_req, res, next) => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(new TextEncoder().encode(`row,${i}\n`))
        controller.close()
      },
    })
    sendFetchResponse(res, new Response(body, { headers: { 'content-type': 'text/csv' } })).catch(next)
  })
  app.get('/empty', (_req, res, next) => {
    sendFetchResponse(res, new Response(null, { status: 204 })).catch(next)
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => new Promise((resolve) => server.close(() => resolve()))
})
afterAll(() => close())

describe('sendFetchResponse', () => {
  it('sends a JSON answer whole, with its status, headers and byte length', async () => {
    const res = await fetch(`${base}/json`)
    const text = await res.text()
    expect(res.status).toBe(201)
    expect(res.headers.get('x-read-path')).toBe('generic')
    expect(res.headers.get('transfer-encoding')).toBeNull()
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text))
    expect(JSON.parse(text)).toEqual({ message: 'héllo', list: Array.from({ length: 2000 }, (_, i) => i) })
  })

  it('keeps every set-cookie header of a JSON answer', async () => {
    const res = await fetch(`${base}/cookies`)
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/'])
    expect(await res.json()).toEqual({ ok: true })
  })

  it('streams any other answer', async () => {
    const res = await fetch(`${base}/csv`)
    expect(res.headers.get('transfer-encoding')).toBe('chunked')
    expect(await res.text()).toBe('row,0\nrow,1\nrow,2\n')
  })

  it('ends an answer without a body', async () => {
    const res = await fetch(`${base}/empty`)
    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')
  })
})
