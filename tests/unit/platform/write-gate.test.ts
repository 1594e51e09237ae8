/**
 * src/http/write-gate.ts: at most `limit` tasks at once, admitted first come first served; a slot freed once, when
 * the task settles or gives it up; a call out of the process (node's http client, fetch) inside a collecting request
 * gives it up. tests/http/foundation/write-gate.test.ts shows the same on the real server.
 */
import http from 'node:http'
import { availableParallelism } from 'node:os'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { WriteGate } from '../../../src/http/write-gate'
import { collectAfterCommit } from '../../../src/lib/after-commit'
import { env } from '../../../src/lib/env'

/** A promise settled from outside. */
function deferred<T = void>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

/** Lets every pending promise job and I/O callback run. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('WriteGate', () => {
  it('runs at most `limit` tasks at once, the others in the order they came', async () => {
    const gate = new WriteGate(2)
    const started: number[] = []
    let running = 0
    let most = 0
    const ends = Array.from({ length: 6 }, () => deferred())
    const tasks = ends.map((end, i) =>
      gate.run(async () => {
        started.push(i)
        most = Math.max(most, ++running)
        await end.promise
        running--
        return i
      }),
    )
    await settle()
    expect(started).toEqual([0, 1])
    expect([gate.active, gate.waiting]).toEqual([2, 4])
    // the second ends first: the next in line takes its slot
    ends[1].resolve()
    await settle()
    expect(started).toEqual([0, 1, 2])
    for (const i of [0, 2, 3, 4, 5]) ends[i].resolve()
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4, 5])
    expect(started).toEqual([0, 1, 2, 3, 4, 5])
    expect(most).toBe(2)
    expect([gate.active, gate.waiting]).toEqual([0, 0])
  })

  it('a failing task frees its slot and fails its caller', async () => {
    const gate = new WriteGate(1)
    const failing = gate.run(async () => {
      throw new Error('refused')
    })
    const next = gate.run(async () => 'ran')
    await expect(failing).rejects.toThrow('refused')
    expect(await next).toBe('ran')
    expect([gate.active, gate.waiting]).toEqual([0, 0])
  })

  it('a task that gives its slot up lets the next one in; giving it up again or settling frees nothing more', async () => {
    const gate = new WriteGate(1)
    const firstEnd = deferred()
    const order: string[] = []
    const first = gate.run(async (release) => {
      order.push('first starts')
      release()
      release()
      await firstEnd.promise
      order.push('first ends')
    })
    const secondEnd = deferred()
    const second = gate.run(async () => {
      order.push('second starts')
      await secondEnd.promise
    })
    const third = gate.run(async () => {
      order.push('third starts')
    })
    await settle()
    expect(order).toEqual(['first starts', 'second starts'])
    expect([gate.active, gate.waiting]).toEqual([1, 1])
    // the first settling does not free the slot it gave up: the third still waits for the second
    firstEnd.resolve()
    await first
    await settle()
    expect(order).toEqual(['first starts', 'second starts', 'first ends'])
    expect([gate.active, gate.waiting]).toEqual([1, 1])
    secondEnd.resolve()
    await Promise.all([second, third])
    expect(order.at(-1)).toBe('third starts')
    expect([gate.active, gate.waiting]).toEqual([0, 0])
  })

  it('a limit of 0 runs every task at once', async () => {
    const gate = new WriteGate(0)
    const end = deferred()
    const started: number[] = []
    const tasks = [0, 1, 2].map((i) =>
      gate.run(async () => {
        started.push(i)
        await end.promise
      }),
    )
    await settle()
    expect(started).toEqual([0, 1, 2])
    end.resolve()
    await Promise.all(tasks)
  })
})

describe('a call out of the process gives the slot up', () => {
  let server: http.Server
  let url = ''
  /** Requests the server holds until the test answers them. */
  const arrivals: { arrived: Promise<http.ServerResponse>; arrive: (res: http.ServerResponse) => void }[] = []
  const nextArrival = () => {
    let arrive!: (res: http.ServerResponse) => void
    const arrived = new Promise<http.ServerResponse>((resolve) => (arrive = resolve))
    arrivals.push({ arrived, arrive })
    return arrived
  }

  beforeAll(async () => {
    server = http.createServer((_req, res) => arrivals.shift()?.arrive(res))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const viaHttp = () =>
    new Promise<string>((resolve, reject) => {
      http
        .get(url, (res) => {
          let text = ''
          res.on('data', (c) => (text += c))
          res.on('end', () => resolve(text))
        })
        .on('error', reject)
    })
  const viaFetch = async () => (await fetch(url)).text()

  for (const [client, call] of [
    ['node http', viaHttp],
    ['fetch', viaFetch],
  ] as const) {
    it(`${client}: the writing request's slot is free while its call waits; the next write runs meanwhile`, async () => {
      const gate = new WriteGate(1)
      const arrived = nextArrival()
      const calling = gate.run((release) => collectAfterCommit(() => call(), { onCallOut: release }))
      const res = await arrived
      expect([gate.active, gate.waiting]).toEqual([0, 0])
      expect(await gate.run(async () => 'next write')).toBe('next write')
      res.end('answered')
      expect((await calling).result).toBe('answered')
      expect([gate.active, gate.waiting]).toEqual([0, 0])
    })
  }

  it('a call out in a request that does not collect (a read), or outside any request, frees nothing', async () => {
    const gate = new WriteGate(1)
    const arrived = nextArrival()
    const calling = gate.run((release) => collectAfterCommit(() => viaFetch(), { collect: false, onCallOut: release }))
    const res = await arrived
    expect([gate.active, gate.waiting]).toEqual([1, 0])
    const outside = nextArrival()
    const bare = viaHttp()
    ;(await outside).end('bare')
    expect(await bare).toBe('bare')
    expect([gate.active, gate.waiting]).toEqual([1, 0])
    res.end('read')
    expect((await calling).result).toBe('read')
    expect([gate.active, gate.waiting]).toEqual([0, 0])
  })
})

describe('WRITE_CONCURRENCY', () => {
  const read = (value: string | undefined) => {
    const before = process.env.WRITE_CONCURRENCY
    if (value === undefined) delete process.env.WRITE_CONCURRENCY
    else process.env.WRITE_CONCURRENCY = value
    try {
      return env.writeConcurrency
    } finally {
      if (before === undefined) delete process.env.WRITE_CONCURRENCY
      else process.env.WRITE_CONCURRENCY = before
    }
  }

  it('defaults to twice the cores; 0 turns the gate off; a bad value falls back, a negative one is 0', () => {
    expect(read(undefined)).toBe(2 * availableParallelism())
    expect(read('0')).toBe(0)
    expect(read('3')).toBe(3)
    expect(read('lots')).toBe(2 * availableParallelism())
    expect(read('-2')).toBe(0)
  })
})
