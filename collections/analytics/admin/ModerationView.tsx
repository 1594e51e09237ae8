/**
 * The admin view of one moderation queue (`/admin/moderation/<queue>`), inside the panel's template (navigation,
 * header); the queue itself is the client component ModerationQueue. Only the queue's roles reach it.
 */
import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import React from 'react'

import { queueByKey } from '@/domain/analytics/moderation'

import { ModerationQueue } from './ModerationQueue'

export function ModerationView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const segments = ((params as { segments?: string[] } | undefined)?.segments ?? []) as string[]
  const queue = queueByKey(segments[1] ?? '')
  const user = initPageResult.req.user as { roles?: string[] } | null
  const allowed = Boolean(queue && user?.roles?.some((r) => queue.roles.includes(r as never)))
  return (
    <DefaultTemplate
      i18n={initPageResult.req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={initPageResult.req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={initPageResult.req.user || undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>{allowed && queue ? <ModerationQueue queue={queue.key} /> : <p>You may not use this queue.</p>}</Gutter>
    </DefaultTemplate>
  )
}
