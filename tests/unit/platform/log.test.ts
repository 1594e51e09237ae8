/** The log transports' lines follow LOG_LEVEL (src/lib/log.ts): at `warn` an email or a text message prints nothing. */
import { afterEach, describe, expect, it, vi } from 'vitest'

import { logInfo, logs } from '../../../src/lib/log'
import { logSmsAdapter } from '../../../src/notifications/sms'

const saved = process.env.LOG_LEVEL
afterEach(() => {
  vi.restoreAllMocks()
  if (saved === undefined) delete process.env.LOG_LEVEL
  else process.env.LOG_LEVEL = saved
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
