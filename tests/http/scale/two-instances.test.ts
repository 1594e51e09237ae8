/**
 * Scale-out: two real AutoHub server processes (different ports, one PostgreSQL) plus this test process.
 * - Concurrent parking bookings for one 3-slot spot, alternating between the instances → exactly 3 succeed and
 *   the database holds exactly 3 (the capacity lock is a PostgreSQL advisory lock, not process memory).
 * - A socket.io client connected to instance A receives `notification:new` for a booking made through instance B
 *   (the postgres socket.io adapter fans events out across instances).
 * - Instance B runs with DATABASE_REPLICA_URLS (pointing at the same database, standing in for a replica): the
 *   adapter is configured with it, routes reads through it, and serves reads and writes normally.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { tsxNodeArgs } from '../../../src/lib/node-flags'
import { testPayload } from '../../helpers/payload'
import { http } from '../../helpers/server'
import { createUser, type TestUser } from '../../helpers/users'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../../..')
const children: ChildProcess[] = []
const sockets: Socket[] = []

interface Instance {
  url: string
  replicas: number
  routed: number
}

function startInstance(extraEnv: Record<string, string> = {}): Promise<Instance> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...tsxNodeArgs(), path.join(here, 'instance.ts')], {
      cwd: root,
      env: { ...process.env, PAYLOAD_DB_PUSH: 'false', JOBS_AUTORUN: 'false', REALTIME_ADAPTER: 'postgres', LOG_LEVEL: 'error', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    children.push(child)
    let out = ''
    let err = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /READY (http:\/\/\S+) replicas=(\d+) routed=(\d+)/.exec(out)
      if (m) resolve({ url: m[1], replicas: Number(m[2]), routed: Number(m[3]) })
    })
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
    child.on('exit', (code, signal) => reject(new Error(`instance exited before READY (code ${code}, signal ${signal}); its output:\n${out}\n${err}`)))
  })
}

function connect(url: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true })
    sockets.push(socket)
    socket.once('connect', () => resolve(socket))
    socket.once('connect_error', (e) => reject(e))
  })
}

let a: Instance
let b: Instance
let owner: TestUser
let spotId: number
const drivers: { user: TestUser; vehicle: number }[] = []

beforeAll(async () => {
  const payload = await testPayload()
  owner = await createUser({ roles: ['parking_owner'] })
  const spot = await payload.create({
    collection: 'parking-spots' as never,
    overrideAccess: true,
    data: { owner: owner.id, name: 'Scale test garage', city: 'Amman', latitude: 31.95, longitude: 35.93, totalSlots: 3, price: 2, priceType: 'hour' } as never,
  })
  spotId = Number((spot as { id: number }).id)
  for (let i = 0; i < 8; i++) {
    const user = await createUser({ roles: ['buyer'] })
    const vehicle = await payload.create({
      collection: 'vehicles' as never,
      overrideAccess: true,
      data: { owner: user.id, licensePlate: `SCALE-${i}`, make: 'Kia', model: 'Rio' } as never,
    })
    drivers.push({ user, vehicle: Number((vehicle as { id: number }).id) })
  }
  ;[a, b] = await Promise.all([startInstance(), startInstance({ DATABASE_REPLICA_URLS: process.env.DATABASE_URL! })])
}, 120_000)

afterAll(async () => {
  for (const s of sockets) s.close()
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve()
          child.removeAllListeners('exit')
          child.once('exit', () => resolve())
          child.kill('SIGTERM')
        }),
    ),
  )
})

describe('two app instances on one PostgreSQL', () => {
  it('run as separate processes on different ports', () => {
    expect(a.url).not.toBe(b.url)
  })

  it('keep the parking capacity invariant for concurrent bookings split across both, and fan socket events across', async () => {
    const ownerSocket = await connect(a.url, owner.token)
    const notified: { data?: { booking?: number } }[] = []
    ownerSocket.on('notification:new', (n: { data?: { booking?: number } }) => notified.push(n))

    const start = new Date(Date.now() + 3 * 86_400_000)
    start.setUTCMinutes(0, 0, 0)
    const body = (i: number) => ({ spot: spotId, vehicle: drivers[i].vehicle, startTime: start.toISOString(), endTime: new Date(start.getTime() + 2 * 3_600_000).toISOString() })
    const results = await Promise.all(
      drivers.map((d, i) => http(i % 2 === 0 ? a.url : b.url, 'POST', '/api/parking-bookings', { token: d.user.token, body: body(i) }).then((r) => ({ ...r, via: i % 2 === 0 ? 'A' : 'B' }))),
    )
    const created = results.filter((r) => r.status === 201)
    const refused = results.filter((r) => r.status === 409)
    expect(created).toHaveLength(3)
    expect(refused).toHaveLength(5)

    const payload = await testPayload()
    const stored = await payload.count({ collection: 'parking-bookings' as never, where: { spot: { equals: spotId }, status: { in: ['pending', 'active'] } }, overrideAccess: true })
    expect(stored.totalDocs).toBe(3)

    // An event caused by a request to B reaches the client on A. If all three winners went through A, book once more through B.
    let viaB = created.find((r) => r.via === 'B')?.body?.id as number | undefined
    if (!viaB) {
      const later = new Date(start.getTime() + 5 * 3_600_000)
      const extra = await http(b.url, 'POST', '/api/parking-bookings', {
        token: drivers[1].user.token,
        body: { spot: spotId, vehicle: drivers[1].vehicle, startTime: later.toISOString(), endTime: new Date(later.getTime() + 3_600_000).toISOString() },
      })
      expect(extra.status).toBe(201)
      viaB = extra.body.id
    }
    const arrived = await new Promise<{ data?: { booking?: number } }>((resolve, reject) => {
      const found = () => notified.find((n) => Number(n.data?.booking) === Number(viaB))
      if (found()) return resolve(found()!)
      const timer = setTimeout(() => reject(new Error(`no notification:new for booking ${viaB} on instance A`)), 20_000)
      ownerSocket.on('notification:new', () => {
        if (!found()) return
        clearTimeout(timer)
        resolve(found()!)
      })
    })
    expect(Number(arrived.data?.booking)).toBe(Number(viaB))
  }, 60_000)

  it('instance B is configured with the read replica from DATABASE_REPLICA_URLS and serves reads and writes', async () => {
    expect(a.replicas).toBe(0)
    expect(b.replicas).toBe(1)
    expect(b.routed).toBe(1)
    const read = await http(b.url, 'GET', `/api/parking-spots/${spotId}`)
    expect(read.status).toBe(200)
    expect(read.body.name).toBe('Scale test garage')
    const availability = await http(
      b.url,
      'GET',
      `/api/parking-spots/${spotId}/availability?start=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}&end=${encodeURIComponent(new Date(Date.now() + 90_000_000).toISOString())}`,
    )
    expect(availability.status).toBe(200)
    expect(availability.body.totalSlots).toBe(3)
  })
})
