/**
 * Demo content: categories, tags, 12 published posts by editor@example.com with real rich text (English and
 * Arabic), one post scheduled to publish tomorrow (a real `schedulePublish` job), approved comments with a
 * reply, testimonials and partners. Deterministic: fixed texts and dates derived from a fixed base.
 */
import type { Payload } from 'payload'

import type { Post } from '@payload-types'

import { demoUserId } from './identity'

type Node = Record<string, unknown>
const text = (t: string, format = 0): Node => ({ type: 'text', version: 1, text: t, format, style: '', mode: 'normal', detail: 0 })
const block = (type: string, children: Node[], extra: Node = {}): Node => ({ type, version: 1, direction: 'ltr', format: '', indent: 0, children, ...extra })
const p = (...parts: (string | Node)[]) =>
  block(
    'paragraph',
    parts.map((x) => (typeof x === 'string' ? text(x) : x)),
    { textFormat: 0 },
  )
const h2 = (t: string) => block('heading', [text(t)], { tag: 'h2' })
const ul = (...items: string[]) =>
  block(
    'list',
    items.map((t, i) => block('listitem', [text(t)], { value: i + 1 })),
    { listType: 'bullet', start: 1, tag: 'ul' },
  )
const quote = (t: string) => block('quote', [text(t)])
/** A Lexical document (the root of the rich-text field). */
type RichText = NonNullable<Post['content']>
const doc = (...children: Node[]): RichText => ({
  root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: children as RichText['root']['children'] },
})

interface SeedPost {
  en: string
  ar: string
  excerpt: string
  excerptAr: string
  categories: string[]
  tags: string[]
  body: Node[]
  bodyAr: Node[]
}

const CATEGORIES = [
  { slug: 'buying-guides', en: 'Buying guides', ar: 'أدلة الشراء', description: 'How to choose, inspect and pay for a car.' },
  { slug: 'maintenance', en: 'Maintenance', ar: 'الصيانة', description: 'Keep your car healthy.' },
  { slug: 'electric-vehicles', en: 'Electric vehicles', ar: 'السيارات الكهربائية', description: 'EVs, hybrids and charging.' },
  { slug: 'finance', en: 'Finance', ar: 'التمويل', description: 'Loans, insurance and total cost.' },
  { slug: 'news', en: 'News', ar: 'الأخبار', description: 'Platform and industry news.' },
]
const TAGS = ['SUV', 'Sedan', 'Tyres', 'Battery', 'Loans', 'Parking', 'Safety', 'Used cars']

const topics: [string, string, string, string[], string[]][] = [
  [
    'How to inspect a used car before you buy',
    'كيف تفحص سيارة مستعملة قبل الشراء',
    'buying-guides',
    ['Used cars', 'Safety'],
    ['Check the service history', 'Look under the car for rust and leaks', 'Test every electric feature', 'Drive it cold and hot'],
  ],
  [
    'Choosing the right SUV for your family',
    'اختيار سيارة الدفع الرباعي المناسبة لعائلتك',
    'buying-guides',
    ['SUV'],
    ['Count the seats you really need', 'Compare boot space with the seats up', 'Look at crash-test ratings'],
  ],
  [
    'Winter tyres: when to switch and why',
    'إطارات الشتاء: متى تبدلها ولماذا',
    'maintenance',
    ['Tyres', 'Safety'],
    ['Below 7 °C summer rubber hardens', 'Check tread depth: at least 4 mm', 'Store the off-season set flat'],
  ],
  ['Oil changes explained', 'شرح تغيير الزيت', 'maintenance', ['Sedan'], ['Follow the manual, not the sticker', 'Synthetic lasts longer', 'Change the filter every time']],
  [
    'Caring for your EV battery',
    'العناية ببطارية سيارتك الكهربائية',
    'electric-vehicles',
    ['Battery'],
    ['Keep daily charging between 20 and 80 %', 'Avoid fast charging every day', 'Park in the shade in summer'],
  ],
  [
    'Hybrid or fully electric?',
    'هجين أم كهربائي بالكامل؟',
    'electric-vehicles',
    ['Battery', 'Sedan'],
    ['Where do you charge at night?', 'How long are your trips?', 'What does electricity cost you?'],
  ],
  [
    'Understanding car loans and APR',
    'فهم قروض السيارات ومعدل الفائدة السنوي',
    'finance',
    ['Loans'],
    ['APR includes fees, the rate does not', 'A longer term costs more interest', 'Use the loan calculator before you visit'],
  ],
  [
    'The true cost of owning a car',
    'التكلفة الحقيقية لامتلاك سيارة',
    'finance',
    ['Loans', 'Used cars'],
    ['Depreciation is the biggest cost', 'Insurance depends on your postcode', 'Budget for tyres and brakes'],
  ],
  ['Parking smarter in the city', 'ركن أذكى في المدينة', 'news', ['Parking'], ['Book a spot before you leave', 'Use your QR code at the gate', 'Extend from your phone if you run late']],
  [
    'Brake warning signs you should not ignore',
    'علامات تحذير الفرامل التي لا يجب تجاهلها',
    'maintenance',
    ['Safety'],
    ['Squealing means worn pads', 'A soft pedal can mean air in the lines', 'Pulling to one side needs a check'],
  ],
  ['Selling your car on AutoHub', 'بيع سيارتك على أوتوهب', 'news', ['Used cars'], ['Good photos sell cars', 'Price it with the market data', 'Answer offers quickly']],
  ['Sedans are not dead', 'السيارات السيدان لم تمت', 'buying-guides', ['Sedan'], ['Lower weight means lower running costs', 'Better handling than tall cars', 'Often cheaper to insure']],
]

