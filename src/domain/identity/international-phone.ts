/**
 * Any country's phone number, with libphonenumber-js (≈ 110 modules and its metadata). Its own module so that only the
 * phone verification, which imports it when it first runs, loads the library: not every process that loads the config.
 * Pure: no Payload import.
 */
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js'

/**
 * Any country's number to E.164 (`+` numbers as given; national numbers read in `defaultCountry`); null when it is
 * not a valid number.
 */
export function normalizePhone(raw: unknown, defaultCountry: CountryCode = 'EG'): string | null {
  if (typeof raw !== 'string' || !raw.trim()) return null
  const parsed = parsePhoneNumberFromString(raw.trim(), { defaultCountry, extract: false })
  return parsed?.isValid() ? parsed.number : null
}
