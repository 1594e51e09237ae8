/**
 * docs/source-systems.md cannot drift from the real routes: every AutoHub cell of its tables names a route the
 * platform serves (collection REST, auth, custom endpoints of collections and of the root, GraphQL, health; with or
 * without the /api/v1 prefix) or a socket.io event the code emits or handles. One table per source system. A row
 * whose AutoHub cell is `—` is a declared gap (its differences column says "not served yet").
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'

import { unversionedUrl } from '../../../src/http/api-version'
import { testPayload } from '../../helpers/payload'

const ROOT = path.resolve(__dirname, '../../..')
const DOC = readFileSync(path.join(ROOT, 'docs/source-systems.md'), 'utf8')
const SYSTEMS = ['caautoline', 'mvpBackend', 'ParkPass', 'Car Services', 'CarNegotiate']

interface Row {
  system: string
  source: string
  target: string
}

/** The tables' rows, by `## <system>` section. */
function rowsOfDoc(): Row[] {
  const rows: Row[] = []
  let system = ''
  for (const line of DOC.split('\n')) {
    const heading = /^## (.+)$/.exec(line)
    if (heading) system = SYSTEMS.find((s) => heading[1].startsWith(s)) ?? ''
    if (!system || !line.startsWith('| `')) continue
    const cells = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim())
    rows.push({ system, source: cells[0], target: cells[1] })
  }
  return rows
}

type Route = { method: string; pattern: RegExp; path: string }

const toPattern = (p: string) =>
  new RegExp(
    `^${p
      .replace(/\/$/, '')
      .replace(/:[A-Za-z]+/g, '[^/]+')
      .replace(/\{\*[a-z]+\}/g, '.*')}$`,
  )

function routesOf(config: { collections: { slug: string; auth?: unknown; endpoints?: unknown }[]; endpoints?: unknown }): Route[] {
  const routes: Route[] = []
  const add = (method: string, p: string) => routes.push({ method: method.toUpperCase(), path: p, pattern: toPattern(p) })
  for (const c of config.collections) {
    const base = `/api/${c.slug}`
    for (const [m, p] of [
      ['get', base],
      ['post', base],
      ['get', `${base}/:id`],
      ['patch', `${base}/:id`],
      ['delete', `${base}/:id`],
    ])
      add(m, p)
    if (c.auth) {
      for (const p of ['login', 'logout', 'refresh-token', 'forgot-password', 'reset-password', 'unlock', 'verify/:token', 'first-register']) add('post', `${base}/${p}`)
      add('get', `${base}/me`)
    }
    for (const e of (Array.isArray(c.endpoints) ? c.endpoints : []) as { method: string; path: string }[]) add(e.method, `${base}${e.path === '/' ? '' : e.path}`)
  }
  for (const e of (Array.isArray(config.endpoints) ? config.endpoints : []) as { method: string; path: string }[]) add(e.method, `/api${e.path}`)
  add('post', '/api/graphql')
  add('get', '/api/health')
  return routes
}

/** Every quoted string in the server code (socket event names are emitted and handled as literals). */
function codeStrings(): Set<string> {
  const found = new Set<string>()
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name)
      if (statSync(p).isDirectory()) walk(p)
      else if (p.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/['`]([a-z][a-z:-]+)['`]/g)) found.add(m[1])
    }
  }
  for (const dir of ['src/realtime', 'src/notifications', 'endpoints', 'hooks', 'collections']) walk(path.join(ROOT, dir))
  return found
}

let routes: Route[]
let strings: Set<string>

beforeAll(async () => {
  const payload = await testPayload()
  routes = routesOf(payload.config as never)
  strings = codeStrings()
})

describe('docs/source-systems.md', () => {
  it('has one table per source system', () => {
    const rows = rowsOfDoc()
    for (const s of SYSTEMS) expect(rows.filter((r) => r.system === s).length, s).toBeGreaterThan(5)
  })

  it('maps every source endpoint to a route AutoHub serves, and every socket event to one the code emits or handles', () => {
    const missing: string[] = []
    for (const r of rowsOfDoc()) {
      const target = r.target.replace(/`/g, '').trim()
      // An explicit gap: the row says so in its differences column ("not served yet").
      if (target === '—') continue
      const http = /^(GET|POST|PATCH|PUT|DELETE) (\/\S+)$/.exec(target)
      if (http) {
        const raw = http[2].split('?')[0]
        const p = unversionedUrl(raw) ?? raw
        if (!routes.some((route) => route.method === http[1] && route.pattern.test(p.replace(/\/$/, '')))) missing.push(`${r.system}: ${r.source} → ${target}`)
      } else if (r.source.startsWith('socket')) {
        if (!/^[a-z][a-z:-]+$/.test(target) || !strings.has(target)) missing.push(`${r.system}: ${r.source} → event ${target}`)
      } else missing.push(`${r.system}: ${r.source} → unreadable target "${target}"`)
    }
    expect(missing).toEqual([])
  })

  it('catches a route that does not exist', () => {
    expect(routes.some((r) => r.method === 'GET' && r.pattern.test('/api/technicians/available'))).toBe(true)
    expect(routes.some((r) => r.method === 'GET' && r.pattern.test('/api/no-such-collection'))).toBe(false)
    expect(routes.some((r) => r.method === 'POST' && r.pattern.test('/api/parking-bookings/1/check-out'))).toBe(true)
    expect(routes.some((r) => r.method === 'POST' && r.pattern.test('/api/parking-bookings/1/checkout'))).toBe(false)
    expect(strings.has('update-location')).toBe(true)
    expect(strings.has('no-such-event')).toBe(false)
  })
})
