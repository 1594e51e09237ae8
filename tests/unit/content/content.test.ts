import { describe, expect, it } from 'vitest'

import {
  buildRss,
  buildSitemap,
  commentCountDeltas,
  countWords,
  escapeXml,
  initialCommentStatus,
  isHoneypotFilled,
  lexicalToPlainText,
  overRateLimit,
  readingTimeMinutes,
  sameTarget,
  seoDefaults,
  slugify,
  summarize,
  targetRef,
  uniqueSlug,
  validateComment,
} from '../../../src/domain/content'
import { childrenNamed, childText, parseXml } from '../../int/content/xml'

const para = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] })
const doc = (...children: unknown[]) => ({ root: { type: 'root', children } })

describe('slugs', () => {
  it('folds accents, drops punctuation, joins words with -', () => {
    expect(slugify('  Ünïcode Café: the 2025 GUIDE!! ')).toBe('unicode-cafe-the-2025-guide')
    expect(slugify("Driver's  -- manual")).toBe('drivers-manual')
    expect(slugify('')).toBe('')
  })
  it('keeps non-Latin letters so Arabic titles still get a slug', () => {
    expect(slugify('سيارات كهربائية')).toBe('سيارات-كهربائية')
  })
  it('cuts long slugs at a word boundary', () => {
    const s = slugify('word '.repeat(40), 20)
    expect(s.length).toBeLessThanOrEqual(20)
    expect(s.endsWith('-')).toBe(false)
  })
  it('uniqueSlug appends the first free suffix', () => {
    expect(uniqueSlug('a', [])).toBe('a')
    expect(uniqueSlug('a', ['a', 'a-2'])).toBe('a-3')
  })
})

