/**
 * `defineEndpoint`: the one prologue of every custom endpoint. It declares who may call (auth, roles), the
 * request's body and query as zod schemas, and the work (`run`); it parses, authorizes and validates before
 * `run` sees anything, so `run` gets typed input and a bad request is a 400 naming every invalid field.
 *
 *   export const cancelEndpoint = defineEndpoint({
 *     method: 'post', path: '/:id/cancel', summary: 'Cancel a booking (refund per the policy).',
 *     auth: 'write', body: z.object({ reason: z.string().max(500).optional() }),
 *     run: async ({ req, user, id, body }) => cancelBooking(req, user, id, body.reason),
 *   })
 *
 * An id field declared with `ref(name, collection)` (src/http/fields.ts) must name a document the caller may read,
 * by the collection's read access: 400 naming the field otherwise, before `run` (the same answer whether the document
 * is hidden or absent).
 *
 * The declaration stays on the endpoint (`custom.spec`, server-only): docs/ tables are generated from it.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { unreadableIds, unseenReference } from '@/access/readable'
import type { AccessUser, Role } from '@/access/roles'
import type { IdMeta } from '@/http/fields'
import { currentUser, HttpError, invalidFields, json, readJson, requireUser, routeId, searchParams } from '@/lib/http'

/**
 * Who may call: `public` (anyone; `user` is the caller or null), `user` (signed in), `write` (signed in and
 * allowed to write: not suspended or inactive), or `{ roles }` (signed in with one of the roles; `write` too
 * unless `write: false`).
 */
export type EndpointAuth = 'public' | 'user' | 'write' | { roles: Role[]; write?: boolean }

type UserFor<A extends EndpointAuth> = A extends 'public' ? AccessUser | null : AccessUser
type Out<S> = S extends z.ZodType ? z.output<S> : undefined

export interface EndpointSpec<A extends EndpointAuth, B extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  method: Endpoint['method']
  /** Relative to the collection (`/:id/cancel`) or to `/api` for root endpoints. A `:id` segment is parsed as a positive integer (404 otherwise). */
  path: string
  /** One line for the docs. */
  summary: string
  auth: A
  body?: B
  query?: Q
  /** HTTP status of a successful answer when `run` returns data (default 200). */
  status?: number
  /**
   * A further check of the caller, after `auth` and before the route id and the input are read (e.g. "signed in, or
   * a guest token"): so a caller who may not call gets its 401/403 whatever the input.
   */
  authorize?: (ctx: { req: PayloadRequest; user: UserFor<A> }) => void | Promise<void>
  run: (ctx: { req: PayloadRequest; user: UserFor<A>; id: number; body: Out<B>; query: Out<Q> }) => Promise<unknown> | unknown
}

export interface EndpointDoc {
  method: string
  path: string
  summary: string
  auth: EndpointAuth
  body?: z.ZodType
  query?: z.ZodType
}

/** zod issues → the platform's 400 (`{ errors: [{ message, data: { errors: [{ path, message }] } }] }`). */
export function issuesToError(issues: readonly z.core.$ZodIssue[], prefix?: string) {
  const errors = issues.map((i) => {
    const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.')
    return { path: path || '(body)', message: i.message }
  })
  return invalidFields(errors)
}

function authorize(req: PayloadRequest, auth: EndpointAuth): AccessUser | null {
  if (auth === 'public') return currentUser(req)
  if (auth === 'user') return requireUser(req)
  if (auth === 'write') return requireUser(req, { write: true })
  return requireUser(req, { roles: auth.roles, write: auth.write ?? true })
}

function queryObject(req: PayloadRequest): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [key, value] of searchParams(req)) {
    const prev = out[key]
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value]
  }
  return out
}

