/** The shared workflow engine: decide() (403 vs 409, guards, system), relations, relationNames, describeMachine. */
import { describe, expect, it } from 'vitest'

import type { AccessUser } from '../../../src/access/roles'
import { actionOnlyVia, decide, defineMachine, describeMachine, partiesOf, statusOptions } from '../../../src/workflows/engine'
import { negotiationMachine, type NegotiationDoc } from '../../../src/domain/negotiation/machine'

type Doc = { status: 'draft' | 'live' | 'closed' | 'archived'; owner: number; locked?: boolean }

const machine = defineMachine<Doc['status'], Doc>({
  name: 'thing',
  field: 'status',
  states: ['draft', 'live', 'closed', 'archived'],
  initial: 'draft',
  terminal: ['archived'],
  relations: (doc, actor) => (String(doc.owner) === String(actor.id) ? ['owner'] : []),
  transitions: [
    { action: 'publish', from: ['draft'], to: 'live', by: ['owner', 'admin'], guard: ({ doc }) => (doc.locked ? 'The thing is locked.' : null), description: 'Go live.' },
    { action: 'close', from: ['live'], to: 'closed', by: ['owner'] },
    { action: 'force_close', from: ['live', 'draft'], to: 'closed', by: ['admin'] },
    { action: 'archive', from: ['closed'], to: 'archived', by: ['system'] },
    { action: 'expire', from: ['live'], to: 'closed', by: ['system'], guard: ({ now }) => (now.getTime() >= Date.UTC(2030, 0, 1) ? null : 'Not yet.') },
  ],
})

const user = (id: number, ...roles: string[]): AccessUser => ({ id, collection: 'users', roles: roles as never })
const owner = user(1, 'seller')
const other = user(2, 'seller')
const admin = user(3, 'admin')

describe('defineMachine', () => {
  it('refuses unknown states in transitions and initial', () => {
    expect(() => defineMachine({ name: 'x', field: 'status', states: ['a'], initial: 'a', terminal: [], transitions: [{ action: 'go', from: ['a'], to: 'b' as 'a', by: ['admin'] }] })).toThrow(
      /unknown state b/,
    )
    expect(() => defineMachine({ name: 'x', field: 'status', states: ['a'], initial: 'z' as 'a', terminal: [], transitions: [] })).toThrow(/initial/)
  })
})

describe('decide', () => {
  it('allows a party to fire a transition from the right state', () => {
    const d = decide(machine, { status: 'draft', owner: 1 }, { action: 'publish' }, owner)
    expect(d.ok && d.transition.to).toBe('live')
  })

  it('403 when the actor is not a party who may fire it, whatever the state', () => {
    for (const status of ['draft', 'live', 'closed'] as const) {
      const d = decide(machine, { status, owner: 1 }, { action: 'publish' }, other)
      expect(d).toMatchObject({ ok: false, status: 403 })
    }
    expect(decide(machine, { status: 'draft', owner: 1 }, { action: 'publish' }, null)).toMatchObject({ ok: false, status: 403 })
  })

  it('409 when the party is right but the state is wrong', () => {
    const d = decide(machine, { status: 'closed', owner: 1 }, { action: 'publish' }, owner)
    expect(d).toMatchObject({ ok: false, status: 409 })
    expect(!d.ok && d.message).toMatch(/closed/)
  })

  it('409 with the guard’s message when a guard refuses', () => {
    const d = decide(machine, { status: 'draft', owner: 1, locked: true }, { action: 'publish' }, owner)
    expect(d).toEqual({ ok: false, status: 409, message: 'The thing is locked.' })
  })

  it('409 for an unknown action or target state', () => {
    expect(decide(machine, { status: 'draft', owner: 1 }, { action: 'explode' }, admin)).toMatchObject({ ok: false, status: 409 })
    expect(decide(machine, { status: 'draft', owner: 1 }, { to: 'nowhere' as never }, admin)).toMatchObject({ ok: false, status: 409 })
  })

  it('roles count as parties (admin), relations too (owner)', () => {
    expect(decide(machine, { status: 'draft', owner: 1 }, { action: 'publish' }, admin).ok).toBe(true)
    expect(decide(machine, { status: 'live', owner: 1 }, { action: 'close' }, admin)).toMatchObject({ ok: false, status: 403 })
  })

  it('system transitions need system: true', () => {
    expect(decide(machine, { status: 'closed', owner: 1 }, { action: 'archive' }, admin)).toMatchObject({ ok: false, status: 403 })
    expect(decide(machine, { status: 'closed', owner: 1 }, { action: 'archive' }, null, { system: true }).ok).toBe(true)
  })

  it('guards see the time passed in', () => {
    expect(decide(machine, { status: 'live', owner: 1 }, { action: 'expire' }, null, { system: true, now: new Date(Date.UTC(2029, 0, 1)) })).toMatchObject({
      ok: false,
      status: 409,
      message: 'Not yet.',
    })
    expect(decide(machine, { status: 'live', owner: 1 }, { action: 'expire' }, null, { system: true, now: new Date(Date.UTC(2030, 0, 2)) }).ok).toBe(true)
  })

  it('by target state (the beforeChange guard): picks any permitted transition to that state', () => {
    // to `closed` from live: owner via close, admin via force_close
    expect(decide(machine, { status: 'live', owner: 1 }, { to: 'closed' }, owner).ok).toBe(true)
    expect(decide(machine, { status: 'draft', owner: 1 }, { to: 'closed' }, admin).ok).toBe(true)
    expect(decide(machine, { status: 'draft', owner: 1 }, { to: 'closed' }, owner)).toMatchObject({ ok: false, status: 409 })
    expect(decide(machine, { status: 'live', owner: 1 }, { to: 'closed' }, other)).toMatchObject({ ok: false, status: 403 })
  })
})

