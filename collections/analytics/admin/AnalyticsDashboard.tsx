'use client'
/**
 * The admin dashboard's figures (rendered above the collection cards): KPIs with the previous period and charts
 * (a time series and a breakdown), from the same `/api/analytics/*` endpoints the API offers. The admin sees
 * the platform, a seller their listings, a parking owner their spots, a technician their jobs. Arabic renders
 * right to left with Arabic digits and dates.
 */
import { useAuth, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'

import { fmtDay, fmtNumber, type Lang, langOf, t } from './labels'

type Kpi = { current: number; previous: number; changePercent: number | null }
type Point = { bucket: string } & Record<string, number>
type View = {
  kind: 'admin' | 'seller' | 'parking_owner' | 'technician'
  kpis: Record<string, Kpi>
  series: Point[]
  lines: string[]
  breakdown: { title: string; rows: Array<{ name: string; value: number }> } | null
}

const COLORS = ['#2563eb', '#16a34a', '#f59e0b', '#dc2626', '#7c3aed']
/**
 * A chart's SVG text runs left to right in both languages. In Arabic the charts are mirrored by their props (the Y axis
 * on the right, the X axis reversed); an SVG label anchored at its start would otherwise inherit the page's
 * right-to-left direction and run back over the plot. The legend keeps the page's direction.
 */
const CHART_TEXT = { direction: 'ltr' } as const
const PERIODS = ['7d', '30d', '90d'] as const

async function getJson(url: string) {
  const res = await fetch(url, { credentials: 'include' })
  if (!res.ok) throw new Error(String(res.status))
  return res.json()
}

async function load(roles: string[], period: string): Promise<View | null> {
  const q = `period=${period}`
  if (roles.includes('admin')) {
    const d = await getJson(`/api/analytics/dashboard?${q}`)
    const k = d.kpis
    return {
      kind: 'admin',
      kpis: {
        newUsers: k.newUsers,
        newListings: k.newListings,
        orders: k.orders,
        revenue: k.revenue,
        parkingBookings: k.parkingBookings,
        serviceBookings: k.serviceBookings,
        negotiations: k.negotiations,
        conversionPercent: k.conversionPercent,
      },
      series: d.series,
      lines: ['newUsers', 'newListings', 'orders', 'bookings'],
      breakdown: { title: 'topMakes', rows: d.topMakes.map((m: { make: string; listings: number }) => ({ name: m.make, value: m.listings })) },
    }
  }
  if (roles.includes('seller')) {
    const d = await getJson(`/api/analytics/seller?${q}`)
    return {
      kind: 'seller',
      kpis: d.kpis,
      series: d.series,
      lines: ['views', 'favorites', 'offers'],
      breakdown: { title: 'topListings', rows: (d.topListings ?? []).map((l: { title: string; views: number }) => ({ name: l.title, value: l.views })) },
    }
  }
  if (roles.includes('parking_owner') || roles.includes('technician')) {
    const b = await getJson(`/api/analytics/bookings?${q}`)
    const r = await getJson(`/api/analytics/revenue?${q}`)
    const lines = Object.keys(b.kpis)
    return { kind: roles.includes('parking_owner') ? 'parking_owner' : 'technician', kpis: { ...b.kpis, revenue: r.kpis.revenue }, series: b.series, lines, breakdown: null }
  }
  return null
}

function KpiCard({ name, kpi, lang }: { name: string; kpi: Kpi; lang: Lang }) {
  const up = kpi.changePercent !== null && kpi.changePercent >= 0
  return (
    <div data-kpi={name} style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 6, padding: '12px 16px', minWidth: 150 }}>
      <div style={{ fontSize: 12, opacity: 0.7 }}>{t(name, lang)}</div>
      <div data-kpi-value style={{ fontSize: 24, fontWeight: 600 }}>
        {fmtNumber(kpi.current, lang)}
      </div>
      <div style={{ fontSize: 12, color: kpi.changePercent === null ? 'inherit' : up ? '#16a34a' : '#dc2626' }}>
        {kpi.changePercent === null ? '—' : `${up ? '▲' : '▼'} ${fmtNumber(Math.abs(kpi.changePercent), lang)}%`} · {t('previous', lang)}: {fmtNumber(kpi.previous, lang)}
      </div>
    </div>
  )
}

