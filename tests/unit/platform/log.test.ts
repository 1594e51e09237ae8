/** The log transports' lines follow LOG_LEVEL (src/lib/log.ts): at `warn` an email or a text message prints nothing. */
import { afterEach, describe, expect, it, vi } from 'vitest'

import type { Payload } from 'payload'

import { emailAdapter } from '../../../src/lib/email'
import { logInfo, logs } from '../../../src/lib/log'
import { logSmsAdapter } from '../../../src/notifications/sms'

const saved = { LOG_LEVEL: process.env.LOG_LEVEL, SMTP_HOST: process.env.SMTP_HOST }
afterEach(() => {
  vi.restoreAllMocks()
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
})

describe('logs', () => {
  it('lets a level through at or above the configured one, as pino does', () => {
    expect(logs('info', 'info')).toBe(true)
    expect(logs('info', 'debug')).toBe(true)
    expect(logs('info', 'trace')).toBe(true)
    expect(logs('info', 'warn')).toBe(false)
    expect(logs('warn', 'warn')).toBe(true)
    expect(logs('fatal', 'error')).toBe(true)
    expect(logs('error', 'fatal')).toBe(false)
    expect(logs('fatal', 'silent')).toBe(false)
    // an unknown level reads as info
    expect(logs('info', 'chatty')).toBe(true)
    expect(logs('debug', 'chatty')).toBe(false)
  })
})

describe('logInfo and the SMS log transport', () => {
  it('print one line at info and below, nothing at warn', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {})
    process.env.LOG_LEVEL = 'info'
    logInfo('[test] shown')
    await logSmsAdapter.send('+15550100', 'your code is 1234')
    expect(info.mock.calls.map((c) => c[0])).toEqual(['[test] shown', '[sms] to +15550100: your code is 1234'])
    info.mockClear()
    process.env.LOG_LEVEL = 'warn'
    logInfo('[test] hidden')
    expect(await logSmsAdapter.send('+15550100', 'your code is 1234')).toEqual({ ok: true })
    expect(info).not.toHaveBeenCalled()
  })
})

describe('the email adapter without SMTP', () => {
  it('logs each message (recipient and subject), sent from the default sender, and answers with its envelope', async () => {
    delete process.env.SMTP_HOST
    process.env.LOG_LEVEL = 'info'
    const info = vi.spyOn(console, 'info').mockImplementation(() => {})
    const adapter = emailAdapter()({ payload: {} as Payload })
    expect(adapter).toMatchObject({ name: 'nodemailer', defaultFromAddress: 'no-reply@autohub.local', defaultFromName: 'AutoHub' })
    const sent = (await adapter.sendEmail({ to: 'b@test.local', subject: 'Hello', text: 'hi' })) as { envelope: { from: string; to: string[] } }
    expect(sent.envelope).toEqual({ from: 'no-reply@autohub.local', to: ['b@test.local'] })
    const other = (await adapter.sendEmail({ from: 'Desk <desk@test.local>', to: 'c@test.local', subject: 'Again' })) as { envelope: { from: string } }
    expect(other.envelope.from).toBe('desk@test.local')
    expect(info.mock.calls.map((c) => c[0])).toEqual(['[email:log] to=b@test.local subject=Hello', '[email:log] to=c@test.local subject=Again'])
  })
})
