/**
 * Logging levels: a client's mistake (any 4xx `HttpError` from an endpoint or hook) is one info line; an
 * unexpected failure stays an error with its stack (Payload's `loggingLevels`, src/lib/http.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest'

import { HttpError } from '../../../src/lib/http'
import { post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'

afterEach(() => vi.restoreAllMocks())

describe('logging levels', () => {
  it('a 400 from an endpoint is logged as info (message only), not as an error', async () => {
    const payload = await testPayload()
    const error = vi.spyOn(payload.logger, 'error')
    const info = vi.spyOn(payload.logger, 'info')
    const res = await post('/loan-calculator', { vehiclePrice: -5, interestRate: 6, termMonths: 60 })
    expect(res.status).toBe(400)
    expect(error).not.toHaveBeenCalled()
    expect(info).toHaveBeenCalledWith({ msg: res.body.errors[0].message })
  })

  it('4xx HttpErrors are named for the info level; 5xx keep the error level', async () => {
    const levels = (await testPayload()).config.loggingLevels as Record<string, unknown>
    expect(new HttpError(409, 'taken').name).toBe('HttpClientError')
    expect(levels.HttpClientError).toBe('info')
    const upstream = new HttpError(502, 'The payment provider failed')
    expect(upstream.name).toBe('HttpError')
    expect(levels[upstream.name]).toBeUndefined()
  })
})
