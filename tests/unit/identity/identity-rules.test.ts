/** Pure rules of issue 21: OTP limits and checks, the OIDC sign-in plan, loyalty levels and discounts, the admin buttons. */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { SocialSignIn } from '../../../src/admin/SocialSignIn'
import { afterAttempt, channelPlan, emailAfterAttempt, renderTemplate, retryDelayMs } from '../../../src/domain/community/delivery'
import { claimTrue, planOidcSignIn, safeReturnPath } from '../../../src/domain/identity/oidc'
import { checkOtp, hashOtp, newOtpCode, OTP_RULES, sendRefusal } from '../../../src/domain/identity/otp'
import { normalizePhone } from '../../../src/domain/identity/international-phone'
import {
  approaching,
  approachingMilestones,
  BOOKING_TARGETS,
  changePercent,
  checkoutDiscount,
  daysSince,
  inactiveBefore,
  isHighValue,
  levelFor,
  levelRules,
  nextLevel,
} from '../../../src/domain/services/loyalty'

const now = new Date('2026-06-01T12:00:00Z')

describe('OTP rules', () => {
  it('codes are 6 digits; the hash depends on phone and code', () => {
    for (let i = 0; i < 50; i++) expect(newOtpCode()).toMatch(/^\d{6}$/)
    expect(hashOtp('s', '+201001234567', '123456')).not.toBe(hashOtp('s', '+201001234568', '123456'))
  })
  it('send limits: IP cap, phone cap, cooldown', () => {
    expect(sendRefusal({ lastSentAt: null, sentForPhone: 0, sentForIp: 0 }, now)).toBeNull()
    expect(sendRefusal({ lastSentAt: new Date(now.getTime() - 30_000), sentForPhone: 1, sentForIp: 1 }, now)).toMatchObject({ reason: 'cooldown', retryAfterSeconds: 30 })
    expect(sendRefusal({ lastSentAt: new Date(now.getTime() - 61_000), sentForPhone: 3, sentForIp: 3 }, now)?.reason).toBe('phone_limit')
    expect(sendRefusal({ lastSentAt: null, sentForPhone: 0, sentForIp: OTP_RULES.maxSendsPerIp }, now)?.reason).toBe('ip_limit')
  })
  it('checks: none, ok, wrong, expired (at the instant), burnt', () => {
    const hash = hashOtp('s', 'p', '111111')
    const row = { codeHash: hash, expiresAt: new Date(now.getTime() + 1), attempts: 0, consumedAt: null }
    expect(checkOtp(null, hash, now)).toBe('none')
    expect(checkOtp(row, hash, now)).toBe('ok')
    expect(checkOtp(row, hashOtp('s', 'p', '222222'), now)).toBe('wrong')
    expect(checkOtp({ ...row, expiresAt: now }, hash, now)).toBe('expired')
    expect(checkOtp({ ...row, attempts: 5 }, hash, now)).toBe('too_many_attempts')
    expect(checkOtp({ ...row, consumedAt: now }, hash, now)).toBe('none')
  })
  it('phones normalize to E.164', () => {
    expect(normalizePhone('010 0123 4567')).toBe('+201001234567')
    expect(normalizePhone('+1 415 555 2671')).toBe('+14155552671')
    expect(normalizePhone('12')).toBeNull()
  })
})

describe('OIDC plan', () => {
  it('links only a verified email; creates otherwise; refuses without email', () => {
    expect(planOidcSignIn({ linkedUserId: 3, emailUserId: 4, email: 'a@b.c', emailVerified: false })).toEqual({ kind: 'sign_in', userId: 3 })
    expect(planOidcSignIn({ linkedUserId: null, emailUserId: 4, email: 'a@b.c', emailVerified: true })).toEqual({ kind: 'link', userId: 4 })
    expect(planOidcSignIn({ linkedUserId: null, emailUserId: 4, email: 'a@b.c', emailVerified: false }).kind).toBe('refuse')
    expect(planOidcSignIn({ linkedUserId: null, emailUserId: null, email: null, emailVerified: true })).toMatchObject({ kind: 'refuse', status: 400 })
    expect(planOidcSignIn({ linkedUserId: null, emailUserId: null, email: 'a@b.c', emailVerified: false })).toEqual({ kind: 'create', email: 'a@b.c', emailVerified: false })
    expect([claimTrue(true), claimTrue('true'), claimTrue('false'), claimTrue(1)]).toEqual([true, true, false, false])
  })
  it('return paths stay on the site', () => {
    expect(safeReturnPath('/admin/x')).toBe('/admin/x')
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil', 42]) expect(safeReturnPath(bad)).toBe('/admin')
  })
  it('the admin login shows one button per configured provider', () => {
    process.env.OIDC_PROVIDERS = 'google,facebook'
    Object.assign(process.env, { OIDC_GOOGLE_ISSUER: 'https://accounts.google.com', OIDC_GOOGLE_CLIENT_ID: 'g', OIDC_FACEBOOK_ISSUER: 'https://www.facebook.com', OIDC_FACEBOOK_CLIENT_ID: 'f' })
    const html = renderToStaticMarkup(SocialSignIn({ i18n: { language: 'en' } })!)
    expect(html).toContain('Sign in with Google')
    expect(html).toContain('href="/api/auth/oidc/facebook/start?returnTo=%2Fadmin"')
    // in the reader's language: an Arabic login page says it in Arabic
    expect(renderToStaticMarkup(SocialSignIn({ i18n: { language: 'ar' } })!)).toContain('الدخول عبر Google')
    process.env.OIDC_PROVIDERS = ''
    expect(SocialSignIn({})).toBeNull()
  })
})