export function defineEndpoint<A extends EndpointAuth, B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(spec: EndpointSpec<A, B, Q>): Endpoint {
  const hasId = /(^|\/):id(\/|$)/.test(spec.path)
  const doc: EndpointDoc = { method: spec.method, path: spec.path, summary: spec.summary, auth: spec.auth, body: spec.body, query: spec.query }
  // read off the schemas once, not on every request
  const bodyRefs = referenceFields(spec.body)
  const queryRefs = referenceFields(spec.query)
  return {
    method: spec.method,
    path: spec.path,
    custom: { spec: doc },
    handler: async (req) => {
      const user = authorize(req, spec.auth) as UserFor<A>
      await spec.authorize?.({ req, user })
      const id = hasId ? routeId(req) : 0
      let body = undefined as Out<B>
      if (spec.body) {
        const parsed = spec.body.safeParse(await readJson(req))
        if (!parsed.success) throw issuesToError(parsed.error.issues)
        body = parsed.data as Out<B>
      }
      let query = undefined as Out<Q>
      if (spec.query) {
        const parsed = spec.query.safeParse(queryObject(req))
        if (!parsed.success) throw issuesToError(parsed.error.issues)
        query = parsed.data as Out<Q>
      }
      await assertReadableReferences(req, [
        [bodyRefs, body],
        [queryRefs, query],
      ])
      const result = await spec.run({ req, user, id, body, query })
      return result instanceof Response ? result : json(result ?? {}, spec.status ?? 200)
    },
  }
}

/**
 * The fields of an object schema, or null: through pipes (`z.preprocess`: its output; `.transform()`: its input) and
 * optional/default/nullable wrappers. Also what docs/generate.ts reads an endpoint's fields from.
 */
export function shapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> | null {
  let s: z.ZodType | undefined = schema
  for (let depth = 0; s && depth < 8; depth++) {
    const def = s._zod.def as { type: string; shape?: Record<string, z.ZodType>; out?: z.ZodType; in?: z.ZodType; innerType?: z.ZodType }
    if (def.type === 'object') return def.shape ?? null
    s = def.type === 'pipe' ? ((def.out?._zod.def.type === 'transform' ? def.in : def.out) ?? undefined) : def.innerType
  }
  return null
}

/** The top-level `ref()` fields of a body or query schema: field name → the collection it names (and how a miss is answered). */
export function referenceFields(schema: z.ZodType | undefined): Map<string, { slug: string; notFound: boolean }> {
  const out = new Map<string, { slug: string; notFound: boolean }>()
  for (const [name, field] of Object.entries(shapeOf(schema) ?? {})) {
    const meta = field.meta() as IdMeta | undefined
    if (meta?.references) out.set(name, { slug: meta.references, notFound: meta.notFound === true })
  }
  return out
}

/**
 * The `ref()` values of a parsed body and query (each with its schema's `referenceFields`) must name documents the
 * caller may read: 400 naming each field otherwise.
 */
export async function assertReadableReferences(req: PayloadRequest, inputs: readonly [ReturnType<typeof referenceFields>, unknown][]): Promise<void> {
  const errors: { path: string; message: string; notFound: boolean }[] = []
  for (const [refs, input] of inputs) {
    if (!refs.size || !input || typeof input !== 'object') continue
    for (const [name, { slug, notFound }] of refs) {
      const value = (input as Record<string, unknown>)[name]
      if (value === undefined || value === null) continue
      if ((await unreadableIds(req, slug, [String(value)])).length) errors.push({ path: name, message: unseenReference(name, slug, String(value)), notFound })
    }
  }
  if (!errors.length) return
  const fields = errors.map(({ path, message }) => ({ path, message }))
  const missing = errors.find((e) => e.notFound)
  throw missing ? new HttpError(404, missing.message, { errors: fields }) : invalidFields(fields)
}

/** Shared schema pieces. */
export const zId = z.coerce.number().int('Must be an integer id.').positive('Must be a positive id.')
export const zDate = z.coerce.date({ error: 'Must be a date (ISO 8601).' })
