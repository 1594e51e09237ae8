/**
 * Technician tools on a service booking (docs/services.md, "Technician tools"): blockers with type, impact and
 * resolution, quality checks, milestones and the customer-interaction log — through workflow endpoints, by the
 * assigned technician (or an admin), visible to the customer where appropriate.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { get, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { bookingBody, cairoTime, makeService, makeTechnician } from './fixtures'

let admin: TestUser
let customer: TestUser
let stranger: TestUser
let tech: { id: number; user: TestUser }
let id: number

const act = (path: string, body: unknown, user: TestUser) => post(`/service-bookings/${id}${path}`, body, { token: user.token })

beforeAll(async () => {
  await testPayload()
  ;[admin, customer, stranger] = await Promise.all([createUser({ roles: ['admin'] }), createUser({ roles: ['buyer'] }), createUser({ roles: ['buyer'] })])
  tech = await makeTechnician()
  const service = await makeService()
  const created = await post('/service-bookings', bookingBody(service.id, cairoTime(8, 10)), { token: customer.token })
  expect(created.status).toBe(201)
  id = created.body.doc.id
  expect((await act('/approve', {}, admin)).status).toBe(200)
  expect((await act('/assign', { technician: tech.id }, admin)).status).toBe(200)
  expect((await act('/status', { status: 'on_way' }, tech.user)).status).toBe(200)
})

describe('technician tools', () => {
  it('blockers: typed, with impact; the customer sees the visible ones and their resolution; strangers and customers cannot report', async () => {
    const shown = await act('/blockers', { type: 'parts_unavailable', impact: 'high', description: 'Brake pads out of stock' }, tech.user)
    expect(shown.status, JSON.stringify(shown.body)).toBe(201)
    expect(shown.body.blocker).toMatchObject({ type: 'parts_unavailable', impact: 'high', visibleToCustomer: true, reportedBy: tech.user.id })
    const hidden = await act('/blockers', { type: 'tools_equipment', impact: 'low', description: 'Jack is squeaky', visibleToCustomer: false }, tech.user)
    expect(hidden.status).toBe(201)

    expect((await act('/blockers', { type: 'other', impact: 'low', description: 'x' }, customer)).status).toBe(403)
    expect((await act('/blockers', { type: 'other', impact: 'low', description: 'x' }, stranger)).status).toBe(403)
    const bad = await act('/blockers', { type: 'aliens', impact: 'catastrophic' }, tech.user)
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('impact')

    const resolved = await act(`/blockers/${shown.body.blocker.id}/resolve`, { resolution: 'Pads fetched from the depot' }, tech.user)
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200)
    expect(resolved.body.blocker).toMatchObject({ resolution: 'Pads fetched from the depot', resolvedBy: tech.user.id })
    expect((await act(`/blockers/${shown.body.blocker.id}/resolve`, { resolution: 'again' }, tech.user)).status).toBe(409)
    expect((await act('/blockers/nope/resolve', { resolution: 'x' }, tech.user)).status).toBe(404)

    const seenByCustomer = await get(`/service-bookings/${id}/tracking`, { token: customer.token })
    expect(seenByCustomer.body.booking.blockers).toHaveLength(1)
    expect(seenByCustomer.body.booking.blockers[0]).toMatchObject({ type: 'parts_unavailable', impact: 'high', resolution: 'Pads fetched from the depot' })
    const seenByTech = await get(`/service-bookings/${id}/tracking`, { token: tech.user.token })
    expect(seenByTech.body.booking.blockers).toHaveLength(2)
  })

  it('milestones are shown to the customer; the interaction log only to the technician and admins', async () => {
    const m = await act('/milestones', { name: 'Arrived', note: 'Parked outside' }, tech.user)
    expect(m.status).toBe(201)
    const i = await act('/interactions', { kind: 'call', summary: 'Customer asked to come after 11' }, tech.user)
    expect(i.status, JSON.stringify(i.body)).toBe(201)
    expect((await act('/interactions', { kind: 'call', summary: 'x' }, customer)).status).toBe(403)
    expect((await act('/interactions', { kind: 'fax', summary: 'x' }, tech.user)).status).toBe(400)

    const tracking = await get(`/service-bookings/${id}/tracking`, { token: customer.token })
    expect(tracking.body.booking.milestones.map((x: any) => x.name)).toEqual(['Arrived'])
    const asCustomer = await get(`/service-bookings/${id}?depth=0`, { token: customer.token })
    expect(asCustomer.status).toBe(200)
    expect(asCustomer.body.interactions ?? []).toEqual([]) // the log is not readable by the customer
    expect(JSON.stringify(asCustomer.body)).not.toContain('come after 11')
    expect(asCustomer.body.milestones).toHaveLength(1)
    const asTech = await get(`/service-bookings/${id}?depth=0`, { token: tech.user.token })
    expect(asTech.body.interactions.map((x: any) => x.summary)).toEqual(['Customer asked to come after 11'])
    const asAdmin = await get(`/service-bookings/${id}?depth=0`, { token: admin.token })
    expect(asAdmin.body.interactions).toHaveLength(1)
  })

  it('quality checks only while in progress; a repeated item replaces its result', async () => {
    expect((await act('/quality-checks', { checks: [{ item: 'Brakes bled', passed: true }] }, tech.user)).status).toBe(409)
    expect((await act('/status', { status: 'in_progress' }, tech.user)).status).toBe(200)
    const first = await act(
      '/quality-checks',
      {
        checks: [
          { item: 'Brakes bled', passed: false, notes: 'air left' },
          { item: 'Test drive', passed: true },
        ],
      },
      tech.user,
    )
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body.allPassed).toBe(false)
    const second = await act('/quality-checks', { checks: [{ item: 'Brakes bled', passed: true }] }, tech.user)
    expect(second.body.allPassed).toBe(true)
    expect(second.body.qualityChecks.map((c: any) => [c.item, c.passed])).toEqual([
      ['Brakes bled', true],
      ['Test drive', true],
    ])
    expect((await act('/quality-checks', { checks: [] }, tech.user)).status).toBe(400)
    const tracking = await get(`/service-bookings/${id}/tracking`, { token: customer.token })
    expect(tracking.body.booking.qualityChecks).toHaveLength(2)
  })
})