function buildPosts(): SeedPost[] {
  return topics.map(([en, ar, category, tags, points]) => ({
    en,
    ar,
    excerpt: `${points[0]}. ${points[1]}.`,
    excerptAr: `${ar} — دليل عملي من فريق أوتوهب.`,
    categories: [category],
    tags,
    body: [
      p(`${en} is one of the questions our readers ask most. Here is what our editors learned from hundreds of cars, owners and mechanics.`),
      h2('The short version'),
      ul(...points),
      h2('Why it matters'),
      p('Small decisions add up over the years you own a car. ', text('Doing the basics right', 1), ' saves money and keeps you safe.'),
      quote('The best car is the one that fits the life you actually live.'),
      p('Questions? Leave a comment below and our editors will answer.'),
    ],
    bodyAr: [
      p(`${ar}: هذا من أكثر الأسئلة التي يطرحها قراؤنا. إليك ما تعلمه محررونا من مئات السيارات والمالكين والفنيين.`),
      h2('باختصار'),
      ul('راجع سجل الصيانة', 'قارن الأسعار في السوق', 'اسأل فنياً موثوقاً'),
      quote('أفضل سيارة هي التي تناسب حياتك الفعلية.'),
    ],
  }))
}

const BASE = Date.UTC(2025, 0, 6, 9, 0, 0)
const DAY = 86_400_000

