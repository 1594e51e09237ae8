import { seoPlugin } from '@payloadcms/plugin-seo'

type Doc = Record<string, unknown>

const text = (v: unknown): string => (typeof v === 'string' ? v : '')

/** Meta title/description/image on posts, cars, parts and services; generated from content when empty. */
export const seo = () =>
  seoPlugin({
    collections: ['posts', 'cars', 'parts', 'services'],
    uploadsCollection: 'media',
    tabbedUI: false,
    generateTitle: ({ doc }) => `${text((doc as Doc)?.title) || text((doc as Doc)?.name)} | AutoHub`.trim(),
    generateDescription: ({ doc }) => {
      const d = doc as Doc
      return (text(d?.excerpt) || text(d?.description) || text(d?.title)).slice(0, 160)
    },
  })
