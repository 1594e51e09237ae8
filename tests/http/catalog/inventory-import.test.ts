/**
 * Dealer bulk inventory over the real server (docs/catalog.md, "Bulk inventory"): a 10,000-row CSV with 50 bad rows →
 * the dry run lists exactly those 50 with reasons and writes nothing; the import writes 9,950 in one job whose
 * progress is visible while it runs; re-importing updates rather than duplicates; template and export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { serialVin } from '../../../src/domain/catalog/vin'
import type { RunningServer } from '../../../src/server'
import { testPayload } from '../../helpers/payload'
import { http, startTestServer } from '../../helpers/server'
import { createUser, type TestUser } from '../../helpers/users'

let server: RunningServer
let dealer: TestUser
let other: TestUser
let buyer: TestUser
let makeName: string

const TOTAL = 10_000
const tag = Math.random().toString(36).slice(2, 6).toUpperCase().replace(/[IOQ]/g, 'A')

/** A valid North-American VIN (check digit enforced), unique per n. */
const vinOf = (n: number): string => serialVin(`1${tag.padEnd(4, 'A').slice(0, 4)}A000`, n)

function badCheckDigit(vin: string): string {
  const wrong = vin[8] === '0' ? '1' : '0'
  return vin.slice(0, 8) + wrong + vin.slice(9)
}

/** The file: 10,000 rows; rows i ≡ 0 (mod 200) are bad in one of four ways (50 rows). */
function buildCsv(priceBump = 0): { csv: string; bad: Map<number, string> } {
  const bad = new Map<number, string>()
  const lines = ['vin,make,model,year,price,mileage']
  for (let i = 0; i < TOTAL; i++) {
    const line = 2 + i
    let vin = vinOf(i)
    let make = makeName
    let model = 'Alpha'
    let price = String(10_000 + (i % 500) + priceBump)
    if (i % 200 === 0) {
      const kind = (i / 200) % 4
      const field = (['vin', 'make', 'model', 'price'] as const)[kind]
      bad.set(line, field)
      if (field === 'vin') vin = badCheckDigit(vin)
      if (field === 'make') make = 'NoSuchMake'
      if (field === 'model') model = 'NoSuchModel'
      if (field === 'price') price = '-5'
    }
    lines.push(`${vin},${make},${model},2020,${price},${i}`)
  }
  return { csv: lines.join('\n'), bad }
}

const upload = (path: string, csv: string, token = dealer.token) => http(server.url, 'POST', `/api/inventory-imports${path}`, { token, raw: csv, headers: { 'Content-Type': 'text/csv' } })

async function countCars(seller: number): Promise<number> {
  const payload = await testPayload()
  return (await payload.count({ collection: 'cars', overrideAccess: true, where: { seller: { equals: seller } } })).totalDocs
}

/** Polls the import until it is finished, recording every progress value seen on the way. */
async function follow(id: number, deadlineMs = 60_000) {
  const seen: { status: string; processed: number }[] = []
  const end = Date.now() + deadlineMs
  for (;;) {
    const res = await http(server.url, 'GET', `/api/inventory-imports/${id}?depth=0`, { token: dealer.token })
    expect(res.status).toBe(200)
    seen.push({ status: res.body.status, processed: res.body.processed })
    if (res.body.status === 'completed' || res.body.status === 'failed') return { doc: res.body, seen }
    if (Date.now() > end) throw new Error(`import ${id} not finished: ${JSON.stringify(seen.slice(-3))}`)
  }
}

beforeAll(async () => {
  const payload = await testPayload()
  server = await startTestServer()
  ;[dealer, other, buyer] = await Promise.all([createUser({ roles: ['seller'] }), createUser({ roles: ['seller'] }), createUser({ roles: ['buyer'] })])
  makeName = `Importmake ${tag}`
  const make = await payload.create({ collection: 'makes', overrideAccess: true, data: { name: makeName } })
  await payload.create({ collection: 'models', overrideAccess: true, data: { name: 'Alpha', make: make.id } })
})

afterAll(async () => {
  await server?.close()
})

