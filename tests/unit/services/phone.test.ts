import { describe, expect, it } from 'vitest'

import { isEgyptianMobile, normalizeEgyptianMobile } from '../../../src/domain/identity/phone'

describe('Egyptian mobile numbers', () => {
  it.each([
    ['+201012345678', '+201012345678'],
    ['01012345678', '+201012345678'],
    ['01112345678', '+201112345678'],
    ['01212345678', '+201212345678'],
    ['01512345678', '+201512345678'],
    ['00201012345678', '+201012345678'],
    ['201012345678', '+201012345678'],
    [' 010 1234-5678 ', '+201012345678'],
    ['(010) 1234.5678', '+201012345678'],
  ])('accepts %s → %s', (raw, normalized) => {
    expect(normalizeEgyptianMobile(raw)).toBe(normalized)
    expect(isEgyptianMobile(raw)).toBe(true)
  })

  it.each([
    ['01312345678', 'operator digit 3'],
    ['01412345678', 'operator digit 4'],
    ['0101234567', 'too short'],
    ['010123456789', 'too long'],
    ['+2010123456789', 'too long E.164'],
    ['+20101234567', 'too short E.164'],
    ['+201312345678', 'bad operator E.164'],
    ['+966501234567', 'Saudi number'],
    ['0223456789', 'Cairo landline'],
    ['1012345678', 'missing leading 0'],
    ['01O12345678', 'letter O'],
    ['', 'empty'],
  ])('rejects %s (%s)', (raw) => {
    expect(normalizeEgyptianMobile(raw)).toBeNull()
    expect(isEgyptianMobile(raw)).toBe(false)
  })

  it('rejects non-strings', () => {
    expect(normalizeEgyptianMobile(1012345678)).toBeNull()
    expect(normalizeEgyptianMobile(null)).toBeNull()
    expect(normalizeEgyptianMobile(undefined)).toBeNull()
    expect(normalizeEgyptianMobile({})).toBeNull()
  })
})
