'use client'
/**
 * One moderation queue in the admin panel: the items awaiting a decision (oldest first) with Approve and Reject
 * (a reason is required to reject) — one click each, through `/api/moderation/<queue>/:id/approve|reject`; the
 * author is notified by the server.
 */
import { useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { langOf, t } from './labels'

type Item = { id: number; title: string; author: number | null; createdAt: string }
type Page = { label: { en: string; ar: string }; totalDocs: number; docs: Item[] }

export function ModerationQueue({ queue }: { queue: string }) {
  const { i18n } = useTranslation()
  const lang = langOf(i18n?.language)
  const [page, setPage] = useState<Page | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [reasons, setReasons] = useState<Record<number, string>>({})

  const refresh = useCallback(async () => {
    const res = await fetch(`/api/moderation/${queue}?limit=50`, { credentials: 'include' })
    if (!res.ok) {
      setError(String(res.status))
      return
    }
    setPage(await res.json())
  }, [queue])

  useEffect(() => {
    void refresh()
  }, [refresh])

  const decide = async (id: number, decision: 'approve' | 'reject') => {
    setError(null)
    const res = await fetch(`/api/moderation/${queue}/${id}/${decision}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(decision === 'reject' ? { reason: reasons[id] ?? '' } : {}),
    })
    const body = await res.json().catch(() => ({}))
    if (!res.ok) {
      setError(body?.errors?.[0]?.data?.errors?.[0]?.message ?? body?.errors?.[0]?.message ?? String(res.status))
      return
    }
    setDone(`${t(decision === 'approve' ? 'approved' : 'rejected', lang)}: #${id}`)
    await refresh()
  }

  return (
    <div data-testid={`moderation-${queue}`} dir={lang === 'ar' ? 'rtl' : 'ltr'}>
      <h1>
        {t('moderation', lang)} · {page ? page.label[lang] : queue}
      </h1>
      {done && (
        <p role="status" data-moderation-done>
          {done}
        </p>
      )}
      {error && (
        <p role="alert" style={{ color: '#dc2626' }}>
          {error}
        </p>
      )}
      {page && page.docs.length === 0 && <p data-moderation-empty>{t('empty', lang)}</p>}
      {page && page.docs.length > 0 && (
        <table className="table" style={{ width: '100%' }}>
          <thead>
            <tr>
              <th>#</th>
              <th />
              <th>{t('author', lang)}</th>
              <th>{t('submitted', lang)}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {page.docs.map((d) => (
              <tr key={d.id} data-moderation-item={d.id}>
                <td>{d.id}</td>
                <td>{d.title}</td>
                <td>{d.author ?? '—'}</td>
                <td>{new Intl.DateTimeFormat(lang === 'ar' ? 'ar-EG' : 'en-US', { dateStyle: 'medium' }).format(new Date(d.createdAt))}</td>
                <td style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                  <button type="button" className="btn btn--style-primary btn--size-small" style={{ margin: 0 }} data-action="approve" onClick={() => decide(d.id, 'approve')}>
                    {t('approve', lang)}
                  </button>
                  <input aria-label={t('reason', lang)} placeholder={t('reason', lang)} value={reasons[d.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [d.id]: e.target.value })} />
                  <button type="button" className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} data-action="reject" onClick={() => decide(d.id, 'reject')}>
                    {t('reject', lang)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
