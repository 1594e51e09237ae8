/**
 * The pure parts of the HTTP edge: which GraphQL/REST requests are auth attempts (and for which account),
 * the origin policy behind CORS/CSRF, Payload's csrf list, cookie stripping, the window counter.
 */
import { describe, expect, it } from 'vitest'

import { graphqlAttempts, graphqlAuthFields, normalizePath, restAccount, restOperation, WindowCounter } from '../../../src/http/auth-rate-limit'
import { withoutCookie } from '../../../src/http/csrf'
import { isTrustedOrigin, ownOrigins, parseOrigins, TrustedOriginList } from '../../../src/http/origins'

const fields = graphqlAuthFields([{ slug: 'users', singularName: 'User' }])
const body = (v: unknown) => Buffer.from(JSON.stringify(v))

describe('GraphQL auth attempts', () => {
  it('finds each auth mutation with the account it names (literals, variables, createUser data)', () => {
    const attempts = graphqlAttempts(
      body({
        query: `mutation ($e: String, $d: mutationUserInput!) {
          loginUser(email: $e, password: "x") { token }
          createUser(data: $d) { id }
          c2: createUser(data: { email: "Lit@Example.com", password: "p" }) { id }
          forgotPasswordUser(email: "  F@x.io ")
          resetPasswordUser(token: "t", password: "p") { token }
          verifyEmailUser(token: "t")
          refreshTokenUser { refreshedToken }
          unlockUser(email: "U@x.io")
          createCar(data: { title: "not auth" }) { id }
        }`,
        variables: { e: 'A@B.C', d: { email: 'New@X.io', password: 'p' } },
      }),
      fields,
    )
    expect(attempts).toEqual([
      { operation: 'login', account: 'a@b.c' },
      { operation: 'signup', account: 'new@x.io' },
      { operation: 'signup', account: 'lit@example.com' },
      { operation: 'forgot_password', account: 'f@x.io' },
      { operation: 'reset_password' },
      { operation: 'verify' },
      { operation: 'refresh' },
      { operation: 'unlock', account: 'u@x.io' },
    ])
  })

  it('queries are not auth attempts; every mutation in a document and every batch entry counts', () => {
    expect(graphqlAttempts(body({ query: '{ meUser { user { id } } Users { docs { id } } }' }), fields)).toEqual([])
    const doc = 'mutation A { loginUser(email: "a@x", password: "x") { token } } mutation B { loginUser(email: "b@x", password: "x") { token } }'
    expect(graphqlAttempts(body({ query: doc, operationName: 'A' }), fields)).toHaveLength(2)
    expect(graphqlAttempts(body([{ query: doc }, { query: doc }]), fields)).toHaveLength(4)
  })

  it('fragments (also cyclic ones) are expanded without looping', () => {
    const q = `mutation { ...A } fragment A on Mutation { loginUser(email: "a@x", password: "x") { token } ...B } fragment B on Mutation { ...A unlockUser(email: "b@x") }`
    expect(graphqlAttempts(body({ query: q }), fields).map((a) => a.operation)).toEqual(['login', 'unlock'])
  })

  it('never throws on garbage; unparsable queries are scanned by name', () => {
    for (const raw of ['', 'null', '1', '"x"', '[null, 1, {"query": 5}]', '{"query": null}', '\u0000', '{"query":"{","variables":[]}']) {
      expect(() => graphqlAttempts(Buffer.from(raw), fields)).not.toThrow()
    }
    expect(graphqlAttempts(body({ query: 'mutation { loginUser(email: "a@x" ' }), fields)).toEqual([{ operation: 'login' }])
    expect(graphqlAttempts(Buffer.from('mutation { loginUser unlockUser }'), fields)).toHaveLength(2)
    expect(graphqlAttempts(undefined, fields)).toEqual([])
  })
})

