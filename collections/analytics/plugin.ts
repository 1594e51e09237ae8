/**
 * The analytics domain's registration: the daily listing history and the audit log, the `/api/analytics/*`
 * endpoints, the hooks it attaches to other domains' collections (listing history, audit entries), the audit
 * retention job, and its platform settings (audit retention).
 */
import type { CollectionConfig, Config, Field, GlobalConfig, Plugin } from 'payload'

import { MODERATION_QUEUES } from '@/domain/analytics/moderation'
import { definePlugin } from '@/plugins/domain'
import { analyticsEndpoints } from '@endpoints/analytics/analytics'
import { analyticsTasks } from '@endpoints/analytics/jobs'
import { moderationEndpoints } from '@endpoints/analytics/moderation'
import { auditChanges, auditPlatformSettings } from '@hooks/analytics/audit'
import { statsOnFavorite, statsOnOffer, statsOnView } from '@hooks/analytics/listing-stats'
import { reviewPreApproval } from '@hooks/analytics/review-preapproval'
import { seedAnalytics } from '@seed/analytics'

import { AuditLog } from './AuditLog'
import { ListingDailyStats } from './ListingDailyStats'

const domain = definePlugin({
  name: 'analytics',
  collections: [ListingDailyStats, AuditLog],
  endpoints: [...analyticsEndpoints, ...moderationEndpoints],
  hooks: {
    'listing-views': { afterChange: [statsOnView] },
    favorites: { afterChange: [statsOnFavorite] },
    negotiations: { afterChange: [statsOnOffer] },
    users: { afterChange: [auditChanges('users')] },
    cars: { afterChange: [auditChanges('cars')] },
    orders: { afterChange: [auditChanges('orders')] },
    payments: { afterChange: [auditChanges('payments', { onCreate: true })] },
    reviews: { beforeChange: [reviewPreApproval] },
  },
  tasks: analyticsTasks,
  seed: seedAnalytics,
})

/** The analytics settings tab of `platform-settings`, and its audit hook. */
function withAnalyticsSettings(g: GlobalConfig): GlobalConfig {
  const tab = {
    label: 'Moderation & audit',
    fields: [
      {
        name: 'reviewPreApproval',
        type: 'checkbox' as const,
        defaultValue: false,
        admin: { description: 'New reviews wait in the reviews moderation queue before they are public.' },
      },
      {
        name: 'auditRetentionDays',
        type: 'number' as const,
        required: true,
        defaultValue: 365,
        min: 1,
        max: 3650,
        admin: { description: 'Audit-log entries older than this many days are purged nightly.' },
      },
    ],
  }
  const fields = g.fields.map((f) => (f.type === 'tabs' ? { ...f, tabs: [...f.tabs, tab] } : f))
  return { ...g, fields, hooks: { ...(g.hooks ?? {}), afterChange: [...(g.hooks?.afterChange ?? []), auditPlatformSettings] } }
}

const ADMIN = '/collections/analytics/admin'

/** Collections every visitor may read (their titles are public): relationship columns to them render on the server. */
const PUBLIC_TITLE_TARGETS = new Set(['makes', 'models', 'features', 'part-brands', 'part-categories', 'forum-categories', 'dealers', 'amenities'])

/**
 * Admin speed: a single relationship to a public collection gets a server-rendered list cell (RelationTitleCell),
 * titles batched into one query per related collection — the list shows them at once, no "Loading…" flash.
 */
function withServerRelationCells(c: CollectionConfig): CollectionConfig {
  let changed = false
  const visit = (fields: Field[]): Field[] =>
    fields.map((f) => {
      if (f.type === 'row' || f.type === 'collapsible') return { ...f, fields: visit(f.fields) }
      if (f.type === 'tabs') return { ...f, tabs: f.tabs.map((tab) => ('name' in tab && tab.name ? tab : { ...tab, fields: visit(tab.fields) })) }
      if (f.type !== 'relationship' || typeof f.relationTo !== 'string' || f.hasMany || !PUBLIC_TITLE_TARGETS.has(f.relationTo) || f.admin?.components?.Cell) return f
      changed = true
      return { ...f, admin: { ...f.admin, components: { ...f.admin?.components, Cell: `${ADMIN}/RelationTitleCell#RelationTitleCell` } } }
    })
  const fields = visit(c.fields)
  return changed ? { ...c, fields } : c
}

/** The admin workplace: figures above the dashboard cards, one view per moderation queue, links to the queues. */
function withAdminComponents(config: Config): Config {
  const components = config.admin?.components ?? {}
  const views = Object.fromEntries(MODERATION_QUEUES.map((q) => [`moderation-${q.key}`, { Component: `${ADMIN}/ModerationView#ModerationView`, path: `/moderation/${q.key}` as const }]))
  return {
    ...config,
    collections: (config.collections ?? []).map(withServerRelationCells),
    admin: {
      ...config.admin,
      components: {
        ...components,
        beforeDashboard: [...(components.beforeDashboard ?? []), `${ADMIN}/AnalyticsDashboard#AnalyticsDashboard`],
        afterNavLinks: [...(components.afterNavLinks ?? []), `${ADMIN}/ModerationNavLinks#ModerationNavLinks`],
        views: { ...(components.views ?? {}), ...views },
      },
    },
  }
}

export const analyticsPlugin: Plugin = (incoming: Config): Config => {
  const config = withAdminComponents(domain(incoming) as Config)
  return { ...config, globals: (config.globals ?? []).map((g) => (g.slug === 'platform-settings' ? withAnalyticsSettings(g) : g)) }
}
