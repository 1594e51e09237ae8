import { describe, expect, it } from 'vitest'

import { digestDue, emailDecision, expertVerificationWorkflow, inQuietHours, localMinutes, otherParticipant, preview, threadWorkflow, voteAction } from '../../../src/domain/community'
import { decide } from '../../../src/workflows/engine'

const at = (iso: string) => new Date(iso)

describe('votes', () => {
  it('toggles and replaces', () => {
    expect(voteAction(null, 'helpful')).toBe('create')
    expect(voteAction(undefined, 'like')).toBe('create')
    expect(voteAction('helpful', 'helpful')).toBe('remove')
    expect(voteAction('helpful', 'unhelpful')).toBe('replace')
    expect(voteAction('unhelpful', 'helpful')).toBe('replace')
  })
})

describe('quiet hours', () => {
  it('reads the local time in the user time zone', () => {
    expect(localMinutes(at('2030-01-01T12:30:00Z'), 'UTC')).toBe(12 * 60 + 30)
    expect(localMinutes(at('2030-01-01T12:30:00Z'), 'Asia/Riyadh')).toBe(15 * 60 + 30) // UTC+3
    expect(localMinutes(at('2030-01-01T12:30:00Z'), 'America/New_York')).toBe(7 * 60 + 30) // UTC-5 in January
    expect(localMinutes(at('2030-01-01T12:30:00Z'), 'Not/AZone')).toBe(12 * 60 + 30)
  })

  it('handles windows that wrap midnight, start inclusive and end exclusive', () => {
    const prefs = { quietHoursStart: '22:00', quietHoursEnd: '07:00', timezone: 'Asia/Riyadh' }
    expect(inQuietHours(prefs, at('2030-01-01T19:00:00Z'))).toBe(true) // 22:00 local
    expect(inQuietHours(prefs, at('2030-01-01T18:59:00Z'))).toBe(false) // 21:59
    expect(inQuietHours(prefs, at('2030-01-01T02:00:00Z'))).toBe(true) // 05:00
    expect(inQuietHours(prefs, at('2030-01-01T04:00:00Z'))).toBe(false) // 07:00
    expect(inQuietHours({ quietHoursStart: '13:00', quietHoursEnd: '14:00' }, at('2030-01-01T13:30:00Z'))).toBe(true)
    expect(inQuietHours({ quietHoursStart: '13:00', quietHoursEnd: '14:00' }, at('2030-01-01T14:00:00Z'))).toBe(false)
    expect(inQuietHours({ quietHoursStart: '13:00' }, at('2030-01-01T13:30:00Z'))).toBe(false)
    expect(inQuietHours({ quietHoursStart: '13:00', quietHoursEnd: '13:00' }, at('2030-01-01T13:00:00Z'))).toBe(false)
    expect(inQuietHours(null, at('2030-01-01T13:00:00Z'))).toBe(false)
  })
})

describe('email decision', () => {
  const noon = at('2030-01-01T12:00:00Z')
  it('follows email switch, muted types, frequency and quiet hours', () => {
    expect(emailDecision({}, 'new_message', noon)).toBe('send')
    expect(emailDecision({ email: false }, 'new_message', noon)).toBe('none')
    expect(emailDecision({ mutedTypes: ['new_message'] }, 'new_message', noon)).toBe('none')
    expect(emailDecision({ mutedTypes: ['promotion'] }, 'new_message', noon)).toBe('send')
    expect(emailDecision({ frequency: 'daily' }, 'new_message', noon)).toBe('queue')
    expect(emailDecision({ frequency: 'weekly' }, 'new_message', noon)).toBe('queue')
    expect(emailDecision({ quietHoursStart: '11:00', quietHoursEnd: '13:00' }, 'new_message', noon)).toBe('queue')
    expect(emailDecision({ quietHoursStart: '11:00', quietHoursEnd: '13:00', email: false }, 'x', noon, true)).toBe('send')
  })
})

describe('digest due', () => {
  const noon = at('2030-01-02T12:00:00Z')
  it('never during quiet hours', () => {
    expect(digestDue({ frequency: 'daily', quietHoursStart: '11:00', quietHoursEnd: '13:00' }, null, noon)).toBe(false)
  })
  it('instant users get deferred mail as soon as quiet hours are over', () => {
    expect(digestDue({ frequency: 'instant' }, at('2030-01-02T11:59:00Z'), noon)).toBe(true)
  })
  it('daily and weekly at most once per period', () => {
    expect(digestDue({ frequency: 'daily' }, null, noon)).toBe(true)
    expect(digestDue({ frequency: 'daily' }, at('2030-01-01T12:00:01Z'), noon)).toBe(false)
    expect(digestDue({ frequency: 'daily' }, at('2030-01-01T12:00:00Z'), noon)).toBe(true)
    expect(digestDue({ frequency: 'weekly' }, at('2029-12-28T12:00:00Z'), noon)).toBe(false)
    expect(digestDue({ frequency: 'weekly' }, at('2029-12-26T12:00:00Z'), noon)).toBe(true)
  })
})

describe('conversations', () => {
  it('finds the other participant or refuses outsiders', () => {
    expect(otherParticipant([1, 2], 1)).toBe(2)
    expect(otherParticipant([1, 2], '2')).toBe(1)
    expect(otherParticipant([1, 2], 3)).toBeNull()
  })
  it('previews messages', () => {
    expect(preview('  hello\n\nworld ')).toBe('hello world')
    expect(preview('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`)
  })
})

describe('workflows', () => {
  const author = { id: 1, roles: ['buyer' as const] }
  const stranger = { id: 2, roles: ['buyer' as const] }
  it('thread: the author resolves, closes and reopens; strangers may not', () => {
    expect(decide(threadWorkflow, { status: 'open', author: 1 }, { action: 'resolve' }, author).ok).toBe(true)
    expect(decide(threadWorkflow, { status: 'open', author: 1 }, { action: 'resolve' }, stranger)).toMatchObject({ ok: false, status: 403 })
    expect(decide(threadWorkflow, { status: 'closed', author: 1 }, { action: 'resolve' }, author)).toMatchObject({ ok: false, status: 409 })
    expect(decide(threadWorkflow, { status: 'closed', author: { id: 1 } }, { action: 'reopen' }, author).ok).toBe(true)
  })
  it('expert verification: admins only', () => {
    expect(decide(expertVerificationWorkflow, { status: 'pending' }, { action: 'approve' }, { id: 9, roles: ['admin'] }).ok).toBe(true)
    expect(decide(expertVerificationWorkflow, { status: 'pending' }, { action: 'approve' }, { id: 9, roles: ['editor'] })).toMatchObject({ ok: false, status: 403 })
    expect(decide(expertVerificationWorkflow, { status: 'approved' }, { action: 'approve' }, { id: 9, roles: ['admin'] })).toMatchObject({ ok: false, status: 409 })
  })
})