describe('REST auth attempts', () => {
  const op = (method: string, url: string) => restOperation(method, normalizePath(url), ['users'])
  it('maps every auth path, however it is spelled', () => {
    expect(op('POST', '/api/users')).toBe('signup')
    expect(op('POST', '/api/users/?x=1')).toBe('signup')
    expect(op('POST', '/api/users/login')).toBe('login')
    expect(op('POST', '/api//Users/LOGIN/')).toBe('login')
    expect(op('POST', '/api/users/%6cogin')).toBe('login')
    expect(op('POST', '/api/users/first-register')).toBe('first_register')
    expect(op('POST', '/api/users/forgot-password')).toBe('forgot_password')
    expect(op('POST', '/api/users/reset-password')).toBe('reset_password')
    expect(op('POST', '/api/users/verify/abc')).toBe('verify')
    expect(op('POST', '/api/users/refresh-token')).toBe('refresh')
    expect(op('POST', '/api/users/unlock')).toBe('unlock')
    expect(op('GET', '/admin/users/verify/abc')).toBe('verify')
    expect(op('GET', '/api/users')).toBeNull()
    expect(op('PATCH', '/api/users/5')).toBeNull()
    expect(op('POST', '/api/cars')).toBeNull()
    expect(op('GET', '/api/users/me')).toBeNull()
  })

  it('reads the account from JSON or multipart `_payload`, never throwing', async () => {
    expect(await restAccount(body({ email: ' X@Y.z ' }), 'application/json')).toBe('x@y.z')
    expect(await restAccount(body({ username: 'Bob' }), 'application/json')).toBe('bob')
    expect(await restAccount(Buffer.from('{oops'), 'application/json')).toBeUndefined()
    expect(await restAccount(body([1]), 'application/json')).toBeUndefined()
    const form = new FormData()
    form.set('_payload', JSON.stringify({ email: 'M@P.io' }))
    const res = new Response(form)
    const buf = Buffer.from(await res.arrayBuffer())
    expect(await restAccount(buf, res.headers.get('content-type')!)).toBe('m@p.io')
    expect(await restAccount(Buffer.from('--x\r\nbroken'), 'multipart/form-data; boundary=x')).toBeUndefined()
  })
})

describe('origin policy', () => {
  const dev = { production: false, ownOrigins: ownOrigins('https://autohub.example', 3000), corsOrigins: parseOrigins(['https://app.example/', '*']) }
  const prod = { ...dev, production: true }

  it('own origin and CORS_ORIGINS always; loopback on any port only outside production; exact origins only', () => {
    expect(dev.ownOrigins).toEqual(['https://autohub.example', 'http://localhost:3000', 'http://127.0.0.1:3000'])
    expect(dev.corsOrigins).toEqual(['https://app.example', '*'])
    for (const p of [dev, prod]) {
      expect(isTrustedOrigin('https://autohub.example', p)).toBe(true)
      expect(isTrustedOrigin('https://app.example', p)).toBe(true)
      expect(isTrustedOrigin('https://evil.example', p)).toBe(false)
      expect(isTrustedOrigin('*', p)).toBe(false)
      expect(isTrustedOrigin('null', p)).toBe(false)
      expect(isTrustedOrigin('https://app.example/path', p)).toBe(false)
      expect(isTrustedOrigin('http://localhost.evil.example', p)).toBe(false)
    }
    expect(isTrustedOrigin('http://localhost:5173', dev)).toBe(true)
    expect(isTrustedOrigin('http://[::1]:8080', dev)).toBe(true)
    expect(isTrustedOrigin('http://localhost:5173', prod)).toBe(false)
  })

  it('Payload’s csrf list: its elements are the static origins, `includes` answers with the policy', () => {
    const list = TrustedOriginList.create(dev)
    expect(JSON.parse(JSON.stringify(list))).toEqual(['https://autohub.example', 'http://localhost:3000', 'http://127.0.0.1:3000', 'https://app.example'])
    expect(list.includes('http://localhost:5173')).toBe(true)
    expect(list.includes('*')).toBe(false)
    expect(TrustedOriginList.create(prod).includes('http://localhost:5173')).toBe(false)
    list.push('https://pushed.example') // Payload pushes serverURL
    expect(list.includes('https://pushed.example')).toBe(true)
    expect(Array.isArray(list.filter(Boolean))).toBe(true)
  })

  it('withoutCookie removes only the named cookie', () => {
    expect(withoutCookie('a=1; payload-token=x; b=2', 'payload-token')).toBe('a=1; b=2')
    expect(withoutCookie('payload-token=x', 'payload-token')).toBeNull()
    expect(withoutCookie('payload-token-other=1', 'payload-token')).toBe('payload-token-other=1')
  })
})

describe('window counter', () => {
  it('counts per key, reports the highest, and starts over after the window', () => {
    const c = new WindowCounter(1000)
    expect(
      c.hit(
        new Map([
          ['ip:a', 1],
          ['account:x', 1],
        ]),
        0,
      ).count,
    ).toBe(1)
    expect(
      c.hit(
        new Map([
          ['ip:b', 1],
          ['account:x', 1],
        ]),
        10,
      ).count,
    ).toBe(2)
    expect(c.hit(new Map([['ip:a', 3]]), 20)).toEqual({ count: 4, resetAt: 1000 })
    expect(c.hit(new Map([['ip:a', 1]]), 1000).count).toBe(1)
  })
})