export function AnalyticsDashboard() {
  const { user } = useAuth()
  const { i18n } = useTranslation()
  const lang = langOf(i18n?.language)
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[]
  const [period, setPeriod] = useState<string>('30d')
  const [view, setView] = useState<View | null | 'loading' | 'error'>('loading')
  const rolesKey = roles.join(',')

  useEffect(() => {
    let live = true
    setView('loading')
    load(rolesKey.split(','), period)
      .then((v) => live && setView(v))
      .catch(() => live && setView('error'))
    return () => {
      live = false
    }
  }, [rolesKey, period])

  if (!user) return null
  const dir = lang === 'ar' ? 'rtl' : 'ltr'
  return (
    <section data-testid="analytics-dashboard" dir={dir} style={{ marginBottom: 32 }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 12 }}>
        <h2 style={{ margin: 0 }}>{t('dashboard', lang)}</h2>
        <span style={{ marginInlineStart: 'auto', fontSize: 12 }}>{t('period', lang)}:</span>
        {PERIODS.map((p) => (
          <button
            key={p}
            type="button"
            data-period={p}
            aria-pressed={p === period}
            onClick={() => setPeriod(p)}
            className={`btn btn--size-small ${p === period ? 'btn--style-primary' : 'btn--style-secondary'}`}
            style={{ margin: 0 }}
          >
            {p}
          </button>
        ))}
      </div>
      {view === 'loading' && <p>{t('loading', lang)}</p>}
      {(view === null || view === 'error') && <p>{t('noAccess', lang)}</p>}
      {view && typeof view === 'object' && (
        <div data-dashboard-kind={view.kind}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginBottom: 20 }}>
            {Object.entries(view.kpis).map(([name, kpi]) => (
              <KpiCard key={name} name={name} kpi={kpi} lang={lang} />
            ))}
          </div>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24 }}>
            <figure data-chart="series" style={{ margin: 0 }}>
              <figcaption style={{ fontWeight: 600 }}>{t('overTime', lang)}</figcaption>
              <LineChart width={620} height={260} data={view.series} margin={{ top: 10, right: 20, left: 0, bottom: 0 }} style={CHART_TEXT}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="bucket" tickFormatter={(v: string) => fmtDay(v, lang)} reversed={dir === 'rtl'} />
                <YAxis allowDecimals={false} orientation={dir === 'rtl' ? 'right' : 'left'} tickFormatter={(v: number) => fmtNumber(v, lang)} />
                <Tooltip labelFormatter={(v) => fmtDay(String(v), lang)} formatter={(v) => fmtNumber(Number(v), lang)} />
                <Legend formatter={(v: string) => t(v, lang)} wrapperStyle={{ direction: dir }} />
                {view.lines.map((l, i) => (
                  <Line key={l} type="monotone" dataKey={l} name={l} stroke={COLORS[i % COLORS.length]} dot={false} isAnimationActive={false} />
                ))}
              </LineChart>
            </figure>
            {view.breakdown && (
              <figure data-chart="breakdown" style={{ margin: 0 }}>
                <figcaption style={{ fontWeight: 600 }}>{t(view.breakdown.title, lang)}</figcaption>
                <BarChart width={360} height={260} data={view.breakdown.rows} layout="vertical" margin={{ top: 10, right: 20, left: 20, bottom: 0 }} style={CHART_TEXT}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" allowDecimals={false} reversed={dir === 'rtl'} tickFormatter={(v: number) => fmtNumber(v, lang)} />
                  <YAxis type="category" dataKey="name" width={110} orientation={dir === 'rtl' ? 'right' : 'left'} />
                  <Tooltip formatter={(v) => fmtNumber(Number(v), lang)} />
                  <Bar dataKey="value" fill={COLORS[0]} isAnimationActive={false} />
                </BarChart>
              </figure>
            )}
          </div>
        </div>
      )}
    </section>
  )
}