describe('dealer bulk inventory', () => {
  it('template: the header and an example row the import accepts the columns of', async () => {
    const res = await http(server.url, 'GET', '/api/inventory-imports/template')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const [header, example] = String(res.body).trim().split(/\r?\n/)
    expect(header.split(',').slice(0, 5)).toEqual(['vin', 'make', 'model', 'year', 'price'])
    expect(example.split(',')[0]).toBe('1HGCM82633A004352')
  })

  it('10,000 rows with 50 bad: the dry run lists exactly the 50 with reasons; the import writes 9,950 in one job with visible progress; re-importing updates', async () => {
    const { csv, bad } = buildCsv()
    const dry = await upload('/dry-run', csv)
    expect(dry.status, JSON.stringify(dry.body).slice(0, 500)).toBe(200)
    expect(dry.body).toMatchObject({ dryRun: true, total: TOTAL, valid: TOTAL - 50, invalid: 50 })
    expect(dry.body.errors.map((e: any) => e.row).sort((a: number, b: number) => a - b)).toEqual([...bad.keys()].sort((a, b) => a - b))
    for (const e of dry.body.errors) {
      expect(e.errors.map((x: any) => x.field)).toContain(bad.get(e.row))
      expect(e.errors[0].message.length).toBeGreaterThan(5)
    }
    expect(dry.body.errors.find((e: any) => bad.get(e.row) === 'vin').errors[0].message).toMatch(/check digit/)
    expect(await countCars(dealer.id)).toBe(0)

    const started = Date.now()
    const job = await upload('/import', csv)
    expect(job.status, JSON.stringify(job.body).slice(0, 500)).toBe(202)
    expect(job.body).toMatchObject({ total: TOTAL, valid: TOTAL - 50, invalid: 50 })
    const { doc, seen } = await follow(job.body.import.id)
    const seconds = (Date.now() - started) / 1000
    console.log(`inventory import: ${TOTAL} rows in ${seconds.toFixed(1)} s`)
    expect(seconds).toBeLessThan(60)
    expect(doc).toMatchObject({ status: 'completed', total: TOTAL, processed: TOTAL, created: TOTAL - 50, updated: 0, failed: 50 })
    // Progress was visible while it ran: a running state with part of the rows done.
    expect(seen.some((s) => s.status === 'running' && s.processed > 0 && s.processed < TOTAL)).toBe(true)
    expect(doc.source).toBeNull() // the uploaded file is dropped once imported
    expect(doc.report).toHaveLength(TOTAL)
    expect(
      doc.report
        .filter((r: any) => r.result === 'error')
        .map((r: any) => r.row)
        .sort((a: number, b: number) => a - b),
    ).toEqual([...bad.keys()].sort((a, b) => a - b))
    expect(await countCars(dealer.id)).toBe(TOTAL - 50)

    // The same VINs again, new prices: updated in place, nothing duplicated.
    const again = await upload('/import', buildCsv(7).csv)
    expect(again.status).toBe(202)
    const second = await follow(again.body.import.id)
    expect(second.doc).toMatchObject({ status: 'completed', created: 0, updated: TOTAL - 50, failed: 50 })
    expect(await countCars(dealer.id)).toBe(TOTAL - 50)
    const payload = await testPayload()
    const car = await payload.find({ collection: 'cars', overrideAccess: true, where: { vin: { equals: vinOf(1) } }, depth: 0 })
    expect(car.docs).toHaveLength(1)
    expect(car.docs[0]).toMatchObject({ price: 10_000 + 1 + 7, status: 'draft', seller: dealer.id, year: 2020, mileage: 1 })

    // Export: the dealer's inventory as CSV.
    const exported = await http(server.url, 'GET', '/api/inventory-imports/export', { token: dealer.token })
    expect(exported.status).toBe(200)
    const rows = String(exported.body).trim().split(/\r?\n/)
    expect(rows).toHaveLength(TOTAL - 50 + 1)
    expect(rows.some((r) => r.startsWith(`${vinOf(1)},${makeName},Alpha,2020,10008,`))).toBe(true)
  }, 240_000)

  it("another seller's VIN is refused per row; imports are private; a buyer may not import; bad files are a 400", async () => {
    const taken = vinOf(3)
    const res = await upload('/dry-run', `vin,make,model,year,price\n${taken},${makeName},Alpha,2020,100\n`, other.token)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.errors).toEqual([{ row: 2, vin: taken, errors: [{ field: 'vin', message: 'This VIN is listed by another seller.' }] }])
    expect((await upload('/dry-run', 'vin,make\nX,Y\n', other.token)).status).toBe(400)
    expect((await upload('/import', 'vin,make,model,year,price\n', other.token)).status).toBe(400)
    expect((await upload('/dry-run', `vin,make,model,year,price\n${vinOf(99_999)},${makeName},Alpha,2020,100\n`, buyer.token)).status).toBe(403)
    const mine = await http(server.url, 'GET', '/api/inventory-imports?depth=0', { token: other.token })
    expect(mine.status).toBe(200)
    expect(mine.body.docs).toHaveLength(0)
    const theirs = await http(server.url, 'GET', '/api/inventory-imports?depth=0', { token: dealer.token })
    expect(theirs.body.docs.length).toBeGreaterThanOrEqual(2)
    expect(theirs.body.docs.every((d: any) => d.seller === dealer.id && d.source === undefined)).toBe(true)
    const otherExport = await http(server.url, 'GET', '/api/inventory-imports/export', { token: other.token })
    expect(String(otherExport.body).trim().split(/\r?\n/)).toHaveLength(1)
  })
})
