/** Collection endpoints of `services`: /api/services/emergency and /api/services/categories. */
import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'

import { emergencyServices, serviceCategories } from './operations/reports'

/** `?locale=ar` (or the request's locale) for Arabic; English otherwise. */
const localeQuery = z.object({ locale: z.unknown().optional() })
const localeOf = (req: PayloadRequest, q: { locale?: unknown }): 'en' | 'ar' => ((q.locale ?? req.locale) === 'ar' ? 'ar' : 'en')

export const emergencyServicesEndpoint = defineEndpoint({
  method: 'get',
  path: '/emergency',
  summary: 'Active services that take emergency bookings (anonymous; ?locale=ar for Arabic names).',
  auth: 'public',
  query: localeQuery,
  run: ({ req, query }) => emergencyServices(req, localeOf(req, query)),
})

export const serviceCategoriesEndpoint = defineEndpoint({
  method: 'get',
  path: '/categories',
  summary: 'Service categories with the number of active services, labels in ?locale (en default).',
  auth: 'public',
  query: localeQuery,
  run: ({ req, query }) => serviceCategories(req, localeOf(req, query)),
})

export const serviceCollectionEndpoints = [emergencyServicesEndpoint, serviceCategoriesEndpoint]
