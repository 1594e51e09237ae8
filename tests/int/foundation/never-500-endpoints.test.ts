/**
 * Every custom endpoint (declared with `defineEndpoint`, root, collection and global ones alike: a new endpoint is
 * covered without editing this file), on the demo data: bodies and queries generated from the endpoint's own zod
 * schemas — values of the declared types at their edges (empty and long strings, ids of missing documents, ids past
 * PostgreSQL's integer range, dates in 1900 and 9999, every enum value, empty and short lists) and sometimes values
 * of the wrong type — sent by an admin, a seller and a buyer, with route ids of seeded and missing documents. Every
 * answer is 2xx or 4xx (a provider that cannot be reached may answer 502/503), never a 500. Seeded (FUZZ_SEED to
 * replay, FUZZ_CALLS to widen): the failing request is in the assertion message.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'

import { api } from '../../helpers/api'
import { declaredEndpoints, type DeclaredEndpoint } from '../../helpers/endpoints'
import { demoPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'

const SEED = Number(process.env.FUZZ_SEED ?? 20261206)
/** Calls per endpoint. */
const CALLS = Number(process.env.FUZZ_CALLS ?? 24)

type Random = () => number
type Gen = (r: Random) => unknown
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]

const STRINGS = ['', 'x', ' ', 'Toyota', 'a'.repeat(600), 'عربي', "'; select 1 --", '0', '-1', '2026-12-10T10:00:00.000Z', 'abc@example.com', '+15550100', '1234']
const NUMBERS = [0, 1, 2, 3, 5, 12, 36, 100, -1, 1.5, 1e6, 2 ** 31, 1e15]
const ANY = [1, 2, 'x', null, { relationTo: 'cars', value: 1 }, [1], true, '2026-12-10T10:00:00.000Z']

/** Values for a zod 4 schema: of its type at the edges, now and then absent or of another type. */
function valuesOf(schema: unknown, depth = 0): Gen {
  const def = (schema as { _zod?: { def?: Record<string, any> } })?._zod?.def
  if (!def) return () => 'x'
  const dates = () => ['1900-01-01T00:00:00.000Z', '9999-12-31T00:00:00.000Z', new Date(Date.now() + 2 * 86_400_000).toISOString(), new Date(Date.now() - 3_600_000).toISOString(), 'not a date']
  switch (def.type) {
    case 'pipe': // z.preprocess(fn, schema): the schema is the pipe's output side
      return valuesOf(def.out?._zod?.def?.type === 'transform' ? def.in : def.out, depth)
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional': {
      const inner = valuesOf(def.innerType, depth)
      return (r) => (r() < 0.2 ? undefined : inner(r))
    }
    case 'string':
      return (r) => pick(r, STRINGS)
    case 'number':
    case 'int':
      return (r) => pick(r, NUMBERS)
    case 'boolean':
      return (r) => r() < 0.5
    case 'date':
      return (r) => pick(r, dates())
    case 'enum':
      return (r) => pick(r, Object.values(def.entries ?? {}))
    case 'literal':
      return () => def.values?.[0]
    case 'array': {
      const item = valuesOf(def.element, depth + 1)
      return (r) => (r() < 0.3 ? [] : Array.from({ length: 1 + Math.floor(r() * 3) }, () => item(r)))
    }
    case 'object': {
      const keys = Object.entries(def.shape ?? {}).map(([key, s]) => [key, valuesOf(s, depth + 1)] as const)
      return (r) => {
        const out: Record<string, unknown> = {}
        for (const [key, g] of keys) {
          const v = g(r)
          if (v !== undefined) out[key] = v
        }
        return out
      }
    }
    case 'record':
      return (r) => ({ en: pick(r, STRINGS), ar: pick(r, STRINGS) })
    case 'union': {
      const options = (def.options ?? []).map((o: unknown) => valuesOf(o, depth + 1))
      return (r) => pick(r, options as Gen[])(r)
    }
    case 'intersection': {
      const left = valuesOf(def.left, depth + 1)
      const right = valuesOf(def.right, depth + 1)
      return (r) => ({ ...(left(r) as object), ...(right(r) as object) })
    }
    case 'lazy':
      return depth > 3 ? () => ({}) : valuesOf(def.getter(), depth + 1)
    default: // unknown, any, custom…: anything
      return (r) => pick(r, ANY)
  }
}

type Target = DeclaredEndpoint

let targets: Target[] = []
let callers: TestUser[] = []

beforeAll(async () => {
  const payload = await demoPayload()
  callers = await Promise.all([createUser({ roles: ['admin'] }), createUser({ roles: ['seller'] }), createUser({ roles: ['buyer'] })])
  targets = declaredEndpoints(payload)
}, 300_000)

describe('never 500 from a custom endpoint', () => {
  it('every defineEndpoint endpoint, inputs generated from its zod schemas, three roles: 2xx or 4xx', async () => {
    expect(targets.length).toBeGreaterThan(100)
    const numbers = fc.sample(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { seed: SEED, numRuns: 50_000 })
    let at = 0
    const r: Random = () => numbers[at++ % numbers.length]
    const failures: string[] = []
    const reached = new Set<Target>()
    for (const target of targets) {
      const { endpoint, spec, prefix } = target
      const body = spec.body ? valuesOf(spec.body) : null
      const query = spec.query ? valuesOf(spec.query) : null
      for (let i = 0; i < CALLS; i++) {
        const path = endpoint.path.replace(/:id\b/g, String(pick(r, [1, 2, 3, 5, 999_999]))).replace(/:[A-Za-z]+/g, () => pick(r, ['1', 'x', 'cars']))
        const params = new URLSearchParams()
        for (const [key, v] of Object.entries((query?.(r) as Record<string, unknown> | undefined) ?? {}))
          if (v !== undefined && v !== null) params.set(key, typeof v === 'object' ? JSON.stringify(v) : String(v))
        const url = `${prefix}${path}${params.size ? `?${params}` : ''}`
        const caller = pick(r, callers)
        const sent = body && endpoint.method !== 'get' ? body(r) : undefined
        const res = await api(endpoint.method.toUpperCase(), url, { token: caller.token, ...(sent !== undefined ? { body: sent } : {}) })
        if (res.status < 300) reached.add(target)
        if (res.status >= 500 && res.status !== 502 && res.status !== 503)
          failures.push(`${endpoint.method.toUpperCase()} ${url} as ${caller.roles} ${JSON.stringify(sent)?.slice(0, 300)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`)
      }
    }
    expect(failures, `seed ${SEED}:\n${failures.slice(0, 20).join('\n')}`).toEqual([])
    // the inputs get past validation and authorization into the work of most endpoints, not only into their 400s
    expect(reached.size, `endpoints answering 2xx at least once: ${reached.size} of ${targets.length}`).toBeGreaterThan(targets.length / 3)
  }, 900_000)
})
