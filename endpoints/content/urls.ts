import { env } from '@/lib/env'

/** Base URL of the public site used in feeds and the sitemap: SITE_URL, else PREVIEW_URL, else SERVER_URL. */
export const publicBaseUrl = (): string => process.env.SITE_URL?.trim() || env.previewUrl || env.serverUrl
