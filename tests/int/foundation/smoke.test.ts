import { describe, expect, it } from 'vitest'

import { get, gql } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
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

  it('a process that does not run the Jobs Queue starts no cron, even though REST and GraphQL requests ask for them', async () => {
    // Payload's request setup calls getPayload with `cron: true`; a cron would run the scheduler in the background
    // at the next minute mark (inside any statement count a test takes). src/jobs/index.ts gives it none here.
    expect((await get('/cars?limit=1')).status).toBe(200)
    expect((await gql('{ __typename }')).status).toBe(200)
    const payload = await testPayload()
    expect(payload.crons).toEqual([])
  })
})
