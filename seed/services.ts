import { createLocalReq, type Payload } from 'payload'

import { idOf } from '@/domain/ids'
import { WORKFLOW_CONTEXT } from '@/workflows/apply'
import { CTX } from '@collections/services/ServiceBookings/hooks'
import { refreshTechnicianPerformance, syncTechnicianStatus } from '@hooks/services/bookings'
import type { ServiceBooking, User } from '@payload-types'

import { demoUserId } from './identity'

/** Bilingual car services (Egypt, EGP). */
const SERVICES = [
  {
    slug: 'oil-change',
    en: 'Oil change',
    ar: 'تغيير الزيت',
    cat: 'periodic_maintenance',
    sub: 'engine',
    min: 45,
    price: 450,
    popular: true,
    emergency: false,
    den: 'Engine oil and filter replacement with a 25-point inspection.',
    dar: 'تغيير زيت المحرك والفلتر مع فحص ٢٥ نقطة.',
  },
  {
    slug: 'brake-service',
    en: 'Brake pads replacement',
    ar: 'تغيير تيل الفرامل',
    cat: 'regular_maintenance',
    sub: 'brakes',
    min: 90,
    price: 850,
    popular: true,
    emergency: false,
    den: 'Front or rear brake pads, disc check and brake fluid top-up.',
    dar: 'تغيير تيل الفرامل الأمامي أو الخلفي وفحص الطنابير وتزويد زيت الفرامل.',
  },
  {
    slug: 'battery-replacement',
    en: 'Battery replacement',
    ar: 'تغيير البطارية',
    cat: 'emergency',
    sub: 'electrical',
    min: 30,
    price: 300,
    popular: true,
    emergency: true,
    den: 'On-site battery test and replacement (battery priced separately).',
    dar: 'فحص وتغيير البطارية في موقعك (سعر البطارية منفصل).',
  },
  {
    slug: 'jump-start',
    en: 'Jump start',
    ar: 'تشغيل السيارة بالكابلات',
    cat: 'emergency',
    sub: 'electrical',
    min: 20,
    price: 200,
    popular: false,
    emergency: true,
    den: 'A technician comes to you and starts your car.',
    dar: 'يصل إليك فني لتشغيل سيارتك.',
  },
  {
    slug: 'flat-tyre',
    en: 'Flat tyre repair',
    ar: 'إصلاح الكاوتش',
    cat: 'emergency',
    sub: 'tyres',
    min: 30,
    price: 250,
    popular: true,
    emergency: true,
    den: 'Puncture repair or spare-wheel fitting on the road.',
    dar: 'إصلاح ثقب الإطار أو تركيب الاستبن على الطريق.',
  },
  {
    slug: 'towing',
    en: 'Towing',
    ar: 'ونش سحب',
    cat: 'emergency',
    sub: 'towing',
    min: 60,
    price: 700,
    popular: false,
    emergency: true,
    den: 'Towing to the nearest workshop within 20 km.',
    dar: 'سحب السيارة لأقرب ورشة في حدود ٢٠ كم.',
  },
  {
    slug: 'ac-service',
    en: 'Air-conditioning service',
    ar: 'صيانة التكييف',
    cat: 'mobile_workshop',
    sub: 'ac',
    min: 60,
    price: 600,
    popular: true,
    emergency: false,
    den: 'Gas recharge, leak test and cabin filter cleaning.',
    dar: 'شحن فريون وفحص التسريب وتنظيف فلتر التكييف.',
  },
  {
    slug: 'car-wash-home',
    en: 'Car wash at home',
    ar: 'غسيل السيارة في المنزل',
    cat: 'mobile_workshop',
    sub: 'detailing',
    min: 60,
    price: 250,
    popular: false,
    emergency: false,
    den: 'Exterior and interior wash at your door.',
    dar: 'غسيل داخلي وخارجي أمام باب منزلك.',
  },
  {
    slug: 'diagnostics',
    en: 'Computer diagnostics',
    ar: 'فحص كمبيوتر',
    cat: 'mobile_workshop',
    sub: 'electrical',
    min: 45,
    price: 350,
    popular: false,
    emergency: false,
    den: 'OBD-II scan with a written report.',
    dar: 'فحص بالكمبيوتر مع تقرير مكتوب.',
  },
  {
    slug: 'periodic-10000',
    en: '10,000 km service',
    ar: 'صيانة ١٠٬٠٠٠ كم',
    cat: 'periodic_maintenance',
    sub: 'scheduled',
    min: 120,
    price: 1500,
    popular: true,
    emergency: false,
    den: 'Manufacturer 10,000 km checklist: oil, filters, fluids and inspection.',
    dar: 'صيانة ١٠٬٠٠٠ كم حسب جدول الشركة: زيت وفلاتر وسوائل وفحص شامل.',
  },
  {
    slug: 'spark-plugs',
    en: 'Spark plugs replacement',
    ar: 'تغيير البوجيهات',
    cat: 'regular_maintenance',
    sub: 'engine',
    min: 45,
    price: 400,
    popular: false,
    emergency: false,
    den: 'Replacement of spark plugs and ignition check.',
    dar: 'تغيير البوجيهات وفحص نظام الإشعال.',
  },
  {
    slug: 'suspension-check',
    en: 'Suspension check',
    ar: 'فحص العفشة',
    cat: 'regular_maintenance',
    sub: 'suspension',
    min: 60,
    price: 300,
    popular: false,
    emergency: false,
    den: 'Shock absorbers, bushings and alignment check.',
    dar: 'فحص المساعدين والجلب وضبط الزوايا.',
  },
] as const

