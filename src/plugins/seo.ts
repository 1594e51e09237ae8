/**
 * SEO: `@payloadcms/plugin-seo` adds a localized `meta` group (title, description, image) to posts, cars,
 * parts and services. The admin's "generate" buttons use the functions below; on every save a
 * beforeChange hook fills whatever is still empty from the document itself (title/name, excerpt/description/
 * content, featured or first image), so API-created documents get meta too.
 */
import { seoPlugin } from '@payloadcms/plugin-seo'
import type { CollectionBeforeChangeHook, Config, Plugin } from 'payload'

import { seoDefaults, type SeoMeta } from '@/domain/content'

type Doc = Record<string, unknown>

declare module 'payload' {
  interface RequestContext {
    /** Seed and imports: keep meta exactly as given. */
    skipSeoDefaults?: boolean
  }
}

export const SEO_COLLECTIONS = ['posts', 'cars', 'parts', 'services'] as const

/** Fills empty meta.title / meta.description / meta.image from the document being saved. */
export const fillSeoMeta: CollectionBeforeChangeHook = ({ data, context }) => {
  if (!data || context?.skipSeoDefaults) return data
  try {
    const meta = seoDefaults(data as Doc, (data as { meta?: SeoMeta }).meta)
    return { ...data, meta: { ...((data as { meta?: object }).meta ?? {}), ...meta } }
  } catch {
    return data // never block a save over SEO defaults
  }
}

/** The meta image as the SEO plugin takes it: an upload id or a populated upload (`''` when there is none). */
const imageRef = (image: unknown): number | { id: number | string } | '' => {
  if (typeof image === 'number') return image
  if (image && typeof image === 'object' && 'id' in image) return image as { id: number | string }
  return ''
}

const base = () =>
  seoPlugin({
    collections: [...SEO_COLLECTIONS],
    uploadsCollection: 'media',
    tabbedUI: false,
    generateTitle: ({ doc }) => seoDefaults(doc as Doc, null).title ?? '',
    generateDescription: ({ doc }) => seoDefaults(doc as Doc, null).description ?? '',
    generateImage: ({ doc }) => imageRef(seoDefaults(doc as Doc, null).image),
  })

export const seo =
  (): Plugin =>
  async (config: Config): Promise<Config> => {
    const withSeo = await base()(config)
    return {
      ...withSeo,
      collections: (withSeo.collections ?? []).map((c) =>
        (SEO_COLLECTIONS as readonly string[]).includes(c.slug) ? { ...c, hooks: { ...c.hooks, beforeChange: [...(c.hooks?.beforeChange ?? []), fillSeoMeta] } } : c,
      ),
    }
  }