describe('lexical text and reading time', () => {
  const state = doc(
    { type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Title here' }] },
    para('One two three.'),
    { type: 'list', children: [{ type: 'listitem', children: [{ type: 'text', text: 'item a' }] }] },
    { type: 'block', fields: { blockType: 'Code', code: 'const x = 1' } },
  )
  it('extracts text from headings, paragraphs, lists and code blocks', () => {
    const text = lexicalToPlainText(state)
    expect(text).toContain('Title here')
    expect(text).toContain('One two three.')
    expect(text).toContain('item a')
    expect(text).toContain('const x = 1')
    expect(text.split('\n').length).toBeGreaterThanOrEqual(4)
  })
  it('counts words in any script', () => {
    expect(countWords('one, two; three')).toBe(3)
    expect(countWords('مرحبا بكم في أوتوهب')).toBe(4)
    expect(countWords('  ')).toBe(0)
  })
  it('rounds reading time up to whole minutes at 200 words per minute', () => {
    expect(readingTimeMinutes(null)).toBe(0)
    expect(readingTimeMinutes(doc(para('short')))).toBe(1)
    expect(readingTimeMinutes(doc(para('w '.repeat(200))))).toBe(1)
    expect(readingTimeMinutes(doc(para('w '.repeat(201))))).toBe(2)
    expect(readingTimeMinutes(doc(para('w '.repeat(1000))))).toBe(5)
  })
  it('summarize cuts at a word and adds an ellipsis', () => {
    expect(summarize('short text', 160)).toBe('short text')
    const s = summarize('alpha beta gamma delta epsilon', 18)
    expect(s.length).toBeLessThanOrEqual(18)
    expect(s.endsWith('…')).toBe(true)
    expect(s).toBe('alpha beta gamma…')
  })
})

describe('SEO defaults', () => {
  it('fills empty meta from title, excerpt and featured image', () => {
    const m = seoDefaults({ title: 'EV guide', excerpt: 'All about EVs', featuredImage: { id: 7 } }, { title: '', description: null })
    expect(m).toEqual({ title: 'EV guide | AutoHub', description: 'All about EVs', image: 7 })
  })
  it('keeps filled values and falls back to name/description/content', () => {
    expect(seoDefaults({ name: 'Oil change', description: 'Fast' }, { title: 'Custom' })).toMatchObject({ title: 'Custom', description: 'Fast' })
    expect(seoDefaults({ title: 'T', content: doc(para('Body text')) }, null).description).toBe('Body text')
    expect(seoDefaults({ title: 'T', images: [{ image: 3 }] }, null).image).toBe(3)
  })
})

describe('comment rules', () => {
  it('honeypot: any non-blank website value marks a bot', () => {
    expect(isHoneypotFilled({ website: '' })).toBe(false)
    expect(isHoneypotFilled({})).toBe(false)
    expect(isHoneypotFilled({ website: 'http://spam' })).toBe(true)
  })
  it('guests need a name and a valid email; members only a body', () => {
    expect(validateComment({ body: 'hi' }, true)).toEqual([])
    expect(validateComment({ body: 'hi' }, false).map((e) => e.path)).toEqual(['guestName', 'guestEmail'])
    expect(validateComment({ body: 'hi', guestName: 'G', guestEmail: 'nope' }, false).map((e) => e.path)).toEqual(['guestEmail'])
    expect(validateComment({ body: '  ', guestName: 'G', guestEmail: 'g@x.io' }, false).map((e) => e.path)).toEqual(['body'])
    expect(validateComment({ body: 'x'.repeat(5001) }, true).map((e) => e.path)).toEqual(['body'])
  })
  it('new comments wait when moderation is on; moderators may choose', () => {
    expect(initialCommentStatus({ moderation: true, moderator: false, requested: 'approved' })).toBe('pending')
    expect(initialCommentStatus({ moderation: false, moderator: false })).toBe('approved')
    expect(initialCommentStatus({ moderation: true, moderator: true, requested: 'approved' })).toBe('approved')
    expect(initialCommentStatus({ moderation: true, moderator: true, requested: 'bogus' })).toBe('pending')
  })
  it('targets normalize and compare by collection and id', () => {
    expect(targetRef({ relationTo: 'posts', value: { id: 4 } })).toEqual({ relationTo: 'posts', value: 4 })
    expect(targetRef({ relationTo: 'posts' })).toBeNull()
    expect(sameTarget({ relationTo: 'posts', value: 4 }, { relationTo: 'posts', value: '4' })).toBe(true)
    expect(sameTarget({ relationTo: 'posts', value: 4 }, { relationTo: 'cars', value: 4 })).toBe(false)
  })
  it('commentsCount moves only when an approved post comment appears or disappears', () => {
    const p = (v: number) => ({ relationTo: 'posts', value: v })
    const d = (b: Parameters<typeof commentCountDeltas>[0], a: Parameters<typeof commentCountDeltas>[1]) => Object.fromEntries(commentCountDeltas(b, a))
    expect(d(null, { status: 'pending', target: p(1) })).toEqual({})
    expect(d(null, { status: 'approved', target: p(1) })).toEqual({ '1': 1 })
    expect(d({ status: 'pending', target: p(1) }, { status: 'approved', target: p(1) })).toEqual({ '1': 1 })
    expect(d({ status: 'approved', target: p(1) }, { status: 'spam', target: p(1) })).toEqual({ '1': -1 })
    expect(d({ status: 'approved', target: p(1) }, { status: 'approved', target: p(1) })).toEqual({})
    expect(d({ status: 'approved', target: p(1) }, null)).toEqual({ '1': -1 })
    expect(d(null, { status: 'approved', target: { relationTo: 'cars', value: 1 } })).toEqual({})
    expect(d({ status: 'approved', target: p(1) }, { status: 'approved', target: p(2) })).toEqual({ '1': -1, '2': 1 })
  })
  it('rate limit: the Nth comment in the window is refused, 0 disables', () => {
    expect(overRateLimit(4, 5)).toBe(false)
    expect(overRateLimit(5, 5)).toBe(true)
    expect(overRateLimit(100, 0)).toBe(false)
  })
})

describe('XML', () => {
  it('escapes markup and strips characters XML forbids', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;')
  })
  it('builds a well-formed sitemap', () => {
    const xml = buildSitemap('https://autohub.test/', [
      { path: '/', priority: 1 },
      { path: 'posts/a&b', updatedAt: '2025-01-02T03:04:05.000Z', changefreq: 'weekly' },
    ])
    const root = parseXml(xml)
    expect(root.name).toBe('urlset')
    const urls = childrenNamed(root, 'url')
    expect(urls.map((u) => childText(u, 'loc'))).toEqual(['https://autohub.test/', 'https://autohub.test/posts/a&b'])
    expect(childText(urls[1], 'lastmod')).toBe('2025-01-02T03:04:05.000Z')
  })
  it('builds a well-formed RSS 2.0 feed with names, never emails', () => {
    const xml = buildRss({ title: 'Blog <AutoHub>', siteUrl: 'https://autohub.test', feedUrl: 'https://autohub.test/api/posts/feed.xml', description: 'd', language: 'en' }, [
      { title: 'A & B', slug: 'a-b', excerpt: '<b>x</b>', publishedAt: '2025-03-01T10:00:00Z', authors: ['Eddie Editor'], categories: ['News'] },
    ])
    const rss = parseXml(xml)
    expect(rss.name).toBe('rss')
    expect(rss.attrs.version).toBe('2.0')
    const channel = childrenNamed(rss, 'channel')[0]
    expect(childText(channel, 'title')).toBe('Blog <AutoHub>')
    const [item] = childrenNamed(channel, 'item')
    expect(childText(item, 'title')).toBe('A & B')
    expect(childText(item, 'link')).toBe('https://autohub.test/posts/a-b')
    expect(childText(item, 'pubDate')).toBe('Sat, 01 Mar 2025 10:00:00 GMT')
    expect(childText(item, 'dc:creator')).toBe('Eddie Editor')
    expect(xml).not.toMatch(/@/)
  })
  it('the checker rejects malformed XML', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow(/not well-formed/)
    expect(() => parseXml('<a>Tom & Jerry</a>')).toThrow()
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/duplicate/)
    expect(() => parseXml('<a/><b/>')).toThrow(/more than one root/)
    expect(() => parseXml('<a>')).toThrow(/never closed/)
  })
})
