/**
 * Content domain: pure logic with no Payload import — slugs, reading time from Lexical JSON, plain-text
 * extraction, SEO defaults, comment rules, counter deltas, RSS and sitemap XML.
 */

// ---------------------------------------------------------------- slugs

/**
 * URL slug: lower-case ASCII words joined by `-`. Accents are folded (é → e); other scripts (Arabic…)
 * are kept as letters so a title without Latin letters still yields a usable slug.
 */
export function slugify(input: string, maxLength = 96): string {
  const folded = String(input ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
  const slug = folded
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .normalize('NFC')
  if (slug.length <= maxLength) return slug
  return slug.slice(0, maxLength).replace(/-[^-]*$/, '') || slug.slice(0, maxLength)
}

/** `base`, `base-2`, `base-3`… — the first candidate `taken` does not contain. */
export function uniqueSlug(base: string, taken: Iterable<string>): string {
  const set = new Set(taken)
  if (!set.has(base)) return base
  for (let i = 2; ; i++) if (!set.has(`${base}-${i}`)) return `${base}-${i}`
}

// ---------------------------------------------------------------- Lexical text

interface LexicalNode {
  type?: string
  text?: string
  children?: LexicalNode[]
  [key: string]: unknown
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'listitem', 'list', 'code', 'tablecell', 'block'])

/** Plain text of a Lexical editor state (or a string), blocks separated by newlines. */
export function lexicalToPlainText(value: unknown): string {
  if (value == null) return ''
  if (typeof value === 'string') return value
  const root = (value as { root?: LexicalNode }).root ?? (value as LexicalNode)
  const out: string[] = []
  const walk = (node: LexicalNode) => {
    if (!node || typeof node !== 'object') return
    if (typeof node.text === 'string') out.push(node.text)
    if (node.type === 'linebreak') out.push('\n')
    if (node.type === 'block' && node.fields && typeof (node.fields as { code?: unknown }).code === 'string') {
      out.push((node.fields as { code: string }).code)
    }
    if (Array.isArray(node.children)) for (const child of node.children) walk(child)
    if (node.type && BLOCK_TYPES.has(node.type)) out.push('\n')
  }
  walk(root)
  return out
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim()
}

/** Words in a text: runs of letters/digits (any script). */
export function countWords(text: string): number {
  const m = String(text ?? '').match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu)
  return m ? m.length : 0
}

export const WORDS_PER_MINUTE = 200

/** Reading time in whole minutes (at least 1 for any text, 0 for none). */
export function readingTimeMinutes(content: unknown, wordsPerMinute = WORDS_PER_MINUTE): number {
  const words = countWords(lexicalToPlainText(content))
  if (words === 0) return 0
  return Math.max(1, Math.ceil(words / wordsPerMinute))
}

/** A summary of at most `max` characters, cut at a word boundary, with an ellipsis when cut. */
export function summarize(text: string, max = 160): string {
  const clean = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  const atSpace = cut.lastIndexOf(' ')
  return `${(atSpace > max * 0.5 ? cut.slice(0, atSpace) : cut).replace(/[\s,.;:!?-]+$/, '')}…`
}

// ---------------------------------------------------------------- SEO defaults

export interface SeoMeta {
  title?: string | null
  description?: string | null
  image?: unknown
}

const asText = (v: unknown): string => {
  if (typeof v === 'string') return v
  if (v && typeof v === 'object') return lexicalToPlainText(v)
  return ''
}

/**
 * Fills empty meta title/description (and image) from the document: title ← title|name,
 * description ← excerpt|description|content, image ← featuredImage|first image. Filled values are kept.
 */
