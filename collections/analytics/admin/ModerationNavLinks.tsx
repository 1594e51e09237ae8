'use client'
/** Links to the moderation queues in the admin navigation, with how many items wait (admins and editors). */
import { useAuth, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { langOf, t } from './labels'

type Queue = { key: string; label: { en: string; ar: string }; pending: number }

export function ModerationNavLinks() {
  const { user } = useAuth()
  const { i18n } = useTranslation()
  const lang = langOf(i18n?.language)
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[]
  const moderator = roles.includes('admin') || roles.includes('editor')
  const [queues, setQueues] = useState<Queue[]>([])
  useEffect(() => {
    if (!moderator) return
    fetch('/api/moderation', { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : { queues: [] }))
      .then((b) => setQueues(b.queues ?? []))
      .catch(() => setQueues([]))
  }, [moderator])
  if (!moderator || !queues.length) return null
  return (
    <nav data-testid="moderation-nav" style={{ marginTop: 16 }}>
      <div style={{ fontSize: 12, opacity: 0.7, marginBottom: 4 }}>{t('moderation', lang)}</div>
      {queues.map((q) => (
        <a key={q.key} href={`/admin/moderation/${q.key}`} className="nav__link" style={{ display: 'block', padding: '2px 0' }}>
          {q.label[lang]} ({q.pending})
        </a>
      ))}
    </nav>
  )
}
