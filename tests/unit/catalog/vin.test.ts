import { describe, expect, it } from 'vitest'

import { isNorthAmericanVin, normalizeVin, serialVin, validateVin, vinCheckDigit, withCheckDigit } from '../../../src/domain/catalog/vin'

describe('VIN validation', () => {
  it.each([
    ['1M8GDM9AXKP042788', 'textbook example (check digit X)'],
    ['11111111111111111', 'all ones: check digit 1'],
    ['1HGCM82633A004352', 'Honda Accord'],
    ['5YJSA1E18HF000337', 'Tesla Model S'],
    ['2T1BURHE0JC074561', 'Toyota Corolla (Canada)'],
    ['3VWFE21C04M000001', 'VW (Mexico)'],
    ['4T1BF1FK0CU000000', 'Toyota Camry (US)'],
  ])('accepts the valid North-American VIN %s (%s)', (vin) => {
    expect(validateVin(vin)).toEqual({ ok: true, vin })
  })

  it('computes check digits, X for remainder 10', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X')
    expect(vinCheckDigit('1HGCM82633A004352')).toBe('3')
    expect(vinCheckDigit('11111111111111111')).toBe('1')
  })

  it('does not enforce the check digit outside North America (WMI not 1-5)', () => {
    // European (W = Germany), Japanese (J) and Korean (K) VINs: position 9 is not a check digit there.
    for (const vin of ['WVWZZZ1JZXW000001', 'JHMCM56557C404453', 'KMHDN45D72U123456', 'SALGA2EF7EA123456']) {
      expect(isNorthAmericanVin(vin)).toBe(false)
      expect(validateVin(vin).ok).toBe(true)
    }
  })

  it.each([
    ['1HGCM82643A004352', /check digit/],
    ['1M8GDM9A1KP042788', /expected X/],
    ['5YJSA1E14HF000337', /expected 8/],
    ['1HGCM82633A00435', /exactly 17/],
    ['1HGCM82633A0043521', /exactly 17/],
    ['', /exactly 17/],
    ['1HGCM8263IA004352', /I, O or Q/],
    ['WVWZZZ1JZXW00000O', /I, O or Q/],
    ['WVWZZZ1JZXW0000Q1', /I, O or Q/],
    ['WVWZZZ1JZXW0000_1', /only digits/],
  ])('rejects %s', (vin, message) => {
    const r = validateVin(vin)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(message)
  })

  it('rejects non-strings', () => {
    expect(validateVin(Number('12345678901234567')).ok).toBe(false)
    expect(validateVin(null).ok).toBe(false)
  })

  it('normalizes case, spaces and dashes before validating', () => {
    expect(normalizeVin(' 1hgcm8263-3a004352 ')).toBe('1HGCM82633A004352')
    expect(validateVin('1hgcm826 33a004352')).toEqual({ ok: true, vin: '1HGCM82633A004352' })
  })

  it('withCheckDigit fixes position 9 so the VIN validates', () => {
    const fixed = withCheckDigit('1FTFW1ET0DFC10312')
    expect(validateVin(fixed).ok).toBe(true)
    expect(fixed.slice(0, 8) + fixed.slice(9)).toBe('1FTFW1ETDFC10312')
  })

  it('serialVin gives distinct valid VINs with the prefix kept', () => {
    const vins = Array.from({ length: 2000 }, (_, n) => serialVin('1BNCHA000', n))
    expect(new Set(vins).size).toBe(2000)
    expect(vins.every((v) => v.length === 17 && validateVin(v).ok && v.startsWith('1BNCHA'))).toBe(true)
  })
})
