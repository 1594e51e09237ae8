/**
 * The parking booking tests' cast and fixtures: two spot owners, a driver and a stranger (each with a vehicle), an
 * admin; the platform's cancellation policy and check-in grace; spots, vehicles and bookings made through REST.
 */
import type { Payload } from 'payload'
import { expect } from 'vitest'

import { type ApiResponse, post } from './api'
import { testPayload } from './payload'
import { createUser, type TestUser } from './users'

export const HOUR = 3_600_000
/** A whole hour two days ahead: every window the tests use is in the future. */
export const BASE = Math.ceil((Date.now() + 2 * 86_400_000) / HOUR) * HOUR
/** The instant `n` hours after {@link BASE}, as the API takes it. */
export const H = (n: number) => new Date(BASE + n * HOUR).toISOString()

export interface BookOptions {
  token?: string
  vehicle?: number
  extra?: Record<string, unknown>
}

export interface ParkingCast {
  payload: Payload
  owner: TestUser
  otherOwner: TestUser
  driver: TestUser
  stranger: TestUser
  admin: TestUser
  /** The driver's vehicle. */
  vehicle: number
  /** The stranger's vehicle. */
  strangerVehicle: number
  /** A spot (3 slots, 5 an hour, in Dubai unless `data` says otherwise) created by `token` (the owner's by default). */
  makeSpot(data?: Record<string, unknown>, token?: string): Promise<{ id: number; [k: string]: unknown }>
  /** A vehicle of `user`; returns its id. */
  makeVehicle(user: TestUser, plate: string): Promise<number>
  /** POST /api/parking-bookings, by the driver with their vehicle unless `opts` says otherwise. */
  book(spot: number, start: string, end: string, opts?: BookOptions): Promise<ApiResponse>
}

async function makeVehicle(user: TestUser, plate: string): Promise<number> {
  const res = await post('/vehicles', { licensePlate: plate, make: 'Toyota', model: 'Corolla' }, { token: user.token })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc.id
}

/** The cast, created once per test file (call it in `beforeAll`). */
export async function parkingCast(): Promise<ParkingCast> {
  const payload = await testPayload()
  const [owner, otherOwner, driver, stranger, admin] = await Promise.all([
    createUser({ roles: ['parking_owner'] }),
    createUser({ roles: ['parking_owner'] }),
    createUser({ roles: ['buyer'] }),
    createUser({ roles: ['buyer'] }),
    createUser({ roles: ['admin'] }),
  ])
  await payload.updateGlobal({
    slug: 'platform-settings' as never,
    data: { cancellationPolicy: { fullRefundHoursBefore: 24, lateRefundPercent: 40 }, checkInGraceMinutes: 15 } as never,
    overrideAccess: true,
  })
  const vehicle = await makeVehicle(driver, 'dxb 1234')
  const strangerVehicle = await makeVehicle(stranger, 'auh 999')
  return {
    payload,
    owner,
    otherOwner,
    driver,
    stranger,
    admin,
    vehicle,
    strangerVehicle,
    makeVehicle,
    async makeSpot(data = {}, token = owner.token) {
      const res = await post('/parking-spots', { name: 'Test spot', city: 'Dubai', latitude: 25.2, longitude: 55.27, totalSlots: 3, price: 5, priceType: 'hour', ...data }, { token })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.doc
    },
    book: (spot, start, end, opts = {}) => post('/parking-bookings', { spot, vehicle: opts.vehicle ?? vehicle, startTime: start, endTime: end, ...opts.extra }, { token: opts.token ?? driver.token }),
  }
}
