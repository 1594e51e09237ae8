/**
 * The admin panel in Arabic. Payload translates its own texts (@payloadcms/translations); this plugin gives every text
 * the platform's collections, globals and fields show in the panel — labels, groups, descriptions, placeholders,
 * select options, array and block row names, tabs — its Arabic from one dictionary (src/admin/arabic.ts), keyed by the
 * English text. It runs after every other plugin, so the collections and fields they add are covered, and a collection
 * file needs no Arabic of its own; an English text without Arabic fails tests/unit/platform/arabic-admin.test.ts.
 *
 * A field without a label gets Payload's own (`toWords` of its name) before it is translated, as does an array's or a
 * block's row name (`formatLabels`). Labels become label functions, which Payload evaluates for the reader's language
 * as it builds the panel's client config, so a page carries one language's labels; descriptions and placeholders, which
 * Payload would render field by field on the server if they were functions, become `{ en, ar }` objects, as do groups
 * and tab labels (Payload calls a tab's label function without the reader's language).
 */
import { getTranslation } from '@payloadcms/translations'
import { type CollectionConfig, type Config, type Field, formatLabels, type GlobalConfig, type Plugin, toWords } from 'payload'

import { AR } from '@/admin/arabic'

/** One text of the panel: where it is (for a test's message), the English, and how to put its translated form back. */
export interface AdminText {
  where: string
  /** What the panel shows now: a string, a `{ en, ar }` object or a label function (evaluated by the caller). */
  value: unknown
  set(value: unknown): void
  /** A label (a function is fine) or a description, placeholder or group (an object). */
  kind: 'label' | 'static'
}

type Labels = { singular?: unknown; plural?: unknown }
/** What the walk reads and writes of a field, whatever its type. */
type AnyField = {
  type: string
  name?: string
  label?: unknown
  labels?: Labels
  hidden?: boolean
  admin?: { description?: unknown; placeholder?: unknown; hidden?: boolean; disabled?: boolean }
  options?: (string | { label: unknown; value: string })[]
  fields?: Field[]
  tabs?: { name?: string; label?: unknown; description?: unknown; fields: Field[] }[]
  blocks?: { slug: string; labels?: Labels; fields: Field[] }[]
}

/** Whether the panel never shows the field (or what it holds). */
const unseen = (f: AnyField) => f.hidden === true || f.admin?.hidden === true || f.admin?.disabled === true

/** A `labels` pair, filled from `fallback` where missing. */
function labelsOf(owner: { labels?: Labels }, fallback: () => { singular: string; plural: string }, where: string, out: AdminText[]) {
  const labels = (owner.labels ??= {})
  const base = labels.singular === undefined || labels.plural === undefined ? fallback() : null
  if (base) {
    labels.singular ??= base.singular
    labels.plural ??= base.plural
  }
  out.push({ where: `${where} singular`, value: labels.singular, set: (v) => (labels.singular = v), kind: 'label' })
  out.push({ where: `${where} plural`, value: labels.plural, set: (v) => (labels.plural = v), kind: 'label' })
}

function staticText(holder: Record<string, unknown> | undefined, key: string, where: string, out: AdminText[]) {
  if (!holder || holder[key] === undefined || holder[key] === false || holder[key] === null) return
  out.push({ where, value: holder[key], set: (v) => (holder[key] = v), kind: 'static' })
}

