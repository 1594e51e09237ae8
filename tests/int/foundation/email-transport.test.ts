/**
 * The SMTP transport (src/lib/email.ts) against a real SMTP server on loopback: messages share pooled sessions
 * instead of opening one each, every connection is opened with Nagle's algorithm off, and a server that cannot be
 * reached is an error the caller sees, not a crash. (The pool is closed at shutdown: closePayload, and the SMTP
 * helper's `close`.)
 */
import net from 'node:net'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { createSmtpTransport, smtpSocket } from '@/lib/email'

import { testPayload } from '../../helpers/payload'
import { startAppSmtp, type TestSmtp } from '../../helpers/smtp'

let smtp: TestSmtp

beforeAll(async () => {
  smtp = await startAppSmtp()
  await testPayload()
})

afterAll(async () => {
  await smtp.close()
})

const mail = (n: number, run: string) => ({ to: `pool-${run}-${n}@test.local`, subject: `pool ${run} ${n}`, text: `message ${n}` })

describe('SMTP transport', () => {
  it('sends messages one after another over one kept session, with Nagle off on its connection', async () => {
    const payload = await testPayload()
    const noDelay = vi.spyOn(net.Socket.prototype, 'setNoDelay')
    const before = smtp.connections
    for (let n = 0; n < 6; n++) await payload.sendEmail(mail(n, 'seq'))
    const received = smtp.messages.filter((m) => m.subject.startsWith('pool seq')).map((m) => m.subject)
    expect(received).toEqual([0, 1, 2, 3, 4, 5].map((n) => `pool seq ${n}`))
    // the file's first messages: one session opened, and kept for all six
    expect(smtp.connections - before).toBe(1)
    expect(noDelay).toHaveBeenCalledWith(true)
    noDelay.mockRestore()
  })

  it('sends concurrent messages over at most five sessions, each opened with Nagle off', async () => {
    const payload = await testPayload()
    const noDelay = vi.spyOn(net.Socket.prototype, 'setNoDelay')
    const before = smtp.connections
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, n) => payload.sendEmail(mail(n, 'par'))))
    expect(results.map((r) => r.status)).toEqual(Array(20).fill('fulfilled'))
    expect(smtp.messages.filter((m) => m.subject.startsWith('pool par')).length).toBe(20)
    // the pool's sessions, this file's earlier ones included: at most five, however many messages wait
    expect(smtp.connections).toBeLessThanOrEqual(5)
    const opened = smtp.connections - before
    expect(noDelay.mock.calls.filter(([on]) => on === true).length).toBeGreaterThanOrEqual(opened)
    noDelay.mockRestore()
  })

  it('reports a server that refuses the connection to the caller', async () => {
    const closed = net.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as net.AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const outcome = await new Promise<{ err: Error | null; connected: boolean }>((resolve) =>
      smtpSocket({ host: '127.0.0.1', port }, (err, socketOptions) => resolve({ err, connected: Boolean(socketOptions?.connection) })),
    )
    expect(outcome.connected).toBe(false)
    expect((outcome.err as NodeJS.ErrnoException | null)?.code).toBe('ECONNREFUSED')
  })

  it('hands over a connected socket with Nagle off', async () => {
    const noDelay = vi.spyOn(net.Socket.prototype, 'setNoDelay')
    const socket = await new Promise<net.Socket>((resolve, reject) =>
      smtpSocket({ host: '127.0.0.1', port: smtp.port }, (err, socketOptions) => (err || !socketOptions ? reject(err) : resolve(socketOptions.connection))),
    )
    expect(socket.remotePort).toBe(smtp.port)
    expect(noDelay.mock.contexts).toContain(socket)
    expect(noDelay.mock.calls[noDelay.mock.contexts.indexOf(socket)]).toEqual([true])
    socket.destroy()
    noDelay.mockRestore()
  })

  it("gives up on a server that never greets after SMTP_TIMEOUT_MS, not after nodemailer's 30 s", async () => {
    const sockets: net.Socket[] = []
    const silent = net.createServer((socket) => sockets.push(socket)) // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const port = (silent.address() as net.AddressInfo).port
    const transport = await createSmtpTransport({ host: '127.0.0.1', port, secure: false, user: '', pass: '', timeoutMs: 300 })
    try {
      const sent = transport.sendMail({ from: 'a@test.local', to: 'b@test.local', subject: 'never', text: 'never' })
      const outcome = await Promise.race([
        sent.then(
          () => 'sent',
          (err: NodeJS.ErrnoException) => err.code,
        ),
        new Promise((resolve) => setTimeout(() => resolve('still waiting after 10 s'), 10_000).unref()),
      ])
      expect(outcome).toBe('ETIMEDOUT')
      expect(sockets.length).toBeGreaterThanOrEqual(1)
    } finally {
      transport.close()
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => silent.close(() => resolve()))
    }
  })
})