export async function seedContent(payload: Payload): Promise<void> {
  const existing = await payload.count({ collection: 'posts', overrideAccess: true })
  if (existing.totalDocs > 0) return
  const editor = await demoUserId(payload, 'editor@example.com')
  const buyer = await demoUserId(payload, 'buyer@example.com').catch(() => null)

  const categoryIds: Record<string, number> = {}
  for (const c of CATEGORIES) {
    const created = await payload.create({ collection: 'categories', overrideAccess: true, data: { name: c.en, slug: c.slug, description: c.description, active: true } })
    await payload.update({ collection: 'categories', id: created.id, locale: 'ar', overrideAccess: true, data: { name: c.ar } })
    categoryIds[c.slug] = created.id as number
  }
  const tagIds: Record<string, number> = {}
  for (const t of TAGS) {
    const created = await payload.create({ collection: 'tags', overrideAccess: true, data: { name: t, active: true } })
    tagIds[t] = created.id as number
  }

  const posts = buildPosts()
  const postIds: number[] = []
  for (const [i, post] of posts.entries()) {
    const created = await payload.create({
      collection: 'posts',
      overrideAccess: true,
      context: { seed: true },
      data: {
        title: post.en,
        excerpt: post.excerpt,
        content: doc(...post.body),
        authors: [editor],
        categories: post.categories.map((c) => categoryIds[c]),
        tags: post.tags.map((t) => tagIds[t]),
        publishedAt: new Date(BASE + i * 7 * DAY).toISOString(),
        _status: 'published',
      },
    })
    await payload.update({
      collection: 'posts',
      id: created.id,
      locale: 'ar',
      overrideAccess: true,
      context: { seed: true },
      data: { title: post.ar, excerpt: post.excerptAr, content: doc(...post.bodyAr), _status: 'published' },
    })
    postIds.push(created.id as number)
  }

  // A draft scheduled to publish tomorrow at 09:00 UTC by the Jobs Queue.
  const scheduled = await payload.create({
    collection: 'posts',
    overrideAccess: true,
    draft: true,
    data: {
      title: 'Coming soon: AutoHub service bookings',
      excerpt: 'Book a technician to your door, track them live.',
      content: doc(p('From tomorrow you can book car services on AutoHub and follow the technician on the map.')),
      authors: [editor],
      categories: [categoryIds.news],
      _status: 'draft',
    },
  })
  const tomorrow = new Date()
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1)
  tomorrow.setUTCHours(9, 0, 0, 0)
  await payload.jobs.queue({
    task: 'schedulePublish',
    waitUntil: tomorrow,
    input: { type: 'publish', doc: { relationTo: 'posts', value: scheduled.id }, user: editor },
  })

  // Approved comments (a member and guests) and one approved reply.
  const comment = (postId: number, data: { body: string; author?: number; guestName?: string; guestEmail?: string; parent?: number }) =>
    payload.create({
      collection: 'comments',
      overrideAccess: true,
      context: { seed: true },
      data: { target: { relationTo: 'posts', value: postId }, status: 'approved', ...data },
    })
  for (const [i, postId] of postIds.slice(0, 6).entries()) {
    const first = await comment(postId, buyer ? { body: 'Very useful, thank you!', author: buyer } : { body: 'Very useful, thank you!', guestName: 'Bea', guestEmail: 'bea@example.com' })
    await comment(postId, { body: 'I learned something new today.', guestName: `Reader ${i + 1}`, guestEmail: `reader${i + 1}@example.com` })
    await comment(postId, { body: 'Glad it helped — more coming soon.', author: editor, parent: first.id })
  }

  const testimonials = [
    { name: 'Layla H.', role: 'Buyer', company: 'Dubai', quote: 'Found my SUV in two days and negotiated right in the app.', quoteAr: 'وجدت سيارتي خلال يومين وتفاوضت داخل التطبيق.', rating: 5 },
    { name: 'Omar K.', role: 'Dealer', company: 'K Motors', quote: 'Our inventory sells faster since we moved to AutoHub.', quoteAr: 'مخزوننا يُباع أسرع منذ انتقلنا إلى أوتوهب.', rating: 5 },
    { name: 'Sara M.', role: 'Driver', company: 'Riyadh', quote: 'Booking parking before I leave home changed my mornings.', quoteAr: 'حجز الموقف قبل خروجي غيّر صباحاتي.', rating: 4 },
    { name: 'James P.', role: 'Mechanic', company: 'QuickFix', quote: 'Service bookings arrive with everything I need to know.', quoteAr: 'تصلني طلبات الخدمة مع كل ما أحتاج معرفته.', rating: 5 },
  ]
  for (const [i, t] of testimonials.entries()) {
    const created = await payload.create({
      collection: 'testimonials',
      overrideAccess: true,
      data: { name: t.name, role: t.role, company: t.company, quote: t.quote, rating: t.rating, order: i + 1, active: true },
    })
    await payload.update({ collection: 'testimonials', id: created.id, locale: 'ar', overrideAccess: true, data: { quote: t.quoteAr } })
  }
  const partners = [
    ['Gulf Auto Finance', 'https://example.com/gulf-auto-finance'],
    ['CityPark', 'https://example.com/citypark'],
    ['TyrePro', 'https://example.com/tyrepro'],
    ['ChargeNet', 'https://example.com/chargenet'],
  ]
  for (const [i, [name, link]] of partners.entries()) {
    await payload.create({ collection: 'partners', overrideAccess: true, data: { name, link, order: i + 1, active: true } })
  }
}
