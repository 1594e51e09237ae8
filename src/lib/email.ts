/**
 * Email: SMTP from env through @payloadcms/email-nodemailer; without SMTP, a transport that logs each
 * message (subject and recipient) instead of sending it.
 */
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer, { type Transport } from 'nodemailer'
import type { Envelope } from 'nodemailer/lib/mime-node'

import { env } from './env'

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
    if (!env.isTest) console.info(`[email:log] to=${String(to)} subject=${String(subject)}`)
    callback(null, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId() })
  },
}

export function emailAdapter() {
  const smtp = env.smtp
  const transport = smtp
    ? nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined,
        tls: { rejectUnauthorized: env.isProduction },
        ignoreTLS: !smtp.secure && ['127.0.0.1', 'localhost', '::1'].includes(smtp.host),
      })
    : nodemailer.createTransport(logTransport)
  return nodemailerAdapter({
    defaultFromAddress: env.emailFrom,
    defaultFromName: env.emailFromName,
    transport,
    skipVerify: true,
  })
}
