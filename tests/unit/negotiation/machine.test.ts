/** The negotiation table and its pure rules. */
import { describe, expect, it } from 'vitest'

import type { AccessUser } from '../../../src/access/roles'
import { decide } from '../../../src/workflows/engine'
import { conversionRate, countsByStatus, expiryFrom, type NegotiationDoc, negotiationMachine, sideOf, thresholdDecision } from '../../../src/domain/negotiation/machine'

const buyer: AccessUser = { id: 10, collection: 'users', roles: ['buyer'] }
const seller: AccessUser = { id: 20, collection: 'users', roles: ['seller'] }
const admin: AccessUser = { id: 1, collection: 'users', roles: ['admin'] }
const doc = (over: Partial<NegotiationDoc> = {}): NegotiationDoc =>
  ({ id: 1, car: 9, buyer: { id: 10 }, seller: 20, status: 'open', turn: 'seller', currentAmount: 100, expiresAt: '2030-01-01T00:00:00.000Z', ...over }) as NegotiationDoc

describe('negotiationMachine', () => {
  it.each([
    ['counter', 'seller', seller, true],
    ['counter', 'seller', buyer, 409],
    ['accept', 'seller', seller, true],
    ['accept', 'buyer', seller, 409],
    ['accept', 'buyer', buyer, true],
    ['reject', 'buyer', buyer, true],
    ['reject', 'seller', buyer, 409],
    ['withdraw', 'seller', buyer, true],
    ['withdraw', 'buyer', seller, 403],
    ['accept', 'seller', admin, 403],
  ] as const)('%s with turn=%s by %o', (action, turn, actor, expected) => {
    const d = decide(negotiationMachine, doc({ turn }), { action }, actor)
    if (expected === true) expect(d.ok).toBe(true)
    else expect(d).toMatchObject({ ok: false, status: expected })
  })

  it('every action on a closed negotiation is 409 for its parties', () => {
    for (const status of ['accepted', 'rejected', 'withdrawn', 'expired'] as const) {
      for (const action of ['counter', 'accept', 'reject']) expect(decide(negotiationMachine, doc({ status }), { action }, seller)).toMatchObject({ status: 409 })
      expect(decide(negotiationMachine, doc({ status }), { action: 'withdraw' }, buyer)).toMatchObject({ status: 409 })
    }
  })

  it('expire is for the system, and only once expiresAt has passed', () => {
    const d = doc({ expiresAt: '2030-01-01T00:00:00.000Z' })
    expect(decide(negotiationMachine, d, { action: 'expire' }, seller)).toMatchObject({ status: 403 })
    expect(decide(negotiationMachine, d, { action: 'expire' }, null, { system: true, now: new Date('2029-12-31T23:59:59Z') })).toMatchObject({ status: 409 })
    expect(decide(negotiationMachine, d, { action: 'expire' }, null, { system: true, now: new Date('2030-01-01T00:00:00Z') }).ok).toBe(true)
  })

  it('threshold and supersede transitions are system-only', () => {
    for (const action of ['auto_accept', 'auto_decline', 'supersede']) {
      expect(decide(negotiationMachine, doc(), { action }, seller)).toMatchObject({ status: 403 })
      expect(decide(negotiationMachine, doc(), { action }, null, { system: true }).ok).toBe(true)
    }
  })

  it('sideOf reads ids and populated relations', () => {
    expect(sideOf(doc(), buyer)).toBe('buyer')
    expect(sideOf(doc(), seller)).toBe('seller')
    expect(sideOf(doc(), admin)).toBeNull()
    expect(sideOf(doc(), null)).toBeNull()
  })
})

describe('thresholds', () => {
  const car = { autoAcceptPrice: 19000, autoDeclinePrice: 12000 }
  it('accepts at or above, declines at or below, else nothing', () => {
    expect(thresholdDecision(19000, car)).toBe('auto_accept')
    expect(thresholdDecision(25000, car)).toBe('auto_accept')
    expect(thresholdDecision(18999.99, car)).toBeNull()
    expect(thresholdDecision(12000.01, car)).toBeNull()
    expect(thresholdDecision(12000, car)).toBe('auto_decline')
    expect(thresholdDecision(1, car)).toBe('auto_decline')
  })
  it('unset thresholds do nothing', () => {
    expect(thresholdDecision(1, {})).toBeNull()
    expect(thresholdDecision(1e9, { autoAcceptPrice: null, autoDeclinePrice: null })).toBeNull()
  })
})

describe('helpers', () => {
  it('expiryFrom adds the TTL in hours', () => {
    expect(expiryFrom(new Date('2030-01-01T00:00:00Z'), 48).toISOString()).toBe('2030-01-03T00:00:00.000Z')
  })
  it('countsByStatus fills every status and totals', () => {
    expect(
      countsByStatus([
        { status: 'open', count: '2' },
        { status: 'accepted', count: 1 },
      ]),
    ).toEqual({ open: 2, accepted: 1, rejected: 0, withdrawn: 0, expired: 0, total: 3 })
  })
  it('conversionRate is accepted / total, 0 when none', () => {
    expect(conversionRate({ accepted: 1, total: 3 })).toBe(0.3333)
    expect(conversionRate({ accepted: 0, total: 0 })).toBe(0)
  })
})

describe('docs/negotiation.md', () => {
  it('carries the current state table (generated from the machine, docs/generate.ts)', async () => {
    const { readFileSync } = await import('node:fs')
    const { renderMachine } = await import('../../../docs/generate')
    const md = readFileSync(new URL('../../../docs/negotiation.md', import.meta.url), 'utf8')
    expect(md).toContain(renderMachine(negotiationMachine))
  })
})
