import type { Endpoint } from 'payload'

import { contactSeller } from './messaging'

/** Root-level community endpoints (paths that are not collection slugs). */
export const communityEndpoints: Endpoint[] = [{ path: '/contact-seller', method: 'post', handler: contactSeller }]