export function seoDefaults(doc: Record<string, unknown>, meta: SeoMeta | null | undefined, siteName = 'AutoHub'): SeoMeta {
  const current: SeoMeta = { ...(meta ?? {}) }
  const name = asText(doc.title) || asText(doc.name)
  if (!current.title?.trim() && name) current.title = summarize(`${name} | ${siteName}`, 70)
  if (!current.description?.trim()) {
    const source = asText(doc.excerpt) || asText(doc.description) || asText(doc.content) || name
    if (source) current.description = summarize(source, 160)
  }
  if (current.image == null || current.image === '') {
    const images = doc.images as unknown
    const first = Array.isArray(images) ? images[0] : undefined
    const firstImage = first && typeof first === 'object' && 'image' in (first as object) ? (first as { image: unknown }).image : first
    const image = doc.featuredImage ?? firstImage
    const id = image && typeof image === 'object' ? (image as { id?: unknown }).id : image
    if (id != null && id !== '') current.image = id
  }
  return current
}

// ---------------------------------------------------------------- comments

export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'spam'] as const
export type CommentStatus = (typeof COMMENT_STATUSES)[number]
export const COMMENT_TARGETS = ['posts', 'cars', 'parts'] as const
export type CommentTarget = (typeof COMMENT_TARGETS)[number]

export interface CommentInput {
  body?: unknown
  guestName?: unknown
  guestEmail?: unknown
  website?: unknown
}

export const COMMENT_MAX_LENGTH = 5000
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/

/** A filled honeypot: bots fill every field, people never see this one. */
export const isHoneypotFilled = (input: CommentInput): boolean => input.website != null && String(input.website).trim() !== ''

/** Field errors for a new comment; guests must give a name and a valid email. */
export function validateComment(input: CommentInput, signedIn: boolean): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = []
  const body = typeof input.body === 'string' ? input.body.trim() : ''
  if (!body) errors.push({ path: 'body', message: 'Write a comment.' })
  else if (body.length > COMMENT_MAX_LENGTH) errors.push({ path: 'body', message: `At most ${COMMENT_MAX_LENGTH} characters.` })
  if (!signedIn) {
    const name = typeof input.guestName === 'string' ? input.guestName.trim() : ''
    const email = typeof input.guestEmail === 'string' ? input.guestEmail.trim() : ''
    if (!name) errors.push({ path: 'guestName', message: 'Guests must give their name.' })
    else if (name.length > 80) errors.push({ path: 'guestName', message: 'At most 80 characters.' })
    if (!email) errors.push({ path: 'guestEmail', message: 'Guests must give their email (never shown).' })
    else if (!EMAIL.test(email) || email.length > 254) errors.push({ path: 'guestEmail', message: 'Enter a valid email address.' })
  }
  return errors
}

/** Status of a new comment: moderators choose; everyone else waits for approval when moderation is on. */
export function initialCommentStatus(opts: { moderation: boolean; moderator: boolean; requested?: unknown }): CommentStatus {
  if (opts.moderator && COMMENT_STATUSES.includes(opts.requested as CommentStatus)) return opts.requested as CommentStatus
  return opts.moderation ? 'pending' : 'approved'
}

export interface TargetRef {
  relationTo: string
  value: number | string
}

/** Normalizes a polymorphic relationship value (`{ relationTo, value }` with value an id or a document). */
export function targetRef(v: unknown): TargetRef | null {
  if (!v || typeof v !== 'object') return null
  const { relationTo, value } = v as { relationTo?: unknown; value?: unknown }
  if (typeof relationTo !== 'string' || value == null) return null
  const id = typeof value === 'object' ? (value as { id?: unknown }).id : value
  if (id == null || id === '') return null
  return { relationTo, value: id as number | string }
}

export const sameTarget = (a: TargetRef | null, b: TargetRef | null): boolean => Boolean(a && b && a.relationTo === b.relationTo && String(a.value) === String(b.value))

/**
 * How a comment change moves the `commentsCount` of posts: −1 for the post it stops counting on, +1 for
 * the one it starts counting on (only approved comments on posts count). Returns post id → delta.
 */
export function commentCountDeltas(before: { status?: string | null; target?: TargetRef | null } | null, after: { status?: string | null; target?: TargetRef | null } | null): Map<string, number> {
  const deltas = new Map<string, number>()
  const counted = (c: typeof before) => (c && c.status === 'approved' && c.target && c.target.relationTo === 'posts' ? String(c.target.value) : null)
  const was = counted(before)
  const now = counted(after)
  if (was === now) return deltas
  if (was) deltas.set(was, (deltas.get(was) ?? 0) - 1)
  if (now) deltas.set(now, (deltas.get(now) ?? 0) + 1)
  return deltas
}

