import type pg from 'pg'
import type { Payload } from 'payload'

import type { Scenario } from '../lib'

export interface BenchContext {
  payload: Payload
  db: pg.Client
  serverUrl: string
  baselineUrl: string
  /** Tokens of bench users (created through the Local API, logged in through the real login endpoint). */
  tokens: string[]
  /** The same users with their ids and their default vehicle (connection i uses user i % n). */
  users: { id: number; token: string; vehicle: number }[]
  sellerId: number
  /** The seller of every seeded car (negotiation counters, the dealer import) and an admin (analytics). */
  sellerToken: string
  adminToken: string
  makes: { id: number; name: string }[]
  carIds: [number, number]
  spotIds: [number, number]
  /** 3-slot spots with no future bookings: the booking contention scenario. */
  hotSpots: number[]
  /** The part every checkout of the contention scenario buys, and its stock before the run. */
  hotPart: number
  hotPartStock: number
}

export interface BenchScenario {
  /** Read scenarios: what the sample check compares before measuring (bench/run.ts `sampleCheck`). */
  sample?: 'list' | 'doc'
  /** The app's body → the shape the baseline answers (GraphQL's `data.X`). */
  unwrapApp?: (body: unknown) => unknown
  /** AutoHub request(s). */
  app: (ctx: BenchContext) => Scenario
  /** The same work against the raw baseline (omitted when there is none). */
  baseline?: (ctx: BenchContext) => Scenario
  /** Checked after the run (invariants under contention); returns a line for the report. */
  verify?: (ctx: BenchContext) => Promise<string>
  /** Extra data the scenario needs, created before it runs. */
  prepare?: (ctx: BenchContext) => Promise<void>
  /** Before each measured run (e.g. restock, snapshot state). */
  beforeRun?: (ctx: BenchContext, target: 'app' | 'baseline', connections: number) => Promise<void>
  /** After each measured run: checks the invariant and returns a line for the report (throws nothing). */
  afterRun?: (ctx: BenchContext, target: 'app' | 'baseline', connections: number, result: { created: number; conflicts: number }) => Promise<string>
}

/** Hands each autocannon connection a distinct user for a whole request sequence (taken at its first request, returned at its last response). */
export function userPool(n: number) {
  const free = Array.from({ length: n }, (_, i) => i)
  return {
    take: (): number => {
      const i = free.shift()
      if (i === undefined) throw new Error('more concurrent sequences than bench users (raise BENCH_USERS)')
      return i
    },
    give: (i: number) => free.push(i),
  }
}

/** Deterministic PRNG (mulberry32) so request mixes are the same every run. */
export function prng(seed: number): () => number {
  let a = seed
  return () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
