/** `measure` (bench/lib.ts): a fixed-amount run's throughput is its requests over the time to the last response. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { measure } from '../../../bench/lib'

let server: http.Server
let url = ''
let served = 0
beforeAll(async () => {
  server = http.createServer((_req, res) => {
    served++
    res.end('{}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('measure, fixed amount', () => {
  it('counts the time to the last response, not autocannon’s next 1 s sample tick', async () => {
    const before = served
    const startedAt = performance.now()
    const result = await measure(url, { name: 'amount', amount: 40, requests: () => [{ method: 'GET', path: '/' }] }, 4, { duration: 1, warmup: 0 })
    const elapsed = performance.now() - startedAt
    expect(served - before).toBe(40)
    expect(result.requests).toBe(40)
    expect(result.errors).toBe(0)
    // autocannon reports the end at its first tick (≈ 1 s) however early the last answer came
    expect(elapsed).toBeGreaterThan(900)
    // 40 local answers take far less than a second: read as 1 s they would give ≤ 40 req/s
    expect(result.rps).toBeGreaterThan(200)
  })
})
