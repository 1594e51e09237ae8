/**
 * Egyptian mobile numbers. Accepted: `+201XXXXXXXXX`, `00201XXXXXXXXX`, `201XXXXXXXXX` or the local
 * `01XXXXXXXXX`, where the operator digit after `1` is 0 (Vodafone), 1 (Etisalat/e&), 2 (Orange) or
 * 5 (WE), followed by 8 digits. Spaces, dashes, dots and parentheses are ignored. Normalized to
 * E.164: `+201XXXXXXXXX`. Pure: no Payload import.
 */
const E164 = /^\+201[0125]\d{8}$/

export function normalizeEgyptianMobile(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  const compact = raw.trim().replace(/[\s\-.()]/g, '')
  if (!compact) return null
  let candidate: string
  if (compact.startsWith('+20')) candidate = compact
  else if (compact.startsWith('0020')) candidate = `+${compact.slice(2)}`
  else if (compact.startsWith('20') && compact.length === 12) candidate = `+${compact}`
  else if (compact.startsWith('01') && compact.length === 11) candidate = `+2${compact}`
  else return null
  return E164.test(candidate) ? candidate : null
}

export const isEgyptianMobile = (raw: unknown): boolean => normalizeEgyptianMobile(raw) !== null

export const EGYPTIAN_MOBILE_MESSAGE = 'Enter an Egyptian mobile number: +201[0125]XXXXXXXX or 01[0125]XXXXXXXX.'

/** What a phone that `normalizePhone` (./international-phone.ts) refuses is answered with. */
export const PHONE_MESSAGE = 'Enter a valid phone number (international +… or national for the default country).'