describe('relationNames: relations that share a role’s name', () => {
  const doc = (over: Partial<NegotiationDoc> = {}): NegotiationDoc =>
    ({ id: 1, car: 9, buyer: 10, seller: 20, status: 'open', turn: 'seller', currentAmount: 100, expiresAt: new Date(Date.now() + 3600_000).toISOString(), ...over }) as NegotiationDoc
  const buyer = user(10, 'buyer')
  const theSeller = user(20, 'seller')
  const aSeller = user(30, 'seller') // holds the role, is not this negotiation's seller
  const sellerWhoBuys = user(10, 'seller', 'buyer') // the buyer here, also a seller elsewhere

  it('a user holding the seller role is not the seller of someone else’s negotiation', () => {
    expect([...partiesOf(negotiationMachine, doc(), aSeller)]).toEqual([])
    expect(decide(negotiationMachine, doc(), { action: 'accept' }, aSeller)).toMatchObject({ ok: false, status: 403 })
  })

  it('a buyer who also holds the seller role cannot act in the seller’s turn', () => {
    expect([...partiesOf(negotiationMachine, doc(), sellerWhoBuys)]).toEqual(['buyer'])
    expect(decide(negotiationMachine, doc(), { action: 'accept' }, sellerWhoBuys)).toMatchObject({ ok: false, status: 409 })
  })

  it('machines without relationNames keep counting roles (backward compatible)', () => {
    expect([...partiesOf(machine, { status: 'draft', owner: 1 }, owner)].sort()).toEqual(['owner', 'seller'])
  })

  it('the relation itself still counts', () => {
    expect(decide(negotiationMachine, doc(), { action: 'accept' }, theSeller).ok).toBe(true)
    expect(decide(negotiationMachine, doc(), { action: 'withdraw' }, buyer).ok).toBe(true)
  })
})

describe('docs and options', () => {
  it('describeMachine renders every transition as a markdown row', () => {
    const md = describeMachine(machine)
    const lines = md.split('\n')
    expect(lines[0]).toBe('| action | from | to | by | notes |')
    expect(lines).toHaveLength(2 + machine.transitions.length)
    expect(lines[2]).toBe('| `publish` | draft | live | owner, admin | Go live. |')
  })

  it('statusOptions labels snake_case values', () => {
    const m = defineMachine({ name: 'x', field: 'status', states: ['pending_approval', 'on_way'], initial: 'pending_approval', terminal: [], transitions: [] })
    expect(statusOptions(m)).toEqual([
      { value: 'pending_approval', label: 'Pending approval' },
      { value: 'on_way', label: 'On way' },
    ])
  })
})

