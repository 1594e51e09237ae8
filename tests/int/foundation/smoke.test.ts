import { describe, expect, it } from 'vitest'

import { get, gql } from '../../helpers/api'
import { createUser } from '../../helpers/users'

describe('smoke', () => {
  it('logs in and reads /users/me', async () => {
    const u = await createUser({ roles: ['buyer'] })
    const me = await get('/users/me', { token: u.token })
    expect(me.status).toBe(200)
    expect(me.body.user.email).toBe(u.email)
    const g = await gql('{ meUser { user { email } } }', {}, { token: u.token })
    expect(g.body.data?.meUser.user.email).toBe(u.email)
  })
})