const TECHNICIANS = [
  { email: 'technician@example.com', name: 'Tariq Mahmoud', phone: '+201001234567', specs: ['mobile_workshop', 'emergency'], areas: ['cairo', 'giza'], lat: 30.0444, lng: 31.2357 },
  {
    email: 'technician2@example.com',
    name: 'Youssef Ibrahim',
    phone: '+201112345670',
    specs: ['regular_maintenance', 'periodic_maintenance'],
    areas: ['cairo', 'qalyubia'],
    lat: 30.0626,
    lng: 31.2497,
  },
  { email: 'technician3@example.com', name: 'Karim Saeed', phone: '+201223456781', specs: ['emergency'], areas: ['alexandria', 'beheira'], lat: 31.2001, lng: 29.9187 },
  { email: 'technician4@example.com', name: 'Mostafa Adel', phone: '+201534567892', specs: ['mobile_workshop', 'periodic_maintenance'], areas: ['giza', 'faiyum'], lat: 29.987, lng: 31.2118 },
] as const

const asUser = (doc: User): User & { collection: 'users' } => ({ ...doc, collection: 'users' })

/** Demo data for the services domain: 12 services (en/ar), 4 technicians, a few bookings. Idempotent. */
export async function seedServices(payload: Payload): Promise<void> {
  const existing = await payload.count({ collection: 'services', overrideAccess: true, where: { slug: { equals: 'oil-change' } } })
  if (existing.totalDocs) return

  const serviceIds: Record<string, number> = {}
  for (const [i, s] of SERVICES.entries()) {
    const doc = await payload.create({
      collection: 'services',
      overrideAccess: true,
      locale: 'en',
      data: {
        name: s.en,
        description: s.den,
        slug: s.slug,
        category: s.cat,
        subCategory: s.sub,
        durationMinutes: s.min,
        basePrice: s.price,
        currency: 'EGP',
        availability: {
          active: true,
          workingHours: s.emergency ? { start: '00:00', end: '23:59' } : { start: '09:00', end: '21:00' },
          workingDays: s.emergency ? ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'] : ['sat', 'sun', 'mon', 'tue', 'wed', 'thu'],
          emergencyAvailable: s.emergency,
        },
        requiresApproval: true,
        tags: [s.sub],
        popular: s.popular,
        sortOrder: i * 10,
      },
    })
    await payload.update({ collection: 'services', id: doc.id, overrideAccess: true, locale: 'ar', data: { name: s.ar, description: s.dar } })
    serviceIds[s.slug] = doc.id as number
  }

  const technicianIds: number[] = []
  for (const t of TECHNICIANS) {
    let userId: number
    const found = await payload.find({ collection: 'users', overrideAccess: true, limit: 1, depth: 0, where: { email: { equals: t.email } } })
    if (found.docs[0]) userId = found.docs[0].id as number
    else {
      const [firstName, lastName] = t.name.split(' ')
      const user = await payload.create({
        collection: 'users',
        overrideAccess: true,
        disableVerificationEmail: true,
        data: { email: t.email, password: 'password123', roles: ['technician'], firstName, lastName, _verified: true, status: 'active' },
      })
      userId = user.id as number
    }
    const tech = await payload.create({
      collection: 'technicians',
      overrideAccess: true,
      data: {
        user: userId,
        displayName: t.name,
        phone: t.phone,
        specializations: [...t.specs],
        workingAreas: [...t.areas],
        status: 'available',
        currentLocation: { latitude: t.lat, longitude: t.lng, updatedAt: new Date('2025-01-01T08:00:00Z').toISOString() },
      },
    })
    technicianIds.push(tech.id as number)
  }

  const buyerId = await demoUserId(payload, 'buyer@example.com')
  const buyer = asUser(await payload.findByID({ collection: 'users', id: buyerId, overrideAccess: true, depth: 0 }))
  const techUsers = await Promise.all(technicianIds.map((id) => payload.findByID({ collection: 'technicians', id, overrideAccess: true, depth: 0 })))

  // Future dates at fixed Cairo times (09:00 UTC = 11:00/12:00 Cairo) so they pass the working-hours check.
  const day = (offset: number, hourUtc: number) => {
    const d = new Date()
    d.setUTCDate(d.getUTCDate() + offset)
    if (d.getUTCDay() === 5) d.setUTCDate(d.getUTCDate() + 1) // no Friday appointments
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hourUtc)).toISOString()
  }
  const customerInfo = { name: 'Bea Buyer', phone: '01012345678', carBrand: 'Toyota', carModel: 'Corolla', carYear: 2019, plate: 'ق ر ص 1234', color: 'Silver' }
  const location: ServiceBooking['location'] = { address: '26 July St, Zamalek', city: 'Cairo', governorate: 'cairo', latitude: 30.0609, longitude: 31.2197 }

  const book = (service: string, scheduledAt: string) =>
    payload.create({
      collection: 'service-bookings',
      overrideAccess: true,
      user: buyer,
      context: { [CTX.seed]: true },
      data: { service: serviceIds[service], scheduledAt, customerInfo, location, problemDescription: 'Demo booking', urgency: 'normal', status: 'pending_approval' },
    })
  const move = (id: number, status: ServiceBooking['status']) =>
    payload.update({ collection: 'service-bookings', id, overrideAccess: true, context: { [CTX.seed]: true, [WORKFLOW_CONTEXT]: true }, data: { status } })

  // 1. Pending approval.
  await book('oil-change', day(3, 9))
  // 2. Approved and assigned to the demo technician.
  const assigned = await book('ac-service', day(4, 9))
  await move(assigned.id, 'approved')
  await payload.update({
    collection: 'service-bookings',
    id: assigned.id,
    overrideAccess: true,
    context: { [CTX.seed]: true },
    data: { technician: technicianIds[0], technicianUser: idOf(techUsers[0].user), tracking: { assignedAt: new Date().toISOString() } },
  })
  // 3. Completed with feedback (technician 2).
  const done = await book('brake-service', day(5, 9))
  await payload.update({
    collection: 'service-bookings',
    id: done.id,
    overrideAccess: true,
    context: { [CTX.seed]: true },
    data: { technician: technicianIds[1], technicianUser: idOf(techUsers[1].user), tracking: { assignedAt: new Date().toISOString() } },
  })
  for (const status of ['approved', 'on_way', 'in_progress', 'completed'] as const) await move(done.id, status)
  await payload.update({
    collection: 'service-bookings',
    id: done.id,
    overrideAccess: true,
    context: { [CTX.seed]: true },
    data: { paymentStatus: 'paid', feedback: { rating: 5, comment: 'خدمة ممتازة وفني محترف', at: new Date().toISOString() } },
  })
  // 4. A guest emergency booking awaiting approval.
  await payload.create({
    collection: 'service-bookings',
    overrideAccess: true,
    context: { [CTX.seed]: true, [CTX.emergency]: true },
    data: {
      service: serviceIds['flat-tyre'],
      customerInfo: { name: 'Omar Farouk', phone: '+201223344556', carBrand: 'Hyundai', carModel: 'Elantra' },
      location: { address: 'Cairo–Alex desert road, km 40', city: 'Giza', governorate: 'giza', latitude: 30.1906, longitude: 30.9436 },
      problemDescription: 'Flat tyre, no spare',
      // the create hook numbers, prices and schedules it (an emergency starts now)
      status: 'pending_approval',
      scheduledAt: new Date().toISOString(),
    },
  })
  // Technician figures follow the demo bookings.
  const req = await createLocalReq({}, payload)
  for (const id of technicianIds) {
    await syncTechnicianStatus(req, id)
    await refreshTechnicianPerformance(req, id)
  }
}
