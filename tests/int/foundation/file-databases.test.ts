/**
 * Each test file's database is dropped by a later file once the file's process has ended (tests/setup/file-databases.ts),
 * on the run's own cluster: never one whose process runs, nor one with a connection, nor another kind of database.
 * The databases here carry pid 1 (always running, so the other files running beside this one leave them alone) and
 * are judged with a stand-in for "is the process alive".
 */
import pg from 'pg'
import { afterAll, describe, expect, it, inject } from 'vitest'

import { processAlive } from '../../../src/lib/processes'
import { creatorOf, dropFinishedFileDatabases, fileDatabaseName } from '../../setup/file-databases'

const admin = new pg.Client({ connectionString: inject('pgAdminUrl') })
await admin.connect()
const opened: pg.Client[] = []
const made: string[] = []

async function makeDb(name: string): Promise<string> {
  await admin.query(`create database "${name}" template "${inject('templateDb')}" strategy file_copy`)
  made.push(name)
  return name
}
const exists = async (name: string) => (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1

afterAll(async () => {
  for (const c of opened) await c.end()
  for (const name of made) await admin.query(`drop database if exists "${name}" with (force)`)
  await admin.end()
})

describe('file databases', () => {
  it('name their process, and read it back', () => {
    expect(creatorOf(fileDatabaseName(4242))).toBe(4242)
    expect(creatorOf(fileDatabaseName())).toBe(process.pid)
    expect(creatorOf('autohub_template')).toBeNull()
    expect(creatorOf('mig_4242_x')).toBeNull()
    expect(processAlive(process.pid)).toBe(true)
  })

  it("are dropped once their process has ended and nobody is connected; the running process's and a connected one stay", async () => {
    const suffix = Math.random().toString(36).slice(2, 8)
    const finished = await makeDb(`t_1_finished_${suffix}`)
    const busy = await makeDb(`t_1_busy_${suffix}`)
    const mine = await makeDb(fileDatabaseName())
    const other = await makeDb(`x_1_other_${suffix}`)
    const client = new pg.Client({ connectionString: `${inject('pgUrlPrefix')}${busy}` })
    await client.connect()
    opened.push(client)

    // pid 1 still running: nothing of these is dropped
    const none = await dropFinishedFileDatabases(admin, () => true)
    expect(none.filter((n) => n.endsWith(suffix))).toEqual([])
    expect(await exists(finished)).toBe(true)

    // pid 1 taken as ended (every other process as it is: the files running beside this one keep theirs)
    const dropped = await dropFinishedFileDatabases(admin, (pid) => pid !== 1 && processAlive(pid))
    expect(dropped).toContain(finished)
    expect(await exists(finished)).toBe(false)
    expect([await exists(busy), await exists(mine), await exists(other)]).toEqual([true, true, true])
  })
})
