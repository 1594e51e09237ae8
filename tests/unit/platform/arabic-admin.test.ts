/**
 * The admin panel offers Arabic (the design: localization en + ar), so every text the panel shows for the platform's
 * collections, globals and fields must have its Arabic: labels, groups, descriptions, placeholders, options, row and
 * block names, tabs (src/plugins/arabic-admin.ts, one dictionary in src/admin/arabic.ts). Read from the built config,
 * so a new collection, field or option without an Arabic entry fails here, as does a dictionary entry nothing uses.
 */
import { getTranslation, type I18n, initI18n } from '@payloadcms/translations'
import type { Config, SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { AR } from '../../../src/admin/arabic'
import { adminTextsOf, arabicAdmin } from '../../../src/plugins/arabic-admin'

const LATIN = /[A-Za-z]/
const ARABIC = /[\u0600-\u06FF]/

let config: SanitizedConfig
let ar: I18n
let en: I18n

beforeAll(async () => {
  config = await (await import('../../../payload.config')).default
  ar = await initI18n({ config: config.i18n, context: 'client', language: 'ar' })
  en = await initI18n({ config: config.i18n, context: 'client', language: 'en' })
})

/** A text as the panel shows it in `i18n`'s language (a label function is called as Payload calls it). */
const shown = (value: unknown, i18n: I18n): string => (typeof value === 'function' ? String(value({ i18n, t: i18n.t })) : getTranslation(value as string | Record<string, string>, i18n))

/** The texts that read the same in Arabic as in English while holding Latin letters, or hold no Arabic at all. */
function untranslated(of: Pick<Config, 'collections' | 'globals'>): string[] {
  return adminTextsOf(of)
    .map((t) => ({ where: t.where, en: shown(t.value, en), ar: shown(t.value, ar) }))
    .filter((t) => LATIN.test(t.en) && (!ARABIC.test(t.ar) || t.ar === t.en))
    .map((t) => `${t.where}: "${t.en}"`)
}

describe('the admin panel in Arabic', () => {
  it('every text of every collection and global has its Arabic; English readers see the English', () => {
    const texts = adminTextsOf(config)
    expect(texts.length).toBeGreaterThan(1500)
    expect(untranslated(config), 'each needs an entry in src/admin/arabic.ts').toEqual([])
    // the English panel is unchanged: each text reads as its dictionary key (or as written, when given in both languages)
    const english = texts.map((t) => shown(t.value, en))
    expect(english.filter((s) => ARABIC.test(s) && s !== 'العربية')).toEqual([])
    expect(english).toContain('Parking Spots')
    expect(texts.find((t) => t.where === 'parking-spots plural' && shown(t.value, ar) === 'المواقف')).toBeDefined()
    expect(texts.find((t) => t.where === 'cars.row.condition option used' && shown(t.value, ar) === 'مستعملة')).toBeDefined()
  })

  it('the navigation groups are Arabic too', () => {
    const groups = new Set(config.collections.map((c) => c.admin?.group).filter(Boolean))
    expect(groups.size).toBeGreaterThanOrEqual(10)
    for (const group of groups) expect(shown(group, ar), JSON.stringify(group)).toMatch(ARABIC)
  })

  it('every dictionary entry is a text the panel shows (none left behind by a renamed field)', () => {
    const english = new Set(adminTextsOf(config).map((t) => shown(t.value, en)))
    expect(Object.keys(AR).filter((key) => !english.has(key))).toEqual([])
  })

  it('a collection added without Arabic is reported, field by field', async () => {
    const added = arabicAdmin()({
      collections: [
        {
          slug: 'gadgets',
          labels: { singular: 'Car', plural: 'Gizmos' },
          fields: [
            { name: 'title', type: 'text' },
            { name: 'wobbleFactor', type: 'number', admin: { description: 'How much it wobbles.' } },
            { name: 'mood', type: 'select', options: ['Active', 'grumpy'] },
          ],
        },
      ],
    } as Config) as Config
    expect(untranslated(added)).toEqual([
      'gadgets plural: "Gizmos"',
      'gadgets.wobbleFactor label: "Wobble Factor"',
      'gadgets.wobbleFactor description: "How much it wobbles."',
      'gadgets.mood label: "Mood"',
      'gadgets.mood option grumpy: "grumpy"',
    ])
  })
})