describe('delivery rules', () => {
  it('backoff doubles from 30 s, capped at 1 h; 5 attempts then failed; 404/410 gone', () => {
    expect([1, 2, 3, 4, 10].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000])
    expect(afterAttempt({ kind: 'error', error: 'x' }, 2, now)).toEqual({ status: 'pending', nextAttemptAt: new Date(now.getTime() + 60_000) })
    expect(afterAttempt({ kind: 'error', error: 'x' }, 5, now).status).toBe('failed')
    expect(afterAttempt({ kind: 'gone', status: 410 }, 1, now).status).toBe('gone')
  })
  it("an instant email: sent, or still sending until the next attempt's time, failed after the fifth", () => {
    expect(emailAfterAttempt(true, 3, now)).toEqual({ status: 'sent', nextAttemptAt: null })
    expect(emailAfterAttempt(false, 1, now)).toEqual({ status: 'sending', nextAttemptAt: new Date(now.getTime() + 30_000) })
    expect(emailAfterAttempt(false, 4, now)).toEqual({ status: 'sending', nextAttemptAt: new Date(now.getTime() + 240_000) })
    expect(emailAfterAttempt(false, 5, now)).toEqual({ status: 'failed', nextAttemptAt: null })
  })
  it('channels per type and preference; quiet hours hold SMS and push unless urgent', () => {
    const to = { verifiedPhone: true, pushSubscriptions: 1 }
    expect(channelPlan({ sms: true }, 'booking_status', to, false)).toEqual({ inApp: true, sms: true, push: true })
    expect(channelPlan({ sms: true }, 'new_message', to, false).sms).toBe(false)
    expect(channelPlan({ sms: true, mutedPush: ['booking_status'] }, 'booking_status', to, false).push).toBe(false)
    expect(channelPlan({ sms: true }, 'booking_status', { ...to, verifiedPhone: false }, false).sms).toBe(false)
    expect(channelPlan({ sms: true }, 'booking_status', to, true)).toEqual({ inApp: true, sms: false, push: false })
    expect(channelPlan({ sms: true }, 'account_alert', to, true, true)).toEqual({ inApp: true, sms: true, push: true })
    expect(renderTemplate('Order {{ orderNumber }} {{missing}}!', { orderNumber: 'A-1' })).toBe('Order A-1 !')
  })
})

describe('loyalty rules', () => {
  const rules = levelRules()
  it('levels at their thresholds; invalid configuration falls back to the defaults', () => {
    expect([0, 499, 500, 1999, 2000, 9999, 10000].map((p) => levelFor(p, rules).level)).toEqual(['bronze', 'bronze', 'silver', 'silver', 'gold', 'platinum', 'diamond'])
    expect(levelRules([0, 10, 5, 20, 30])).toEqual(rules)
    expect(nextLevel(750, rules)).toEqual({ level: 'gold', threshold: 2000, pointsToGo: 1250, progressPercent: 16 })
    expect(nextLevel(10000, rules)).toBeNull()
  })
  it('checkout discount: level percent, then points capped at half of the rest', () => {
    expect(checkoutDiscount({ subtotal: 100, total: 110, levelPercent: 5, requestedPoints: 100_000, balance: 100_000 })).toMatchObject({
      levelOff: 5,
      points: 5250,
      pointsOff: 52.5,
      off: 57.5,
      enough: true,
    })
    expect(checkoutDiscount({ subtotal: 20, total: 20, levelPercent: 0, requestedPoints: 300, balance: 200 })).toMatchObject({ points: 300, enough: false })
  })
  it('milestones approaching: within 80% of the next bookings milestone or level, not reached, one key per target', () => {
    expect(BOOKING_TARGETS).toEqual([1, 5, 10, 25, 50, 100])
    expect([3, 4, 5].map((v) => approaching(v, 5))).toEqual([false, true, false])
    expect(approachingMilestones({ bookingsCompleted: 3, lifetimePoints: 0 }, rules)).toEqual([])
    expect(approachingMilestones({ bookingsCompleted: 4, lifetimePoints: 399 }, rules)).toEqual([{ key: 'milestone:bookings_5', kind: 'bookings', value: 4, target: 5 }])
    // 5 reached: the next is 10, 8 of 10 is within 80%; 400 of 500 points is within 80% of silver.
    expect(approachingMilestones({ bookingsCompleted: 8, lifetimePoints: 400 }, rules)).toEqual([
      { key: 'milestone:bookings_10', kind: 'bookings', value: 8, target: 10 },
      { key: 'milestone:level_silver', kind: 'level', value: 400, target: 500, level: 'silver' },
    ])
    expect(approachingMilestones({ bookingsCompleted: 100, lifetimePoints: 10_000 }, rules)).toEqual([])
  })
  it('high value, inactivity cut-off, month-over-month change', () => {
    expect([isHighValue(4999.99, 5000), isHighValue(5000, 5000), isHighValue(1e9, 0)]).toEqual([false, true, false])
    const now = new Date('2026-12-01T00:00:00Z')
    expect(inactiveBefore(now, 60)?.toISOString()).toBe('2026-10-02T00:00:00.000Z')
    expect(inactiveBefore(now, 0)).toBeNull()
    expect(daysSince(new Date('2026-10-01T12:00:00Z'), now)).toBe(60)
    expect([changePercent(150, 100), changePercent(50, 200), changePercent(100, 0), changePercent(0, 0), changePercent(100, 300)]).toEqual([50, -75, null, null, -66.7])
  })
})
