/**
 * Email: SMTP from env through nodemailer; without SMTP, a transport that logs each message (subject and recipient)
 * instead of sending it. Payload's email adapter is written here (what @payloadcms/email-nodemailer's does: the
 * default sender, then the message) so that nodemailer loads with the first email, not with every process that loads
 * the config (≈ 40 modules).
 *
 * Inside an API request every email waits for the request's work to commit and then goes without holding the
 * response ({@link afterCommitEmail}). What one SMTP message costs still decides how soon it arrives and how long
 * shutdown waits for it. Two things kept it high:
 * - a new SMTP session per message (TCP, greeting, EHLO, STARTTLS, AUTH, then QUIT): now a pool of connections
 *   (nodemailer's `pool`, at most 5, each reused for up to 100 messages), closed by {@link closeEmail} on shutdown;
 * - Nagle's algorithm on the connection: nodemailer writes a message in several small writes, and the last one
 *   waited for the server's delayed acknowledgement (40 ms on Linux) — every message ≥ 40 ms longer than its
 *   exchange. Each connection is now opened with it off ({@link smtpSocket}).
 * On loopback (docs/performance.md): 146 ms per message with neither, 45 ms pooled, 2–4 ms with both.
 */
import net from 'node:net'

import type { Transport, Transporter } from 'nodemailer'
import type { EmailAdapter } from 'payload'
import type { Envelope } from 'nodemailer/lib/mime-node'

import { afterCommitDetached } from './after-commit'
import { env } from './env'
import { logInfo } from './log'

interface LoggedMail {
  envelope: Envelope
  messageId: string
}

/** Without SMTP: mail is logged (one line) and dropped. */
const logTransport: Transport<LoggedMail> = {
  name: 'log',
  version: '1',
  send(mail, callback) {
    const { to, subject } = mail.data
    logInfo(`[email:log] to=${String(to)} subject=${String(subject)}`)
    callback(null, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId() })
  },
}

/** nodemailer's own default for opening a connection, when its options give none. */
const CONNECT_TIMEOUT_MS = 120_000

type SocketCallback = (err: Error | null, socketOptions?: { connection: net.Socket }) => void

/**
 * nodemailer's `getSocket` hook: the TCP connection of a new SMTP session, with Nagle's algorithm off, handed over
 * once connected (nodemailer then reads the greeting and upgrades to TLS as it would on its own socket).
 */
export function smtpSocket(options: { host?: string; port?: number; secure?: boolean; connectionTimeout?: number }, callback: SocketCallback): void {
  // nodemailer's defaults when the options leave them out
  const host = options.host ?? 'localhost'
  const port = options.port ?? (options.secure ? 465 : 587)
  const socket = net.connect({ host, port })
  socket.setNoDelay(true)
  const timer = setTimeout(() => socket.destroy(new Error(`SMTP connection to ${host}:${port} timed out`)), options.connectionTimeout ?? CONNECT_TIMEOUT_MS)
  const failed = (err: Error) => {
    clearTimeout(timer)
    callback(err)
  }
  socket.once('error', failed)
  socket.once('connect', () => {
    clearTimeout(timer)
    // nodemailer attaches its own error handler synchronously in this callback
    socket.removeListener('error', failed)
    callback(null, { connection: socket })
  })
}

/** The pooled SMTP transports this process made: their idle connections are closed on shutdown. */
const pooled = new Set<Transporter>()

/** Closes the SMTP connections kept open (server shutdown, closePayload). */
export function closeEmail(): void {
  for (const transport of pooled) transport.close()
  pooled.clear()
}

export type SmtpSettings = NonNullable<typeof env.smtp>

/**
 * The SMTP transport: pooled sessions, each connection with Nagle's algorithm off, and bounded waits — opening a
 * connection, the server's greeting and any silence within a session each fail after `SMTP_TIMEOUT_MS` (nodemailer's
 * defaults are 2 minutes, 30 s and 10 minutes), so a stuck server neither keeps a delivery running for minutes nor
 * stalls a shutdown, which waits for the deliveries still running.
 */
export async function createSmtpTransport(smtp: SmtpSettings): Promise<Transporter> {
  const nodemailer = await import('nodemailer') // loaded by the first email, not at start-up
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined,
    tls: { rejectUnauthorized: env.isProduction },
    ignoreTLS: !smtp.secure && ['127.0.0.1', 'localhost', '::1'].includes(smtp.host),
    pool: true,
    getSocket: smtpSocket,
    connectionTimeout: smtp.timeoutMs,
    greetingTimeout: smtp.timeoutMs,
    socketTimeout: smtp.timeoutMs,
  })
}

/** Payload's email adapter: from `EMAIL_FROM_NAME <EMAIL_FROM>` unless the message names a sender; the transport made on first use. */
export function emailAdapter(): EmailAdapter<unknown> {
  const smtp = env.smtp
  let transport: Promise<Transporter> | null = null
  const transporter = () =>
    (transport ??= (async () => {
      if (!smtp) return (await import('nodemailer')).createTransport(logTransport)
      const made = await createSmtpTransport(smtp)
      pooled.add(made)
      return made
    })())
  const from = `${env.emailFromName} <${env.emailFrom}>`
  return afterCommitEmail(() => ({
    name: 'nodemailer',
    defaultFromAddress: env.emailFrom,
    defaultFromName: env.emailFromName,
    sendEmail: async (message) => (await transporter()).sendMail({ from, ...message }),
  }))
}

/**
 * Every email raised inside an API request — Payload's own (verification, password reset) as well as the
 * platform's — is sent once the request's work has committed, without holding its response, and not at all when it
 * fails (src/lib/after-commit.ts); the call then resolves at once, with no transport answer. Outside a request
 * (jobs, the Local API, a delivery already deferred) it is sent at once.
 */
export function afterCommitEmail<T>(adapter: EmailAdapter<T>): EmailAdapter<T | undefined> {
  return (args) => {
    const email = adapter(args)
    return {
      ...email,
      sendEmail: async (message) => {
        if (afterCommitDetached((named) => email.sendEmail(named(message)))) return undefined
        return email.sendEmail(message)
      },
    }
  }
}
