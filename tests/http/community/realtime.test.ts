/**
 * Real-time across instances: a socket.io client connected to server A receives `notification:new` caused by
 * an HTTP request served by server B — a separate Node process sharing only the database (postgres adapter).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { tsxNodeArgs } from '../../../src/lib/node-flags'
import type { RunningServer } from '../../../src/server'
import { http, startTestServer } from '../../helpers/server'
import { createUser, type TestUser } from '../../helpers/users'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../../..')

let serverA: RunningServer
let child: ChildProcess
let urlB = ''
const sockets: Socket[] = []

function startSecondServer(): Promise<string> {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, [...tsxNodeArgs(), path.join(here, 'second-server.ts')], {
      cwd: root,
      env: { ...process.env, PAYLOAD_DB_PUSH: 'false', JOBS_AUTORUN: 'false', REALTIME_ADAPTER: 'postgres' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /READY (http:\/\/\S+)/.exec(out)
      if (m) resolve(m[1])
    })
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
    child.on('exit', (code) => reject(new Error(`second server exited (${code}):\n${out}\n${err}`)))
  })
}

function connect(url: string, token?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true })
    sockets.push(socket)
    socket.once('connect', () => resolve(socket))
    socket.once('connect_error', (e) => reject(e))
  })
}

const next = <T = any>(socket: Socket, event: string, match: (p: T) => boolean = () => true, ms = 30_000): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms)
    const handler = (p: T) => {
      if (!match(p)) return
      clearTimeout(timer)
      socket.off(event, handler)
      resolve(p)
    }
    socket.on(event, handler)
  })

beforeAll(async () => {
  ;[serverA, urlB] = await Promise.all([startTestServer(), startSecondServer()])
}, 180_000)

afterAll(async () => {
  for (const s of sockets) s.close()
  if (child && child.exitCode === null) {
    child.removeAllListeners('exit')
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  }
  await serverA?.close()
})

describe('socket.io across instances (postgres adapter)', () => {
  let seller: TestUser
  let buyer: TestUser

  beforeAll(async () => {
    ;[seller, buyer] = await Promise.all([createUser({ roles: ['seller'] }), createUser()])
  })

  it('the two servers are different processes on different ports', async () => {
    expect(urlB).not.toBe(serverA.url)
    expect(child.pid).not.toBe(process.pid)
    const health = await http(urlB, 'GET', '/api/health')
    expect(health.status).toBe(200)
  })

  it('a client on A receives the notification caused by a request to B', async () => {
    const socket = await connect(serverA.url, seller.token)
    const received = next(socket, 'notification:new', (p: any) => p.type === 'review_received')
    const res = await http(urlB, 'POST', '/api/reviews', { token: buyer.token, body: { target: { relationTo: 'users', value: seller.id }, rating: 5, title: 'Across instances' } })
    expect(res.status).toBe(201)
    const event = await received
    expect(event.data.review).toBe(res.body.doc.id)
    expect(event.title).toContain('5-star')
  })

  it('messages sent through B reach the recipient on A (message:new) and nobody else', async () => {
    const recipient = await connect(serverA.url, seller.token)
    const outsiderUser = await createUser()
    const outsider = await connect(serverA.url, outsiderUser.token)
    let leaked = false
    outsider.on('message:new', () => (leaked = true))
    const conv = await http(urlB, 'POST', '/api/conversations', { token: buyer.token, body: { participants: [buyer.id, seller.id] } })
    expect(conv.status).toBe(201)
    const got = next(recipient, 'message:new', (p: any) => p.conversation === conv.body.doc.id)
    const msg = await http(urlB, 'POST', `/api/conversations/${conv.body.doc.id}/messages`, { token: buyer.token, body: { body: 'hello from B' } })
    expect(msg.status).toBe(201)
    const event = await got
    expect(event.message.body).toBe('hello from B')
    expect(event.unread).toBe(1)
    // the outsider's socket is on the same server and is connected: an event to it would have arrived by now,
    // since a later event to the outsider itself (below) arrives after the message event in the same channel.
    const own = next(outsider, 'notification:new', (p: any) => p.type === 'system_announcement')
    const admin = await createUser({ roles: ['admin'] })
    const b = await http(urlB, 'POST', '/api/notifications/broadcast', { token: admin.token, body: { type: 'system_announcement', title: 'Hello all', message: 'from B' } })
    expect(b.status).toBe(201)
    expect((await own).title).toBe('Hello all')
    expect(leaked).toBe(false)
  })

  it("handshake auth: a bad token is refused; users cannot join other users' rooms", async () => {
    await expect(connect(serverA.url, 'not-a-jwt')).rejects.toThrow(/unauthorized/)
    const socket = await connect(serverA.url, buyer.token)
    const other = await new Promise<any>((resolve) => socket.emit('join', { room: `user:${seller.id}` }, resolve))
    expect(other).toMatchObject({ ok: false, error: 'forbidden' })
    const own = await new Promise<any>((resolve) => socket.emit('join', { room: `user:${buyer.id}` }, resolve))
    expect(own.ok).toBe(true)
    const unknown = await new Promise<any>((resolve) => socket.emit('join-booking', { bookingId: 999999 }, resolve))
    expect(unknown.ok).toBe(false)
  })
})
