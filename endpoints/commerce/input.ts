/** Commerce request shapes built from the platform's field builders (src/http/fields.ts). */
import { z } from 'zod'

import { numOr, optStr, str } from '@/http/fields'

/** `page` and `limit` of a list (defaults 1 and 20, at most 100 a page). */
export const zPageQuery = z.object({
  page: numOr('page', 1, { integer: true, min: 1 }),
  limit: numOr('limit', 20, { integer: true, min: 1, max: 100 }),
})

/** An address object; its errors are named `<prefix>.<field>`. */
export function zAddress(prefix: string) {
  const f = (name: string) => `${prefix}.${name}`
  return z.object(
    {
      fullName: str(f('fullName'), { max: 120 }),
      line1: str(f('line1'), { max: 200 }),
      line2: optStr(f('line2'), { max: 200 }),
      city: str(f('city'), { max: 100 }),
      region: optStr(f('region'), { max: 100 }),
      postalCode: optStr(f('postalCode'), { max: 20 }),
      country: str(f('country'), { max: 56 }),
      phone: optStr(f('phone'), { max: 32 }),
    },
    { error: (iss) => (iss.input === undefined ? `${prefix} is required.` : `${prefix} must be an object.`) },
  )
}
export type Address = z.output<ReturnType<typeof zAddress>>
