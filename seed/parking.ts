import type { Payload } from 'payload'

import { WEEKDAYS } from '@/domain/parking'
import type { ParkingSpot } from '@payload-types'

import { demoUserId } from './identity'

/** Parking amenities (English and Arabic names). */
export const AMENITIES: { slug: string; icon: string; en: string; ar: string }[] = [
  { slug: 'cctv-security', icon: 'cctv', en: 'CCTV Security', ar: 'مراقبة بالكاميرات' },
  { slug: 'ev-charging', icon: 'ev-charging', en: 'EV Charging', ar: 'شحن السيارات الكهربائية' },
  { slug: 'covered-parking', icon: 'roof', en: 'Covered Parking', ar: 'موقف مغطى' },
  { slug: 'elevator-access', icon: 'elevator', en: 'Elevator Access', ar: 'الوصول بالمصعد' },
  { slug: 'car-wash', icon: 'car-wash', en: 'Car Wash', ar: 'غسيل السيارات' },
  { slug: 'valet-service', icon: 'valet', en: 'Valet Service', ar: 'خدمة صف السيارات' },
  { slug: '24-7-access', icon: 'clock', en: '24/7 Access', ar: 'دخول على مدار الساعة' },
  { slug: 'disabled-access', icon: 'wheelchair', en: 'Disabled Access', ar: 'مواقف لذوي الإعاقة' },
]

const CITIES = [
  { city: 'Dubai', tz: 'Asia/Dubai', lat: 25.2048, lng: 55.2708, areas: ['Downtown', 'Marina', 'Deira', 'Business Bay', 'JLT', 'Al Barsha'] },
  { city: 'Abu Dhabi', tz: 'Asia/Dubai', lat: 24.4539, lng: 54.3773, areas: ['Corniche', 'Al Reem', 'Khalifa City', 'Yas Island', 'Saadiyat'] },
  { city: 'Riyadh', tz: 'Asia/Riyadh', lat: 24.7136, lng: 46.6753, areas: ['Olaya', 'Al Malqa', 'King Abdullah Financial District', 'Diplomatic Quarter', 'Al Murabba'] },
  { city: 'Doha', tz: 'Asia/Qatar', lat: 25.2854, lng: 51.531, areas: ['West Bay', 'The Pearl', 'Msheireb', 'Lusail', 'Al Sadd'] },
  { city: 'Cairo', tz: 'Africa/Cairo', lat: 30.0444, lng: 31.2357, areas: ['Zamalek', 'Maadi', 'Heliopolis', 'New Cairo', 'Downtown'] },
  { city: 'Amman', tz: 'Asia/Amman', lat: 31.9454, lng: 35.9284, areas: ['Abdali', 'Shmeisani', 'Sweifieh', 'Jabal Amman'] },
]
const KINDS = ['Garage', 'Car Park', 'Parking Lot', 'Underground Parking', 'Mall Parking']

/** mulberry32: the same sequence on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Demo data for the parking domain: amenities, ~30 spots owned by owner@example.com, a vehicle and bookings for buyer@example.com. */
export async function seedParking(payload: Payload): Promise<void> {
  const amenityIds: number[] = []
  for (const a of AMENITIES) {
    const found = await payload.find({ collection: 'amenities', where: { slug: { equals: a.slug } }, limit: 1, depth: 0, overrideAccess: true })
    if (found.docs[0]) {
      amenityIds.push(found.docs[0].id)
      continue
    }
    const created = await payload.create({ collection: 'amenities', locale: 'en', data: { name: a.en, slug: a.slug, icon: a.icon }, overrideAccess: true })
    await payload.update({ collection: 'amenities', id: created.id, locale: 'ar', data: { name: a.ar }, overrideAccess: true })
    amenityIds.push(created.id)
  }

  const ownerId = await demoUserId(payload, 'owner@example.com')
  const buyerId = await demoUserId(payload, 'buyer@example.com')
  const existing = await payload.count({ collection: 'parking-spots', where: { owner: { equals: ownerId } }, overrideAccess: true })
  if (existing.totalDocs > 0) return

  const rnd = prng(20240601)
  const spotIds: number[] = []
  let n = 0
  for (const c of CITIES) {
    for (const area of c.areas) {
      n++
      const priceType: ParkingSpot['priceType'] = n % 7 === 0 ? 'month' : n % 3 === 0 ? 'day' : 'hour'
      const base = priceType === 'month' ? 250 + Math.floor(rnd() * 300) : priceType === 'day' ? 25 + Math.floor(rnd() * 40) : 3 + Math.floor(rnd() * 12)
      const price = Math.round((base + (rnd() < 0.5 ? 0.5 : 0)) * 100) / 100
      const alwaysOpen = n % 4 !== 0
      const amenities = amenityIds.filter(() => rnd() < 0.45)
      const spot = await payload.create({
        collection: 'parking-spots',
        overrideAccess: true,
        context: { seed: true },
        data: {
          owner: ownerId,
          name: `${area} ${KINDS[n % KINDS.length]}`,
          description: `Secure parking in ${area}, ${c.city}.`,
          address: `${10 + Math.floor(rnd() * 180)} ${area} Street`,
          city: c.city,
          latitude: Math.round((c.lat + (rnd() - 0.5) * 0.12) * 1e6) / 1e6,
          longitude: Math.round((c.lng + (rnd() - 0.5) * 0.12) * 1e6) / 1e6,
          timezone: c.tz,
          totalSlots: 5 + Math.floor(rnd() * 60),
          price,
          priceType,
          openingHours: alwaysOpen
            ? { alwaysOpen: true }
            : {
                alwaysOpen: false,
                days: WEEKDAYS.map((day) => ({ day, open: '06:00', close: '23:00', allDay: false })),
              },
          phone: `+971 4 ${String(3000000 + Math.floor(rnd() * 999999)).slice(0, 7)}`,
          amenities,
          active: n % 15 !== 0,
        },
      })
      spotIds.push(Number(spot.id))
    }
  }

  const vehicles = await payload.find({ collection: 'vehicles', where: { owner: { equals: buyerId } }, limit: 1, depth: 0, overrideAccess: true })
  const vehicleId =
    vehicles.docs[0]?.id ??
    (
      await payload.create({
        collection: 'vehicles',
        overrideAccess: true,
        data: { owner: buyerId, licensePlate: 'DXB A 12345', make: 'Toyota', model: 'Land Cruiser', color: 'White', year: 2022, isDefault: true },
      })
    ).id

  // A few upcoming bookings for the demo buyer on 24/7 spots (dates relative to the seed day, 09:00 UTC).
  const day = new Date()
  day.setUTCHours(9, 0, 0, 0)
  const plan = [
    { spot: spotIds[0], dayOffset: 1, hours: 3 },
    { spot: spotIds[1], dayOffset: 2, hours: 2 },
    { spot: spotIds[4], dayOffset: 3, hours: 26 },
    { spot: spotIds[8], dayOffset: 5, hours: 4 },
  ]
  for (const p of plan) {
    const start = new Date(day.getTime() + p.dayOffset * 86_400_000)
    await payload.create({
      collection: 'parking-bookings',
      overrideAccess: true,
      context: { seed: true },
      data: { user: buyerId, spot: p.spot, vehicle: vehicleId, startTime: start.toISOString(), endTime: new Date(start.getTime() + p.hours * 3_600_000).toISOString() },
    })
  }
}
