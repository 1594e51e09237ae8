/** Root endpoints of the services domain: per-technician and per-service analytics (admin). */
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'

import { optDate } from '@/http/fields'
import { serviceReport, technicianReport } from './operations/reports'

export const technicianAnalyticsEndpoint = defineEndpoint({
  method: 'get',
  path: '/analytics/technicians',
  summary: 'Per technician: completed, cancelled and active jobs, average rating, completion rate, average response minutes, earnings this and last UTC month with the change in percent (admin).',
  auth: { roles: ['admin'], write: false },
  run: ({ req }) => technicianReport(req),
})

export const serviceAnalyticsEndpoint = defineEndpoint({
  method: 'get',
  path: '/analytics/services',
  summary: 'Per service: booking counts by status, emergencies, revenue and average rating; ?from&to filter createdAt, ?locale names (admin).',
  auth: { roles: ['admin'], write: false },
  query: z.object({ from: optDate('from'), to: optDate('to'), locale: z.unknown().optional() }),
  run: ({ req, query }) => serviceReport(req, { from: query.from, to: query.to, locale: query.locale === 'ar' || req.locale === 'ar' ? 'ar' : 'en' }),
})

export const servicesAnalyticsEndpoints = [technicianAnalyticsEndpoint, serviceAnalyticsEndpoint]
