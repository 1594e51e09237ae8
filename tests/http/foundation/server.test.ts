/**
 * The real express server: security headers, health (and 503 when the database goes away), rate limits
 * with Payload's error shape, body size limits and malformed JSON (4xx, never 500), client IP recording.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../../../src/server'
import { testPayload } from '../../helpers/payload'
import { http, startTestServer } from '../../helpers/server'
import { createUser } from '../../helpers/users'

let server: RunningServer

beforeAll(async () => {
  await testPayload()
  server = await startTestServer({ rateLimitAuth: 5, rateLimitApi: 0 })
})

afterAll(async () => {
  await server?.close()
})

describe('express server', () => {
  it('serves health with a database round-trip and security headers', async () => {
    const res = await http(server.url, 'GET', '/api/health')
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('ok')
    expect(res.body.database).toBe('ok')
    expect(typeof res.body.uptimeSeconds).toBe('number')
    expect(res.body.version).toMatch(/\d+\.\d+\.\d+/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-powered-by')).toBeNull()
  })

  it('serves REST and GraphQL through Payload', async () => {
    const rest = await http(server.url, 'GET', '/api/media?limit=1')
    expect(rest.status).toBe(200)
    expect(Array.isArray(rest.body.docs)).toBe(true)
    const gql = await http(server.url, 'POST', '/api/graphql', { body: { query: '{ __schema { queryType { name } } }' } })
    expect(gql.status).toBe(200)
    expect(gql.body.data.__schema.queryType.name).toBe('Query')
  })

  it('rejects malformed JSON with 400 in Payload’s error shape', async () => {
    const res = await http(server.url, 'POST', '/api/users', { raw: '{"email": "x@y.z", ', headers: { 'Content-Type': 'application/json' } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/malformed json/i)
  })

  it('rejects an oversized JSON body with 413 and writes nothing', async () => {
    const payload = await testPayload()
    const before = (await payload.count({ collection: 'users', overrideAccess: true })).totalDocs
    const big = JSON.stringify({ email: 'big@test.local', password: 'secret-pass-1', bio: 'x'.repeat(2 * 1024 * 1024) })
    const res = await http(server.url, 'POST', '/api/users', { raw: big, headers: { 'Content-Type': 'application/json' } })
    expect(res.status).toBe(413)
    expect(res.body.errors[0].message).toMatch(/too large/i)
    expect((await payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('answers invalid field values with 400, never 500', async () => {
    const res = await http(server.url, 'POST', '/api/users', { body: { email: 'not-an-email', password: 'x' } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors.length).toBeGreaterThan(0)
  })

  it('records the client IP of a sign-in', async () => {
    const u = await createUser({ roles: ['buyer'], login: false })
    const res = await http(server.url, 'POST', '/api/users/login', { body: { email: u.email, password: u.password } })
    expect(res.status).toBe(200)
    const payload = await testPayload()
    const events = await payload.find({ collection: 'login-events', where: { user: { equals: u.id } }, overrideAccess: true })
    expect(events.docs[0].ip).toMatch(/127\.0\.0\.1/)
  })

  it('rate-limits a burst of logins with 429 in Payload’s error shape', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => http(server.url, 'POST', '/api/users/login', { body: { email: 'nobody@test.local', password: 'wrong' } })))
    const limited = results.filter((r) => r.status === 429)
    expect(limited.length).toBeGreaterThanOrEqual(12 - 5)
    expect(limited[0].body.errors[0].message).toMatch(/too many/i)
    // other API routes are not affected by the auth limiter
    expect((await http(server.url, 'GET', '/api/health')).status).toBe(200)
  })
})

describe('health when the database goes away', () => {
  it('answers 503 while the database refuses connections, and recovers', async () => {
    const url = new URL(process.env.DATABASE_URL as string)
    const dbName = url.pathname.slice(1)
    url.pathname = '/postgres'
    const admin = new pg.Client({ connectionString: url.toString() })
    await admin.connect()
    try {
      await admin.query(`alter database "${dbName}" allow_connections false`)
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [dbName])
      const down = await http(server.url, 'GET', '/api/health')
      expect(down.status).toBe(503)
      expect(down.body.database).toBe('down')
    } finally {
      await admin.query(`alter database "${dbName}" allow_connections true`)
      await admin.end()
    }
    const up = await http(server.url, 'GET', '/api/health')
    expect(up.status).toBe(200)
  })
})
