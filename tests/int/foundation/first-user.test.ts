import { describe, expect, it } from 'vitest'

import { post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'

describe('first account', () => {
  it('the very first account becomes the admin; the next public sign-up is a buyer', async () => {
    const payload = await testPayload()
    expect((await payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(0)
    const first = await post('/users', { email: 'first@test.local', password: 'secret-pass-1', roles: ['buyer'] })
    expect(first.status).toBe(201)
    expect(first.body.doc.roles).toEqual(['admin'])
    const second = await post('/users', { email: 'second@test.local', password: 'secret-pass-1', roles: ['admin'] })
    expect(second.status).toBe(201)
    expect(second.body.doc.roles).toEqual(['buyer'])
  })
})
