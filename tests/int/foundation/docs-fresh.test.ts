/**
 * docs/<domain>.md carry tables generated from the code (docs/generate.ts): every endpoint each domain registered
 * and every state machine it declares. This fails while a page on disk differs from what the generator renders
 * from the current config, naming the stale pages and the command that rewrites them. No database: building the
 * config does not connect.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'

import { type AnyMachine, type DomainRecord, domainsOf } from '../../../src/plugins/domain'
import { defineEndpoint } from '../../../src/http/define-endpoint'
import { defineMachine } from '../../../src/workflows/engine'
import { loadConfig, REGENERATE, renderDocs, renderPage, ROOT, stale } from '../../../docs/generate'

let config: Awaited<ReturnType<typeof loadConfig>>
beforeAll(async () => {
  config = await loadConfig()
})

describe('docs/<domain>.md', () => {
  it('every domain page carries the tables rendered from the current code', () => {
    const rendered = renderDocs(config)
    expect([...rendered.keys()].sort()).toEqual(
      domainsOf(config)
        .map((d) => `docs/${d.name}.md`)
        .sort(),
    )
    const files = stale(rendered)
    expect(files, `stale docs: ${files.join(', ')} — regenerate them with: ${REGENERATE}`).toEqual([])
  })

  it('the check bites: removing one registered endpoint changes the rendered page', () => {
    const domains = domainsOf(config)
    const d = domains.find((x) => x.endpoints.length || Object.values(x.collectionEndpoints).some((l) => l.length))
    expect(d, 'some domain registers an endpoint').toBeDefined()
    const file = `docs/${d!.name}.md`
    const onDisk = readFileSync(path.join(ROOT, file), 'utf8')
    const read = () => onDisk

    let removed: string
    let copy: DomainRecord
    if (d!.endpoints.length) {
      removed = `/api${d!.endpoints[0].path}`
      copy = { ...d!, endpoints: d!.endpoints.slice(1) }
    } else {
      const [slug, list] = Object.entries(d!.collectionEndpoints).find(([, l]) => l.length)!
      removed = `/api/${slug}${list[0].path}`
      copy = { ...d!, collectionEndpoints: { ...d!.collectionEndpoints, [slug]: list.slice(1) } }
    }
    const fewer = { custom: { domains: domains.map((x) => (x === d ? copy : x)) } }
    const before = renderDocs(config, read).get(file)!
    const after = renderDocs(fewer, read).get(file)!
    expect(after).not.toEqual(before)
    expect(before.split('\n').filter((l) => l.includes(`\`${removed}\``)).length).toBeGreaterThan(after.split('\n').filter((l) => l.includes(`\`${removed}\``)).length)
  })

  it('renders declared endpoints and machines: who, inputs, escaped cells, guards, action-only; prose outside the markers kept', () => {
    const cancel = defineEndpoint({
      method: 'post',
      path: '/:id/cancel',
      summary: 'Cancel a booking (refund per the policy | fees).',
      auth: { roles: ['admin', 'editor'] },
      body: z.object({ reason: z.string().max(500).optional(), notify: z.boolean() }),
      run: () => ({}),
    })
    const nearby = defineEndpoint({
      method: 'get',
      path: '/nearby',
      summary: 'Spots near a point.',
      auth: 'public',
      query: z.object({ lat: z.coerce.number(), lng: z.coerce.number(), radiusKm: z.coerce.number().default(10), page: z.preprocess((v) => v ?? 1, z.number()) }),
      run: () => ({}),
    })
    const root = defineEndpoint({ method: 'post', path: '/loan-calculator', summary: 'Calculate.', auth: 'write', body: z.unknown().transform((v) => v), run: () => ({}) })
    const plain = { method: 'get' as const, path: '/stats', handler: () => Response.json({}) }
    const isDue = () => null
    const machine: AnyMachine = defineMachine({
      name: 'booking',
      field: 'status',
      states: ['pending', 'active', 'cancelled'],
      initial: 'pending',
      terminal: ['cancelled'],
      relationNames: ['driver'],
      actionsOnly: { via: 'POST /api/bookings/:id/{action}' },
      transitions: [
        { action: 'check_in', from: ['pending'], to: 'active', by: ['owner', 'admin'], description: 'At the gate', via: false },
        { action: 'cancel', from: ['pending', 'active'], to: 'cancelled', by: ['driver'], guard: isDue },
        { action: 'expire', from: ['pending'], to: 'cancelled', by: ['system'], guard: () => null, via: 'the expire job' },
      ],
    })
    const fake: DomainRecord = {
      name: 'parking',
      collections: ['bookings'],
      endpoints: [root],
      collectionEndpoints: { bookings: [cancel, nearby, plain] },
      machines: [machine],
    }
    const prose = '# Parking\n\nHand-written prose.\n'
    const first = renderPage(fake, prose)
    expect(first.startsWith(prose)).toBe(true)
    expect(first).toContain('## Endpoints (generated)')
    expect(first).toContain('| POST | `/api/bookings/:id/cancel` | admin, editor | body: reason?, notify | Cancel a booking (refund per the policy \\| fees). |')
    expect(first).toContain('| GET | `/api/bookings/nearby` | public | query: lat, lng, radiusKm?, page? | Spots near a point. |')
    expect(first).toContain('| GET | `/api/bookings/stats` |  |  |  |')
    expect(first).toContain('| POST | `/api/loan-calculator` | signed in, may write | body: (any) | Calculate. |')
    expect(first).toContain('**booking** (field `status`; states `pending`, `active`, `cancelled`; initial `pending`; terminal `cancelled`)')
    expect(first).toContain('| `pending` | `check_in` | `active` | owner, admin | At the gate. |')
    expect(first).toContain('| `pending`, `active` | `cancel` | `cancelled` | driver | Guard `isDue`. Action only, via POST /api/bookings/:id/cancel. |')
    expect(first).toContain('| `pending` | `expire` | `cancelled` | system | Guarded. Action only, via the expire job. |')
    // Re-rendering a rendered page changes nothing, and edits outside the markers survive.
    expect(renderPage(fake, first)).toEqual(first)
    const edited = first.replace('Hand-written prose.', 'Edited prose.') + '\nA closing note.\n'
    expect(renderPage(fake, edited)).toEqual(edited)
    // Inside the markers, hand edits are overwritten.
    expect(renderPage(fake, first.replace('Spots near a point.', 'Stale.'))).toEqual(first)
  })
})