describe('action-only transitions (plain status edits)', () => {
  const m = defineMachine<Doc['status'], Doc>({
    name: 'thing',
    field: 'status',
    states: ['draft', 'live', 'closed', 'archived'],
    initial: 'draft',
    terminal: ['archived'],
    relations: (doc, actor) => (String(doc.owner) === String(actor.id) ? ['owner'] : []),
    transitions: [
      { action: 'publish', from: ['draft'], to: 'live', by: ['owner', 'admin'], via: 'POST /api/things/:id/publish', effects: 'Publishing a thing notifies its followers' },
      { action: 'force_close', from: ['live'], to: 'closed', by: ['admin'], via: 'POST /api/things/:id/force-close' },
      { action: 'close', from: ['live'], to: 'closed', by: ['owner'] },
      { action: 'archive', from: ['closed'], to: 'archived', by: ['admin'] },
    ],
  })
  const whole = defineMachine<Doc['status'], Doc>({
    name: 'order-like',
    field: 'status',
    states: ['draft', 'live', 'closed', 'archived'],
    initial: 'draft',
    terminal: [],
    actionsOnly: { via: 'POST /api/things/:id/{action}' },
    transitions: [
      { action: 'publish', from: ['draft'], to: 'live', by: ['admin'] },
      { action: 'archive', from: ['closed'], to: 'archived', by: ['admin'], via: false },
    ],
  })

  it('the action still fires it; a plain edit is refused with 409 naming the action and what it does', () => {
    expect(decide(m, { status: 'draft', owner: 1 }, { action: 'publish' }, owner).ok).toBe(true)
    const d = decide(m, { status: 'draft', owner: 1 }, { to: 'live' }, owner, { plainEdit: true })
    expect(d).toEqual({
      ok: false,
      status: 409,
      message: 'Publishing a thing notifies its followers: use POST /api/things/:id/publish.',
      data: { action: 'publish', via: 'POST /api/things/:id/publish', from: 'draft', to: 'live' },
    })
  })

  it('who may not fire it at all still gets 403, a wrong state 409 as before', () => {
    expect(decide(m, { status: 'draft', owner: 1 }, { to: 'live' }, other, { plainEdit: true })).toMatchObject({ status: 403 })
    expect(decide(m, { status: 'closed', owner: 1 }, { to: 'live' }, admin, { plainEdit: true })).toMatchObject({ status: 409, message: 'Cannot move to live: the thing is closed.' })
  })

  it('a patchable transition to the same state wins over an action-only one', () => {
    // the owner may `close` (patchable); the admin only `force_close` (action-only)
    expect(decide(m, { status: 'live', owner: 1 }, { to: 'closed' }, owner, { plainEdit: true })).toMatchObject({ ok: true, transition: { action: 'close' } })
    const refused = decide(m, { status: 'live', owner: 1 }, { to: 'closed' }, admin, { plainEdit: true })
    expect(refused).toMatchObject({ ok: false, status: 409, message: 'Moving a thing to closed (force_close) has effects a status edit would skip: use POST /api/things/:id/force-close.' })
    expect(decide(m, { status: 'closed', owner: 1 }, { to: 'archived' }, admin, { plainEdit: true }).ok).toBe(true)
  })

  it('actionsOnly covers the whole machine (the path derived from the action); via: false opts one out', () => {
    expect(actionOnlyVia(whole, whole.transitions[0])).toBe('POST /api/things/:id/publish')
    expect(actionOnlyVia(whole, whole.transitions[1])).toBeNull()
    expect(decide(whole, { status: 'draft', owner: 1 }, { to: 'live' }, admin, { plainEdit: true })).toMatchObject({ status: 409 })
    expect(decide(whole, { status: 'closed', owner: 1 }, { to: 'archived' }, admin, { plainEdit: true }).ok).toBe(true)
    expect(actionOnlyVia(m, m.transitions[2])).toBeNull()
  })
})
