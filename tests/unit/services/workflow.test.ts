import { describe, expect, it } from 'vitest'

import type { AccessUser } from '../../../src/access/roles'
import { decide, describeMachine } from '../../../src/workflows/engine'
import { type ServiceBookingStatus, serviceBookingMachine as m, STATUS_ROUTE_ACTIONS } from '../../../src/domain/services/booking-machine'

const admin: AccessUser = { id: 1, roles: ['admin'] }
const customer: AccessUser = { id: 2, roles: ['buyer'] }
const tech: AccessUser = { id: 3, roles: ['technician'] }
const otherTech: AccessUser = { id: 4, roles: ['technician'] }
const doc = (status: ServiceBookingStatus, extra: Record<string, unknown> = {}) => ({ status, customer: 2, technician: 9, technicianUser: 3, ...extra })

const STATES = m.states
const outcome = (status: ServiceBookingStatus, action: string, actor: AccessUser | null, extra?: Record<string, unknown>) => {
  const d = decide(m, doc(status, extra), { action }, actor)
  return d.ok ? d.transition.to : d.status
}

describe('service booking state table', () => {
  it('starts pending approval and has the DESIGN states', () => {
    expect(m.initial).toBe('pending_approval')
    expect([...STATES].sort()).toEqual(['approved', 'cancelled', 'completed', 'in_progress', 'on_way', 'pending_approval', 'rejected'])
    expect([...m.terminal].sort()).toEqual(['cancelled', 'completed', 'rejected'])
  })

  it('happy path: admin approves, technician departs, starts, completes', () => {
    expect(outcome('pending_approval', 'approve', admin)).toBe('approved')
    expect(outcome('approved', 'depart', tech)).toBe('on_way')
    expect(outcome('on_way', 'start', tech)).toBe('in_progress')
    expect(outcome('in_progress', 'complete', tech)).toBe('completed')
  })

  it('only admins approve or reject', () => {
    for (const actor of [customer, tech, null]) {
      expect(outcome('pending_approval', 'approve', actor)).toBe(403)
      expect(outcome('pending_approval', 'reject', actor)).toBe(403)
    }
    expect(outcome('pending_approval', 'reject', admin)).toBe('rejected')
    expect(outcome('approved', 'reject', admin)).toBe(409)
  })

  it('a technician who is not assigned is refused (403), before any state check', () => {
    for (const action of ['depart', 'start', 'complete']) expect(outcome('approved', action, otherTech)).toBe(403)
    expect(outcome('approved', 'depart', customer)).toBe(403)
  })

  it('skipping a state is a conflict (409)', () => {
    expect(outcome('approved', 'start', tech)).toBe(409)
    expect(outcome('approved', 'complete', tech)).toBe(409)
    expect(outcome('on_way', 'complete', tech)).toBe(409)
    expect(outcome('pending_approval', 'depart', tech)).toBe(409)
    expect(outcome('pending_approval', 'depart', admin)).toBe(409)
  })

  it('going on the way needs an assigned technician', () => {
    const d = decide(m, doc('approved', { technician: null, technicianUser: null }), { action: 'depart' }, admin)
    expect(d.ok).toBe(false)
    if (!d.ok) {
      expect(d.status).toBe(409)
      expect(d.message).toMatch(/Assign a technician/)
    }
  })

  it('the customer cancels before on_way; an admin before completed; nobody after a terminal state', () => {
    expect(outcome('pending_approval', 'cancel', customer)).toBe('cancelled')
    expect(outcome('approved', 'cancel', customer)).toBe('cancelled')
    expect(outcome('on_way', 'cancel', customer)).toBe(409)
    expect(outcome('in_progress', 'cancel', customer)).toBe(409)
    expect(outcome('in_progress', 'cancel', admin)).toBe('cancelled')
    expect(outcome('completed', 'cancel', admin)).toBe(409)
    expect(outcome('rejected', 'cancel', admin)).toBe(409)
    expect(outcome('approved', 'cancel', tech)).toBe(403)
    expect(outcome('approved', 'cancel', { id: 77, roles: ['buyer'] })).toBe(403)
  })

  it('terminal states have no way out', () => {
    for (const terminal of m.terminal) {
      for (const t of m.transitions) expect(t.from).not.toContain(terminal)
    }
  })

  it('admin panel edits (decide by target state) follow the same table', () => {
    const to = (status: ServiceBookingStatus, target: ServiceBookingStatus, actor: AccessUser) => {
      const d = decide(m, doc(status), { to: target }, actor)
      return d.ok ? d.transition.to : d.status
    }
    expect(to('pending_approval', 'approved', admin)).toBe('approved')
    expect(to('pending_approval', 'completed', admin)).toBe(409)
    expect(to('approved', 'in_progress', admin)).toBe(409)
    expect(to('completed', 'pending_approval', admin)).toBe(409)
  })

  it('/status maps every accepted status to one transition reaching it', () => {
    for (const [status, action] of Object.entries(STATUS_ROUTE_ACTIONS)) {
      const ts = m.transitions.filter((t) => t.action === action)
      expect(ts.length).toBe(1)
      expect(ts[0].to).toBe(status)
    }
  })

  it('describes itself as a markdown table', () => {
    const md = describeMachine(m)
    expect(md).toContain('| `approve` | pending_approval | approved | admin |')
    expect(md.split('\n').length).toBe(2 + m.transitions.length)
  })
})