function fieldTexts(fields: readonly Field[], where: string, out: AdminText[]): void {
  for (const field of fields as unknown as AnyField[]) {
    if (unseen(field)) continue
    const at = `${where}.${field.name ?? field.type}`
    const labelled = field.type !== 'row' && field.type !== 'tabs' // a tab's label is on the tab
    if (labelled && field.name && field.label === undefined) field.label = toWords(field.name)
    if (labelled && field.label !== undefined && field.label !== false) out.push({ where: `${at} label`, value: field.label, set: (v) => (field.label = v), kind: 'label' })
    staticText(field.admin as Record<string, unknown> | undefined, 'description', `${at} description`, out)
    staticText(field.admin as Record<string, unknown> | undefined, 'placeholder', `${at} placeholder`, out)
    if (field.options)
      field.options.forEach((option, i) => {
        if (typeof option === 'string') field.options![i] = { label: option, value: option }
        const o = field.options![i] as { label: unknown; value: string }
        out.push({ where: `${at} option ${o.value}`, value: o.label, set: (v) => (o.label = v), kind: 'label' })
      })
    if ((field.type === 'array' || field.type === 'blocks') && field.name) labelsOf(field, () => formatLabels(field.name!), `${at} rows`, out)
    if (field.fields) fieldTexts(field.fields, at, out)
    if (field.tabs)
      for (const tab of field.tabs) {
        const tabAt = `${at}.${tab.name ?? 'tab'}`
        if (tab.label === undefined && tab.name) tab.label = toWords(tab.name)
        // static: Payload calls a tab's label function with `t` alone (no language to choose by)
        if (tab.label !== undefined && tab.label !== false) out.push({ where: `${tabAt} label`, value: tab.label, set: (v) => (tab.label = v), kind: 'static' })
        staticText(tab as unknown as Record<string, unknown>, 'description', `${tabAt} description`, out)
        fieldTexts(tab.fields, tabAt, out)
      }
    if (field.blocks)
      for (const block of field.blocks) {
        labelsOf(block, () => formatLabels(block.slug), `${at}.${block.slug}`, out)
        fieldTexts(block.fields, `${at}.${block.slug}`, out)
      }
  }
}

/**
 * Every text of the platform's collections and globals the panel shows (Payload's own collections, `payload-*`, carry
 * Payload's translations; of those, only a group the platform gives one is the platform's). Fills in the labels
 * Payload would generate, so the texts are those the panel would show.
 */
export function adminTextsOf(config: Pick<Config, 'collections' | 'globals'>): AdminText[] {
  const out: AdminText[] = []
  for (const c of (config.collections ?? []) as CollectionConfig[]) {
    staticText(c.admin as Record<string, unknown> | undefined, 'group', `${c.slug} group`, out)
    if (c.slug.startsWith('payload-')) continue // only its group: placed in the platform's (src/jobs)
    labelsOf(c as { labels?: Labels }, () => formatLabels(c.slug), c.slug, out)
    staticText(c.admin as Record<string, unknown> | undefined, 'description', `${c.slug} description`, out)
    fieldTexts(c.fields, c.slug, out)
  }
  for (const g of (config.globals ?? []) as GlobalConfig[]) {
    if (g.slug.startsWith('payload-')) continue
    if (g.label === undefined) g.label = toWords(g.slug)
    out.push({ where: `${g.slug} label`, value: g.label, set: (v) => (g.label = v as never), kind: 'label' })
    staticText(g.admin as Record<string, unknown> | undefined, 'group', `${g.slug} group`, out)
    staticText(g.admin as Record<string, unknown> | undefined, 'description', `${g.slug} description`, out)
    fieldTexts(g.fields, g.slug, out)
  }
  return out
}

/** The text in both languages, or null when the dictionary has no Arabic for it. */
export const bilingual = (en: string): { en: string; ar: string } | null => (AR[en] ? { en, ar: AR[en] } : null)

/**
 * A label function: the reader's language's text (Arabic for `ar`, else English), as Payload's `getTranslation` picks
 * it; English where a caller passes no `i18n` (none of those this plugin gives functions to does).
 */
const labelIn =
  (texts: { en: string; ar: string }) =>
  ({ i18n }: { i18n?: Parameters<typeof getTranslation>[1] }) =>
    i18n ? getTranslation(texts, i18n) : texts.en

export const arabicAdmin =
  (): Plugin =>
  (config: Config): Config => {
    for (const text of adminTextsOf(config)) {
      if (typeof text.value !== 'string') continue // a function or an object: translated where it was written
      const texts = bilingual(text.value)
      if (texts) text.set(text.kind === 'label' ? labelIn(texts) : texts)
    }
    return config
  }
