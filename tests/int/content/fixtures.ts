/** Shared fixtures for the content tests: Lexical documents, posts created as an editor, a small image. */
import sharp from 'sharp'

import { testPayload } from '../../helpers/payload'

export const paragraph = (text: string) => ({
  type: 'paragraph',
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
})

export const richText = (...paragraphs: string[]) => ({
  root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: paragraphs.map(paragraph) },
})

let n = 0
export async function makePost(editorId: number, opts: { status?: 'draft' | 'published'; title?: string; data?: Record<string, unknown> } = {}): Promise<{ id: number; slug: string; title: string }> {
  const payload = await testPayload()
  const title = opts.title ?? `Post ${process.pid} ${++n} ${Math.random().toString(36).slice(2, 6)}`
  const doc = await payload.create({
    collection: 'posts',
    overrideAccess: true,
    draft: opts.status !== 'published',
    data: {
      title,
      excerpt: `Excerpt of ${title}`,
      content: richText(`Body of ${title}.`),
      authors: [editorId],
      _status: opts.status ?? 'draft',
      ...opts.data,
    } as never,
  })
  return { id: doc.id as number, slug: (doc as { slug: string }).slug, title }
}

export async function makeImage(): Promise<number> {
  const payload = await testPayload()
  const data = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#c00' } })
    .png()
    .toBuffer()
  const media = await payload.create({
    collection: 'media',
    overrideAccess: true,
    data: { alt: 'avatar' } as never,
    file: { data, mimetype: 'image/png', name: `avatar-${Date.now()}.png`, size: data.length },
  })
  return media.id as number
}
