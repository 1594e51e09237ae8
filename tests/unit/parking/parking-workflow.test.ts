import { describe, expect, it } from 'vitest'

import { decide, describeMachine } from '../../../src/workflows/engine'
import { parkingBookingMachine, type ParkingBookingDoc } from '../../../src/domain/parking/booking-machine'

const start = '2030-01-07T10:00:00.000Z'
const end = '2030-01-07T12:00:00.000Z'
const doc = (status: ParkingBookingDoc['status']): ParkingBookingDoc => ({ status, user: 1, spotOwner: 2, startTime: start, endTime: end })
const driver = { id: 1, roles: ['buyer' as const] }
const owner = { id: 2, roles: ['parking_owner' as const] }
const stranger = { id: 3, roles: ['parking_owner' as const] }
const admin = { id: 9, roles: ['admin' as const] }
const at = (iso: string) => ({ input: { now: iso, graceMinutes: 15 } })

describe('parking booking state machine', () => {
  it('check-in: spot owner or admin, pending only, within [start − grace, end]', () => {
    expect(decide(parkingBookingMachine, doc('pending'), { action: 'check_in' }, owner, at('2030-01-07T09:50:00Z')).ok).toBe(true)
    expect(decide(parkingBookingMachine, doc('pending'), { action: 'check_in' }, admin, at('2030-01-07T12:00:00Z')).ok).toBe(true)
    expect(decide(parkingBookingMachine, doc('pending'), { action: 'check_in' }, owner, at('2030-01-07T09:44:00Z'))).toMatchObject({ ok: false, status: 409 })
    expect(decide(parkingBookingMachine, doc('pending'), { action: 'check_in' }, owner, at('2030-01-07T12:00:01Z'))).toMatchObject({ ok: false, status: 409 })
    expect(decide(parkingBookingMachine, doc('pending'), { action: 'check_in' }, driver, at('2030-01-07T10:00:00Z'))).toMatchObject({ ok: false, status: 403 })
    expect(decide(parkingBookingMachine, doc('pending'), { action: 'check_in' }, stranger, at('2030-01-07T10:00:00Z'))).toMatchObject({ ok: false, status: 403 })
    expect(decide(parkingBookingMachine, doc('active'), { action: 'check_in' }, owner, at('2030-01-07T10:00:00Z'))).toMatchObject({ ok: false, status: 409 })
  })

  it('check-out: active → completed by the driver, the spot owner or an admin', () => {
    for (const who of [driver, owner, admin]) expect(decide(parkingBookingMachine, doc('active'), { action: 'check_out' }, who).ok).toBe(true)
    expect(decide(parkingBookingMachine, doc('active'), { action: 'check_out' }, stranger)).toMatchObject({ status: 403 })
    expect(decide(parkingBookingMachine, doc('pending'), { action: 'check_out' }, driver)).toMatchObject({ status: 409 })
  })

  it('cancel: the driver or an admin, while pending and before the end', () => {
    expect(decide(parkingBookingMachine, doc('pending'), { action: 'cancel' }, driver, at('2030-01-07T11:00:00Z')).ok).toBe(true)
    expect(decide(parkingBookingMachine, doc('pending'), { action: 'cancel' }, owner, at('2030-01-07T09:00:00Z'))).toMatchObject({ status: 403 })
    expect(decide(parkingBookingMachine, doc('active'), { action: 'cancel' }, driver, at('2030-01-07T09:00:00Z'))).toMatchObject({ status: 409 })
    expect(decide(parkingBookingMachine, doc('pending'), { action: 'cancel' }, driver, at('2030-01-07T12:30:00Z'))).toMatchObject({ status: 409 })
  })

  it('jobs: no-show and overstay only by the system, only after the end', () => {
    expect(decide(parkingBookingMachine, doc('pending'), { action: 'no_show' }, null, { system: true, ...at('2030-01-07T12:00:00Z') }).ok).toBe(true)
    expect(decide(parkingBookingMachine, doc('pending'), { action: 'no_show' }, null, { system: true, ...at('2030-01-07T11:59:00Z') })).toMatchObject({ status: 409 })
    expect(decide(parkingBookingMachine, doc('pending'), { action: 'no_show' }, admin, at('2030-01-07T13:00:00Z'))).toMatchObject({ status: 403 })
    expect(decide(parkingBookingMachine, doc('active'), { action: 'complete_overstay' }, null, { system: true, ...at('2030-01-07T13:00:00Z') }).ok).toBe(true)
  })

  it('admin status edits follow the table (pending → completed is not a transition)', () => {
    expect(decide(parkingBookingMachine, doc('pending'), { to: 'completed' }, admin)).toMatchObject({ ok: false, status: 409 })
    expect(decide(parkingBookingMachine, doc('completed'), { to: 'pending' }, admin)).toMatchObject({ ok: false, status: 409 })
    expect(decide(parkingBookingMachine, doc('pending'), { to: 'cancelled' }, admin).ok).toBe(true)
  })

  it('documents itself', () => {
    const table = describeMachine(parkingBookingMachine)
    for (const a of ['check_in', 'check_out', 'cancel', 'no_show', 'complete_overstay']) expect(table).toContain(`\`${a}\``)
  })
})
