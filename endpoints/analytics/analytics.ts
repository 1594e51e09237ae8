/**
 * `/api/analytics/*`: figures for the dashboards, each over `period=7d|30d|90d|custom&from&to` with the
 * previous period for comparison and a zero-filled daily/weekly series (docs/analytics.md).
 */

import { defineEndpoint } from '@/http/define-endpoint'
import { optRef } from '@/http/fields'

import { bookingsReport, dashboardReport, dealerReport, listingReport, revenueReport, searchTrendsReport, sellerReport } from './operations/reports'
import { periodQuery } from './query'

export const dashboardAnalyticsEndpoint = defineEndpoint({
  method: 'get',
  path: '/analytics/dashboard',
  summary: 'The platform: users, listings by status, orders and revenue, bookings per domain, negotiations and conversion, top makes and searches.',
  auth: { roles: ['admin'], write: false },
  query: periodQuery(),
  run: ({ req, query }) => dashboardReport(req, query.period),
})

export const sellerAnalyticsEndpoint = defineEndpoint({
  method: 'get',
  path: '/analytics/seller',
  summary: "The caller's listings: views, favorites, offers, sales, conversion and revenue (admins: ?seller=<id>).",
  auth: { roles: ['seller', 'admin'], write: false },
  query: periodQuery({ seller: optRef('seller', 'users') }),
  run: ({ req, user, query }) => sellerReport(req, user, query.period, query.seller),
})

export const listingAnalyticsEndpoint = defineEndpoint({
  method: 'get',
  path: '/analytics/listings/:id',
  summary: "One listing's daily views, favorites and offers (its seller or an admin).",
  auth: 'user',
  query: periodQuery(),
  run: ({ req, user, id, query }) => listingReport(req, user, id, query.period),
})

export const searchTrendsAnalyticsEndpoint = defineEndpoint({
  method: 'get',
  path: '/analytics/search-trends',
  summary: 'Search queries over time, the top queries and the top zero-result queries.',
  auth: { roles: ['admin'], write: false },
  query: periodQuery(),
  run: ({ req, query }) => searchTrendsReport(req, query.period),
})

export const bookingsAnalyticsEndpoint = defineEndpoint({
  method: 'get',
  path: '/analytics/bookings',
  summary: "Bookings per period bucket (groupBy=day|week|month): admins all domains, parking owners their spots', technicians their jobs.",
  auth: { roles: ['admin', 'parking_owner', 'technician'], write: false },
  query: periodQuery(),
  run: ({ req, user, query }) => bookingsReport(req, user, query.period),
})

export const revenueAnalyticsEndpoint = defineEndpoint({
  method: 'get',
  path: '/analytics/revenue',
  summary: "Revenue per bucket: admins the platform's net payments by kind, parking owners and technicians their bookings' value.",
  auth: { roles: ['admin', 'parking_owner', 'technician'], write: false },
  query: periodQuery(),
  run: ({ req, user, query }) => revenueReport(req, user, query.period),
})

export const dealerAnalyticsEndpoint = defineEndpoint({
  method: 'get',
  path: '/analytics/dealer',
  summary: "The caller's dealer profile: inventory summary, views, favorites, offers and sales (admins: ?dealer=<id>).",
  auth: { roles: ['seller', 'admin'], write: false },
  query: periodQuery({ dealer: optRef('dealer', 'dealers') }),
  run: ({ req, user, query }) => dealerReport(req, user, query.period, query.dealer),
})

export const analyticsEndpoints = [
  dashboardAnalyticsEndpoint,
  sellerAnalyticsEndpoint,
  listingAnalyticsEndpoint,
  searchTrendsAnalyticsEndpoint,
  bookingsAnalyticsEndpoint,
  revenueAnalyticsEndpoint,
  dealerAnalyticsEndpoint,
]
