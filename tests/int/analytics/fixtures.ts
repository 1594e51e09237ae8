/** Analytics fixtures: rows inserted with chosen timestamps (SQL), so every figure follows from the fixture list. */
import { sql } from '@payloadcms/db-postgres'

import { testPayload } from '../../helpers/payload'

export async function exec(q: ReturnType<typeof sql>): Promise<Record<string, any>[]> {
  const payload = await testPayload()
  return (await (payload.db as any).drizzle.execute(q)).rows
}

/** Inserts one row and returns its id. */
export async function insert(table: string, row: Record<string, unknown>): Promise<number> {
  const cols = Object.keys(row)
  const rows = await exec(
    sql`insert into ${sql.raw(`"${table}"`)} (${sql.raw(cols.map((c) => `"${c}"`).join(', '))}) values (${sql.join(
      cols.map((c) => sql`${row[c]}`),
      sql.raw(', '),
    )}) returning id`,
  )
  return Number(rows[0].id)
}

/** Moves a row's created_at (fixtures made through the API "happened" on a chosen day). */
export const backdate = (table: string, id: number, at: string) => exec(sql`update ${sql.raw(`"${table}"`)} set created_at = ${at}::timestamptz where id = ${id}`)

/** `YYYY-MM-DD` days from `from` to `to` inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10))
  return out
}

export { sql }