/** Whether an IP has used its comment allowance in the window. */
export const overRateLimit = (recentCount: number, perMinute: number): boolean => perMinute > 0 && recentCount >= perMinute

// ---------------------------------------------------------------- XML (RSS, sitemap)

export function escapeXml(value: unknown): string {
  return (
    String(value ?? '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  )
}

const joinUrl = (base: string, path: string) => `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`

export interface SitemapEntry {
  path: string
  updatedAt?: string | Date | null
  changefreq?: 'daily' | 'weekly' | 'monthly'
  priority?: number
}

const isoDate = (d: string | Date | null | undefined): string | null => {
  if (!d) return null
  const date = d instanceof Date ? d : new Date(d)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** A sitemaps.org `urlset`. */
export function buildSitemap(baseUrl: string, entries: SitemapEntry[]): string {
  const urls = entries.map((e) => {
    const lastmod = isoDate(e.updatedAt)
    return [
      '  <url>',
      `    <loc>${escapeXml(joinUrl(baseUrl, e.path))}</loc>`,
      lastmod ? `    <lastmod>${lastmod}</lastmod>` : null,
      e.changefreq ? `    <changefreq>${e.changefreq}</changefreq>` : null,
      e.priority != null ? `    <priority>${e.priority.toFixed(1)}</priority>` : null,
      '  </url>',
    ]
      .filter(Boolean)
      .join('\n')
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}${urls.length ? '\n' : ''}</urlset>\n`
}

export interface FeedItem {
  title: string
  slug: string
  excerpt?: string | null
  publishedAt?: string | Date | null
  authors?: string[]
  categories?: string[]
}

export interface FeedChannel {
  title: string
  siteUrl: string
  feedUrl: string
  description: string
  language: string
}

/** An RSS 2.0 feed (with atom:link self and dc:creator for author names — never emails). */
export function buildRss(channel: FeedChannel, items: FeedItem[], now = new Date()): string {
  const pubDates = items.map((i) => isoDate(i.publishedAt)).filter((d): d is string => Boolean(d))
  const lastBuild = pubDates.length ? new Date(pubDates.sort().at(-1)!) : now
  const body = items.map((item) => {
    const link = joinUrl(channel.siteUrl, `posts/${encodeURIComponent(item.slug)}`)
    const date = isoDate(item.publishedAt)
    return [
      '    <item>',
      `      <title>${escapeXml(item.title)}</title>`,
      `      <link>${escapeXml(link)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(link)}</guid>`,
      item.excerpt ? `      <description>${escapeXml(item.excerpt)}</description>` : null,
      date ? `      <pubDate>${new Date(date).toUTCString()}</pubDate>` : null,
      ...(item.authors ?? []).filter(Boolean).map((a) => `      <dc:creator>${escapeXml(a)}</dc:creator>`),
      ...(item.categories ?? []).filter(Boolean).map((c) => `      <category>${escapeXml(c)}</category>`),
      '    </item>',
    ]
      .filter(Boolean)
      .join('\n')
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    `    <title>${escapeXml(channel.title)}</title>`,
    `    <link>${escapeXml(channel.siteUrl)}</link>`,
    `    <description>${escapeXml(channel.description)}</description>`,
    `    <language>${escapeXml(channel.language)}</language>`,
    `    <lastBuildDate>${lastBuild.toUTCString()}</lastBuildDate>`,
    `    <atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    ...body,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n')
}

/** "First Last" from a populated user (never the email). */
export function displayName(user: unknown): string {
  if (!user || typeof user !== 'object') return ''
  const u = user as { firstName?: unknown; lastName?: unknown }
  return [u.firstName, u.lastName]
    .filter((s) => typeof s === 'string' && s.trim())
    .join(' ')
    .trim()
}
