/** Shared fixtures of the services tests (not a test file). */
import { localTime } from '../../../src/domain/services'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'

let n = 0

export async function makeService(data: Record<string, unknown> = {}): Promise<{ id: number; basePrice: number }> {
  const payload = await testPayload()
  n++
  const doc = await payload.create({
    collection: 'services',
    overrideAccess: true,
    locale: 'en',
    data: {
      name: `Test service ${n}`,
      slug: `test-service-${process.pid}-${n}-${Math.random().toString(36).slice(2, 6)}`,
      category: 'mobile_workshop',
      durationMinutes: 60,
      basePrice: 450.5,
      availability: { active: true, workingHours: { start: '00:00', end: '23:59' }, workingDays: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], emergencyAvailable: true },
      ...data,
    } as never,
  })
  return { id: doc.id as number, basePrice: (doc as { basePrice: number }).basePrice }
}

export async function makeTechnician(data: Record<string, unknown> = {}): Promise<{ user: TestUser; id: number }> {
  const payload = await testPayload()
  const user = await createUser({ roles: ['technician'] })
  const doc = await payload.create({
    collection: 'technicians',
    overrideAccess: true,
    data: { user: user.id, displayName: `Tech ${user.id}`, phone: '+201001112223', status: 'available', workingAreas: ['cairo'], ...data } as never,
  })
  return { user, id: doc.id as number }
}

/** A Date `days` ahead at hh:mm Cairo local time. */
export function cairoTime(days: number, hh: number, mm = 0): Date {
  const base = new Date()
  base.setUTCDate(base.getUTCDate() + days)
  for (const offset of [2, 3]) {
    const d = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate(), hh - offset, mm))
    const lt = localTime(d)
    if (lt.minutes === hh * 60 + mm) return d
  }
  throw new Error('could not build a Cairo time')
}

/** The next date (≥ `minDays` ahead) whose Cairo weekday is `weekday`, at hh:mm Cairo. */
export function nextCairoWeekday(weekday: string, hh: number, minDays = 2): Date {
  for (let d = minDays; d < minDays + 8; d++) {
    const at = cairoTime(d, hh)
    if (localTime(at).weekday === weekday) return at
  }
  throw new Error('unreachable')
}

export const bookingBody = (service: number, scheduledAt: Date, extra: Record<string, unknown> = {}) => ({
  service,
  scheduledAt: scheduledAt.toISOString(),
  location: { address: '12 Tahrir St', city: 'Cairo', governorate: 'cairo', latitude: 30.0444, longitude: 31.2357 },
  customerInfo: { name: 'Ahmed Hassan', phone: '01012345678', carBrand: 'Toyota', carModel: 'Corolla', carYear: 2019, plate: 'ABC 123', color: 'White' },
  problemDescription: 'Oil change and brake check',
  ...extra,
})
