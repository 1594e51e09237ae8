/** A real SMTP server on loopback (smtp-server) that keeps what it receives, for email tests. */
import { SMTPServer } from 'smtp-server'

import { closeEmail } from '../../src/lib/email'

export interface ReceivedMail {
  from: string
  to: string[]
  raw: string
  subject: string
}

export interface TestSmtp {
  port: number
  messages: ReceivedMail[]
  /** Resolves with the first message (already received or arriving later) that matches. */
  waitFor(match: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>
  /** Connections made, one per SMTP session (the app's transport keeps its sessions open: src/lib/email.ts). */
  readonly connections: number
  /** Holds every message's final answer (a slow SMTP server) until the returned function is called. */
  hold(): () => void
  /** Messages whose data arrived and wait for {@link hold}'s release. */
  readonly held: number
  /** Refuses (550) every recipient address `match` accepts, as a mailbox that does not exist, until the returned function is called. */
  refuse(match: (address: string) => boolean): () => void
  /** Closes the app's pooled SMTP connections (as its shutdown would), then the server. */
  close(): Promise<void>
}

export async function startSmtp(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = []
  const waiters: { match: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void }[] = []
  let connections = 0
  let gate: Promise<void> | null = null
  let held = 0
  const refusals = new Set<(address: string) => boolean>()
  const server = new SMTPServer({
    authOptional: true,
    onConnect(_session, callback) {
      connections++
      callback()
    },
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if ([...refusals].some((refused) => refused(address.address))) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }))
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', async () => {
        if (gate) {
          held++
          await gate
          held--
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        const subject = /^Subject: (.*)$/im.exec(raw)?.[1]?.trim() ?? ''
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject,
        }
        messages.push(mail)
        for (const w of [...waiters]) {
          if (w.match(mail)) {
            waiters.splice(waiters.indexOf(w), 1)
            w.resolve(mail)
          }
        }
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as { port: number }).port
  return {
    port,
    messages,
    waitFor(match, timeoutMs = 10_000) {
      const found = messages.find(match)
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching email arrived')), timeoutMs)
        waiters.push({
          match,
          resolve: (m) => {
            clearTimeout(timer)
            resolve(m)
          },
        })
      })
    },
    get connections() {
      return connections
    },
    get held() {
      return held
    },
    refuse(match) {
      refusals.add(match)
      return () => void refusals.delete(match)
    },
    hold() {
      let release!: () => void
      gate = new Promise((resolve) => (release = resolve))
      return () => {
        gate = null
        release()
      }
    },
    close: () => {
      closeEmail()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

/** Decodes quoted-printable soft breaks so links in HTML mail can be matched. */
export const decodeQP = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=')

/** {@link startSmtp}, made the app's SMTP server (`SMTP_HOST`, `SMTP_PORT`): call it before the file's Payload starts. */
export async function startAppSmtp(): Promise<TestSmtp> {
  const smtp = await startSmtp()
  process.env.SMTP_HOST = '127.0.0.1'
  process.env.SMTP_PORT = String(smtp.port)
  return smtp
}
