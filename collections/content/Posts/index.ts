import {
  BlockquoteFeature,
  BlocksFeature,
  BoldFeature,
  CodeBlock,
  FixedToolbarFeature,
  HeadingFeature,
  HorizontalRuleFeature,
  InlineCodeFeature,
  InlineToolbarFeature,
  ItalicFeature,
  lexicalEditor,
  LinkFeature,
  OrderedListFeature,
  ParagraphFeature,
  StrikethroughFeature,
  UnderlineFeature,
  UnorderedListFeature,
  UploadFeature,
} from '@payloadcms/richtext-lexical'
import type { CollectionConfig } from 'payload'

import { hasRole, or, published } from '@/access'
import { privateField } from '@/access/privacy'
import { env } from '@/lib/env'
import { authorsPublicShape, defaultAuthor, postsBeforeChange, scheduledColumn, slugFromTitle } from '@hooks/content/posts'

const editors = hasRole('editor', 'admin')
const readOnlyCounter = { create: () => false, update: () => false }

/** The post body editor: headings, lists, links, images from media, quotes and code. */
export const postContentEditor = lexicalEditor({
  features: () => [
    ParagraphFeature(),
    HeadingFeature({ enabledHeadingSizes: ['h2', 'h3', 'h4'] }),
    BoldFeature(),
    ItalicFeature(),
    UnderlineFeature(),
    StrikethroughFeature(),
    InlineCodeFeature(),
    UnorderedListFeature(),
    OrderedListFeature(),
    LinkFeature({ enabledCollections: ['posts'] }),
    UploadFeature({ collections: { media: { fields: [{ name: 'caption', type: 'text' }] } } }),
    BlockquoteFeature(),
    BlocksFeature({ blocks: [CodeBlock({ defaultLanguage: 'ts', languages: { ts: 'TypeScript', js: 'JavaScript', json: 'JSON', bash: 'Shell', plaintext: 'Plain text' } })] }),
    HorizontalRuleFeature(),
    FixedToolbarFeature(),
    InlineToolbarFeature(),
  ],
})

const previewUrl = (doc: Record<string, unknown>, locale?: string) => {
  const base = env.previewUrl
  if (!base) return null
  const slug = typeof doc?.slug === 'string' ? doc.slug : String(doc?.id ?? '')
  return `${base.replace(/\/+$/, '')}/posts/${encodeURIComponent(slug)}?preview=true${locale ? `&locale=${locale}` : ''}`
}

/**
 * Blog posts: drafts with autosave, scheduled publish/unpublish (Jobs Queue task `schedulePublish`),
 * localized title/excerpt/content, SEO meta (src/plugins/seo.ts). The public reads published posts only;
 * editors and admins see drafts.
 */
export const Posts: CollectionConfig = {
  slug: 'posts',
  labels: { singular: 'Post', plural: 'Posts' },
  admin: {
    useAsTitle: 'title',
    group: 'Content',
    defaultColumns: ['title', '_status', 'scheduled', 'publishedAt', 'authors', 'updatedAt'],
    listSearchableFields: ['title', 'slug'],
    ...(env.previewUrl
      ? {
          livePreview: { url: ({ data, locale }) => previewUrl(data as Record<string, unknown>, locale?.code) ?? '' },
          preview: (doc, { locale }) => previewUrl(doc as Record<string, unknown>, locale),
        }
      : {}),
  },
  access: {
    read: or(editors, published('_status')),
    readVersions: editors,
    create: editors,
    update: editors,
    delete: editors,
  },
  versions: { drafts: { autosave: true, schedulePublish: true }, maxPerDoc: 50 },
  defaultSort: '-publishedAt',
  defaultPopulate: { title: true, slug: true, excerpt: true, featuredImage: true, publishedAt: true, readingTime: true },
  hooks: {
    beforeValidate: [defaultAuthor, slugFromTitle('title', 'posts')],
    beforeChange: [postsBeforeChange],
    afterRead: [authorsPublicShape],
  },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true, maxLength: 200 },
    {
      name: 'slug',
      type: 'text',
      unique: true,
      index: true,
      maxLength: 120,
      admin: { position: 'sidebar', description: 'Generated from the English title when left empty; editable.' },
    },
    { name: 'excerpt', type: 'textarea', localized: true, maxLength: 500 },
    { name: 'content', type: 'richText', localized: true, editor: postContentEditor },
    { name: 'featuredImage', type: 'upload', relationTo: 'media' },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      index: true,
      filterOptions: { roles: { in: ['editor', 'admin'] } },
      admin: { position: 'sidebar', description: 'Editors or admins. The public sees only their names and avatars.' },
    },
    { name: 'categories', type: 'relationship', relationTo: 'categories', hasMany: true, index: true, admin: { position: 'sidebar' } },
    { name: 'tags', type: 'relationship', relationTo: 'tags', hasMany: true, index: true, admin: { position: 'sidebar' } },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' }, description: 'Set on first publish when empty.' },
    },
    {
      name: 'readingTime',
      type: 'number',
      custom: { integer: true },
      min: 0,
      admin: { position: 'sidebar', readOnly: true, description: 'Minutes, computed from the content.' },
      access: readOnlyCounter,
    },
    {
      type: 'row',
      admin: { position: 'sidebar' },
      fields: [
        { name: 'viewsCount', type: 'number', custom: { integer: true }, defaultValue: 0, min: 0, index: true, access: readOnlyCounter, admin: { readOnly: true } },
        { name: 'commentsCount', type: 'number', custom: { integer: true }, defaultValue: 0, min: 0, access: readOnlyCounter, admin: { readOnly: true } },
      ],
    },
    {
      name: 'scheduled',
      type: 'text',
      virtual: true,
      ...privateField({ readers: ['editor', 'admin'] }, { create: () => false, update: () => false }),
      hooks: { afterRead: [scheduledColumn] },
      admin: { readOnly: true, position: 'sidebar', description: 'Next scheduled publish/unpublish (editors only).' },
    },
  ],
}
