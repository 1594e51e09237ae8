/**
 * The car-services socket contract (docs/source-systems.md), with clients written exactly as the car-services
 * frontends are: `io(url, { auth: { token } })`, wait for `authenticated`, `join-booking`, and the technician app
 * emitting `update-location { bookingId, latitude, longitude }` instead of calling REST.
 */
process.env.SOCKET_LOCATION_PER_MINUTE = '5'

import type { Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../../../src/server'
import { testPayload } from '../../helpers/payload'
import { http, startTestServer } from '../../helpers/server'
import { joinBooking, recorder, socketClients } from '../../helpers/sockets'
import { createUser, type TestUser } from '../../helpers/users'
import { bookingBody, cairoTime, makeService, makeTechnician } from '../../int/services/fixtures'

let server: RunningServer
let admin: TestUser
let customer: TestUser
let stranger: TestUser

const { connect, connectAuthenticated, closeAll } = socketClients(() => server.url)

/** Emits with an ack, as the technician app does, and resolves with the server's answer. */
const emitAck = (socket: Socket, event: string, body: unknown): Promise<any> => socket.timeout(10_000).emitWithAck(event, body)

const BOOKING_EVENTS = ['booking:status-update', 'booking:location-update', 'booking:technician-assigned', 'booking:eta-update']

async function onTheWayBooking(tech: { id: number; user: TestUser }, day: number) {
  const service = await makeService()
  const created = await http(server.url, 'POST', '/api/service-bookings', { token: customer.token, body: bookingBody(service.id, cairoTime(day, 10)) })
  expect(created.status).toBe(201)
  const id = created.body.doc.id as number
  for (const [path, token, body] of [
    ['/approve', admin.token, {}],
    ['/assign', admin.token, { technician: tech.id }],
    ['/status', tech.user.token, { status: 'on_way' }],
  ] as const) {
    const res = await http(server.url, 'POST', `/api/service-bookings/${id}${path}`, { token, body })
    expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(200)
  }
  return id
}

beforeAll(async () => {
  await testPayload()
  server = await startTestServer()
  ;[admin, customer, stranger] = await Promise.all([createUser({ roles: ['admin'] }), createUser({ roles: ['buyer'] }), createUser({ roles: ['buyer'] })])
})

afterAll(async () => {
  closeAll()
  await server?.close()
})

describe('car-services socket contract', () => {
  it('authenticated → join-booking → technician update-location: the customer gets location updates with eta and status updates with message/timestamp, in order; a stranger gets nothing; admins get technician:* events', async () => {
    const service = await makeService()
    const tech = await makeTechnician()
    const created = await http(server.url, 'POST', '/api/service-bookings', { token: customer.token, body: bookingBody(service.id, cairoTime(3, 11)) })
    expect(created.status).toBe(201)
    const id = created.body.doc.id as number

    const { socket: customerSocket, hello } = await connectAuthenticated(customer.token)
    expect(hello).toMatchObject({ success: true, userId: customer.id, roles: ['buyer'] })
    expect((await joinBooking(customerSocket, id)).event).toBe('joined')
    const customerRec = recorder(customerSocket, BOOKING_EVENTS)

    const { socket: strangerSocket } = await connectAuthenticated(stranger.token)
    const refused = await joinBooking(strangerSocket, id)
    expect(refused.event).toBe('join-error')
    const strangerRec = recorder(strangerSocket, [...BOOKING_EVENTS, 'technician:status-change', 'technician:location-update'])

    const { socket: adminSocket } = await connectAuthenticated(admin.token)
    const adminRec = recorder(adminSocket, ['technician:status-change', 'technician:location-update'])

    const rest = async (path: string, token: string, body: unknown = {}) => {
      const res = await http(server.url, 'POST', `/api/service-bookings/${id}${path}`, { token, body })
      expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(200)
    }
    await rest('/approve', admin.token)
    await rest('/assign', admin.token, { technician: tech.id })

    // The technician app: connect, authenticated, join the booking, then report positions over the socket.
    const { socket: techSocket, hello: techHello } = await connectAuthenticated(tech.user.token)
    expect(techHello.roles).toEqual(['technician'])
    expect((await joinBooking(techSocket, id)).event).toBe('joined')
    await rest('/status', tech.user.token, { status: 'on_way' })
    const first = await emitAck(techSocket, 'update-location', { bookingId: id, latitude: 30.06, longitude: 31.25 })
    expect(first).toMatchObject({ ok: true, bookingId: id })
    expect(first.etaMinutes).toBeGreaterThanOrEqual(1)
    await rest('/status', tech.user.token, { status: 'in_progress' })
    const second = await emitAck(techSocket, 'update-location', { bookingId: id, latitude: 30.045, longitude: 31.236 })
    expect(second.ok).toBe(true)
    await rest('/status', tech.user.token, { status: 'completed' })

    const statusNames = (g: { event: string; body: any }[]) =>
      g.filter((e) => e.event === 'booking:status-update' || e.event === 'booking:location-update').map((e) => (e.event === 'booking:status-update' ? `status:${e.body.status}` : 'location'))
    const events = await customerRec.until((g) => statusNames(g).length >= 6)
    expect(statusNames(events)).toEqual(['status:approved', 'status:on_way', 'location', 'status:in_progress', 'location', 'status:completed'])

    const locations = events.filter((e) => e.event === 'booking:location-update').map((e) => e.body)
    expect(locations[0]).toMatchObject({ bookingId: id, latitude: 30.06, longitude: 31.25, location: { latitude: 30.06, longitude: 31.25 } })
    expect(typeof locations[0].eta).toBe('string')
    expect(Date.parse(locations[0].eta)).toBeGreaterThan(Date.parse(locations[0].timestamp))
    expect(locations[0].etaMinutes).toBeGreaterThan(locations[1].etaMinutes)
    for (const s of events.filter((e) => e.event === 'booking:status-update').map((e) => e.body)) {
      expect(typeof s.message).toBe('string')
      expect(s.message.length).toBeGreaterThan(0)
      expect(typeof s.messageAr).toBe('string')
      expect(Number.isNaN(Date.parse(s.timestamp))).toBe(false)
      // today's fields stay beside the new ones
      expect(s.at).toBe(s.timestamp)
    }

    // Admins: the technician went busy (on the way) and back to available (completed), and each position.
    const admins = await adminRec.until((g) => g.filter((e) => e.event === 'technician:status-change').length >= 2 && g.filter((e) => e.event === 'technician:location-update').length >= 2)
    const changes = admins.filter((e) => e.event === 'technician:status-change' && e.body.technicianId === tech.id).map((e) => `${e.body.previousStatus}>${e.body.status}`)
    expect(changes).toEqual(['available>busy', 'busy>available'])
    const positions = admins.filter((e) => e.event === 'technician:location-update' && e.body.technicianId === tech.id)
    expect(positions[0].body).toMatchObject({ bookingId: id, latitude: 30.06, longitude: 31.25 })

    // The stranger would have had them by now: wait for an event the stranger does receive (its own room), sent later.
    const own = new Promise((resolve) => strangerSocket.once('notification:new', resolve))
    const mine = await http(server.url, 'POST', '/api/service-bookings', { token: stranger.token, body: bookingBody(service.id, cairoTime(4, 10)) })
    expect(mine.status).toBe(201)
    await own
    expect(strangerRec.got).toEqual([])
  })

  it('update-location is refused to anyone but the assigned technician, checks its input, and is rate-limited per technician', async () => {
    const tech = await makeTechnician()
    const other = await makeTechnician()
    const id = await onTheWayBooking(tech, 5)
    const otherId = await onTheWayBooking(other, 6)

    const { socket: intruder } = await connectAuthenticated(other.user.token)
    const errors: any[] = []
    intruder.on('error', (e) => errors.push(e))
    const refused = await emitAck(intruder, 'update-location', { bookingId: id, latitude: 30, longitude: 31 })
    expect(refused).toMatchObject({ ok: false, status: 403 })
    expect(errors[0]).toMatchObject({ event: 'update-location', status: 403 })
    const bad = await emitAck(intruder, 'update-location', { bookingId: otherId, latitude: 'north', longitude: 31 })
    expect(bad).toMatchObject({ ok: false, status: 400 })
    expect(JSON.stringify(bad.data)).toContain('latitude')

    const { socket } = await connectAuthenticated(tech.user.token)
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => emitAck(socket, 'update-location', { bookingId: id, latitude: 30 + i / 1000, longitude: 31.2 })))
    expect(answers.filter((a) => a.ok)).toHaveLength(5)
    const limited = answers.filter((a) => !a.ok)
    expect(limited).toHaveLength(3)
    for (const a of limited) {
      expect(a.status).toBe(429)
      expect(a.data.retryAfterMs).toBeGreaterThan(0)
    }
    // The limit is per technician: the other one (whose invalid update did not count) is still accepted.
    expect((await emitAck(intruder, 'update-location', { bookingId: otherId, latitude: 30.01, longitude: 31.2 })).ok).toBe(true)
    // Only the accepted updates were written: the booking holds one of the five accepted positions.
    const tracking = await http(server.url, 'GET', `/api/service-bookings/${id}/tracking`, { token: customer.token })
    expect(tracking.status).toBe(200)
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => 30 + i / 1000)).toContain(tracking.body.tracking.technicianLocation.lat)
  })

  it('notifications carry titleAr/messageAr; notification:read from the client marks it read', async () => {
    const { socket } = await connectAuthenticated(customer.token)
    const next = new Promise<any>((resolve) => socket.once('notification:new', resolve))
    const service = await makeService()
    const created = await http(server.url, 'POST', '/api/service-bookings', { token: customer.token, body: bookingBody(service.id, cairoTime(7, 10)) })
    expect(created.status).toBe(201)
    const note = await next
    expect(typeof note.titleAr).toBe('string')
    expect(note.titleAr).toBe(note.locales.ar.title)
    expect(note.messageAr).toBe(note.locales.ar.message)
    expect(note.titleAr).not.toBe(note.title)

    const readEvent = new Promise<any>((resolve) => socket.once('notification:read', resolve))
    const ack = await emitAck(socket, 'notification:read', { notificationId: note.id })
    expect(ack).toMatchObject({ ok: true, ids: [note.id] })
    expect(await readEvent).toMatchObject({ ids: [note.id] })
    const doc = await http(server.url, 'GET', `/api/notifications/${note.id}`, { token: customer.token })
    expect(doc.body.read).toBe(true)

    // Someone else's notification is not theirs to mark.
    const { socket: strangerSocket } = await connectAuthenticated(stranger.token)
    const other = await emitAck(strangerSocket, 'notification:read', { notificationId: note.id })
    expect(other.ok).toBe(false)
    const anon = await connect({})
    expect((await emitAck(anon, 'notification:read', { notificationId: note.id })).ok).toBe(false)
  })
})
