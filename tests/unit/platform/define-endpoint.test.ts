/**
 * defineEndpoint: the one prologue of every custom endpoint — auth, route id, zod body and query, the answer.
 * Driven with request objects shaped like Payload's (user, routeParams, headers, text(), searchParams).
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { APIError } from 'payload'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

import { defineEndpoint, type EndpointDoc, zDate, zId } from '../../../src/http/define-endpoint'

interface FakeRequest {
  user?: { id: number; collection: string; roles: string[]; status?: string } | null
  id?: string
  body?: string
  query?: string
  contentType?: string
}

function request(r: FakeRequest = {}): PayloadRequest {
  const body = r.body ?? ''
  return {
    user: r.user ?? null,
    routeParams: r.id === undefined ? {} : { id: r.id },
    headers: new Headers(r.contentType === undefined ? { 'content-type': 'application/json' } : { 'content-type': r.contentType }),
    json: async () => JSON.parse(body),
    text: async () => body,
    searchParams: new URLSearchParams(r.query ?? ''),
    url: `http://localhost/api/x?${r.query ?? ''}`,
  } as unknown as PayloadRequest
}

const buyer = { id: 7, collection: 'users', roles: ['buyer'] }
const suspended = { id: 8, collection: 'users', roles: ['buyer'], status: 'suspended' }
const admin = { id: 1, collection: 'users', roles: ['admin'] }

async function call(endpoint: Endpoint, r: FakeRequest): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    const res = await endpoint.handler(request(r))
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  } catch (err) {
    if (err instanceof APIError) return { status: err.status, body: { message: err.message, data: err.data } }
    throw err
  }
}

const echo = defineEndpoint({
  method: 'post',
  path: '/:id/echo',
  summary: 'Echo the parsed input.',
  auth: 'write',
  body: z.object({ note: z.string().max(5, 'note: at most 5 characters.'), count: z.number().int().optional() }),
  query: z.object({ tag: z.union([z.string(), z.array(z.string())]).optional(), at: zDate.optional() }),
  status: 201,
  run: ({ user, id, body, query }) => ({ user: user.id, id, body, tag: query.tag ?? null }),
})

describe('defineEndpoint', () => {
  it('keeps its declaration on the endpoint for the docs', () => {
    const spec = (echo.custom as { spec: EndpointDoc }).spec
    expect(spec).toMatchObject({ method: 'post', path: '/:id/echo', summary: 'Echo the parsed input.', auth: 'write' })
    expect(spec.body).toBeDefined()
    expect(z.toJSONSchema(spec.body!, { io: 'input' })).toMatchObject({ required: ['note'], properties: { note: { type: 'string' } } })
  })

  it('answers with run’s data and the declared status; repeated query keys become arrays', async () => {
    const res = await call(echo, { user: buyer, id: '12', body: JSON.stringify({ note: 'hi' }), query: 'tag=a&tag=b' })
    expect(res).toEqual({ status: 201, body: { user: 7, id: 12, body: { note: 'hi' }, tag: ['a', 'b'] } })
  })

  it('auth: 401 anonymous, 403 suspended for write, roles enforced', async () => {
    expect((await call(echo, { id: '1', body: '{"note":"x"}' })).status).toBe(401)
    expect((await call(echo, { user: suspended, id: '1', body: '{"note":"x"}' })).status).toBe(403)
    const adminsOnly = defineEndpoint({ method: 'get', path: '/stats', summary: 's', auth: { roles: ['admin'] }, run: () => ({ ok: true }) })
    expect((await call(adminsOnly, { user: buyer })).status).toBe(403)
    expect(await call(adminsOnly, { user: admin })).toEqual({ status: 200, body: { ok: true } })
    const open = defineEndpoint({ method: 'get', path: '/who', summary: 'w', auth: 'public', run: ({ user }) => ({ user: user?.id ?? null }) })
    expect(await call(open, {})).toEqual({ status: 200, body: { user: null } })
  })

  it('authorize runs after auth and before the route id and the input: a caller who may not call gets 401 whatever the input', async () => {
    const guestOrUser = defineEndpoint({
      method: 'post',
      path: '/:id/feedback',
      summary: 'f',
      auth: 'public',
      authorize: ({ req, user }) => {
        if (!user && !req.headers.get('x-guest-token')) throw new APIError('Sign in or send the token.', 401, null, true)
      },
      body: z.object({ rating: z.number() }),
      run: ({ id, body }) => ({ id, rating: body.rating }),
    })
    expect((await call(guestOrUser, { id: 'abc', body: '{"rating":"x"}' })).status).toBe(401)
    expect((await call(guestOrUser, { user: buyer, id: 'abc', body: '{"rating":"x"}' })).status).toBe(404)
    expect((await call(guestOrUser, { user: buyer, id: '3', body: '{"rating":"x"}' })).status).toBe(400)
    expect(await call(guestOrUser, { user: buyer, id: '3', body: '{"rating":4}' })).toEqual({ status: 200, body: { id: 3, rating: 4 } })
  })

  it('a :id that is not a positive integer is a 404 before run', async () => {
    for (const id of ['0', '-3', '1.5', 'abc']) expect((await call(echo, { user: buyer, id, body: '{"note":"x"}' })).status).toBe(404)
  })

  it('invalid body and query: one 400 naming every invalid field, in the platform’s shape; run never sees it', async () => {
    let ran = false
    const guarded = defineEndpoint({
      method: 'post',
      path: '/g',
      summary: 'g',
      auth: 'public',
      body: z.object({ a: zId, b: z.string() }),
      run: () => {
        ran = true
        return {}
      },
    })
    const res = await call(guarded, { body: JSON.stringify({ a: 'x' }) })
    expect(res.status).toBe(400)
    expect(res.body.message).toBe('The following fields are invalid: a, b')
    const errors = (res.body.data as { errors: { path: string; message: string }[] }).errors
    expect(errors.map((e) => e.path)).toEqual(['a', 'b'])
    expect(ran).toBe(false)
    const long = await call(echo, { user: buyer, id: '1', body: JSON.stringify({ note: 'toolong' }) })
    expect(long.status).toBe(400)
    expect((long.body.data as { errors: { message: string }[] }).errors[0].message).toBe('note: at most 5 characters.')
    const badDate = await call(echo, { user: buyer, id: '1', body: '{"note":"x"}', query: 'at=never' })
    expect((badDate.body.data as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['at'])
  })

  it('malformed JSON, a non-object body and a non-JSON content type are 400s', async () => {
    expect((await call(echo, { user: buyer, id: '1', body: '{"note":' })).status).toBe(400)
    expect((await call(echo, { user: buyer, id: '1', body: '[1,2]' })).status).toBe(400)
    expect((await call(echo, { user: buyer, id: '1', body: 'note=x', contentType: 'application/x-www-form-urlencoded' })).status).toBe(400)
  })

  it('a Response from run passes through untouched', async () => {
    const raw = defineEndpoint({ method: 'get', path: '/raw', summary: 'r', auth: 'public', run: () => new Response('<xml/>', { status: 202, headers: { 'content-type': 'application/xml' } }) })
    const res = await raw.handler(request())
    expect(res.status).toBe(202)
    expect(await res.text()).toBe('<xml/>')
  })
})
