/**
 * Vehicle Identification Numbers (ISO 3779 / 49 CFR 565). Pure: no Payload import.
 *
 * Every VIN: 17 characters from 0-9 and A-Z without I, O and Q. North-American VINs (world manufacturer
 * identifier starting with 1-5: USA, Canada, Mexico) also carry a check digit in position 9, which is enforced.
 */
export const VIN_LENGTH = 17
const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/

const TRANSLITERATION: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
}
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

/** Upper-cases and strips spaces and dashes (how people type VINs). */
export const normalizeVin = (raw: string): string => raw.replace(/[\s-]/g, '').toUpperCase()

const valueOf = (ch: string): number => (ch >= '0' && ch <= '9' ? Number(ch) : (TRANSLITERATION[ch] ?? NaN))

/** The check digit ('0'-'9' or 'X') for a 17-character VIN (position 9 is ignored in the sum). */
export function vinCheckDigit(vin: string): string {
  let sum = 0
  for (let i = 0; i < VIN_LENGTH; i++) sum += valueOf(vin[i]) * WEIGHTS[i]
  const r = sum % 11
  return r === 10 ? 'X' : String(r)
}

/** North-American VINs (WMI first character 1-5) must carry a valid check digit. */
export const isNorthAmericanVin = (vin: string): boolean => /^[1-5]/.test(vin)

export type VinResult = { ok: true; vin: string } | { ok: false; error: string }

/** Validates (after normalizing) a VIN; returns the normalized VIN or the reason it is invalid. */
export function validateVin(raw: unknown): VinResult {
  if (typeof raw !== 'string') return { ok: false, error: 'VIN must be a string.' }
  const vin = normalizeVin(raw)
  if (vin.length !== VIN_LENGTH) return { ok: false, error: `VIN must be exactly ${VIN_LENGTH} characters (got ${vin.length}).` }
  if (/[IOQ]/.test(vin)) return { ok: false, error: 'VIN may not contain the letters I, O or Q.' }
  if (!VIN_PATTERN.test(vin)) return { ok: false, error: 'VIN may contain only digits and the letters A-Z (except I, O, Q).' }
  if (isNorthAmericanVin(vin)) {
    const expected = vinCheckDigit(vin)
    if (vin[8] !== expected) return { ok: false, error: `VIN check digit (position 9) is ${vin[8]}, expected ${expected}.` }
  }
  return { ok: true, vin }
}

/** Replaces position 9 with the correct check digit (used to build valid demo VINs). */
export function withCheckDigit(vin: string): string {
  const v = normalizeVin(vin)
  return v.slice(0, 8) + vinCheckDigit(v) + v.slice(9)
}

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'

/**
 * The `n`-th of a series of distinct valid VINs (demo files, tests, the bench): `prefix` (up to 11 characters), then
 * `n` in six VIN characters, padded with zeros to 17, check digit fixed.
 */
export function serialVin(prefix: string, n: number): string {
  let serial = ''
  for (let i = 0, x = n; i < 6; i++, x = Math.floor(x / VIN_CHARS.length)) serial += VIN_CHARS[x % VIN_CHARS.length]
  return withCheckDigit(`${prefix}${serial}`.slice(0, 17).padEnd(17, '0'))
}
