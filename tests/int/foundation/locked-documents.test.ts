/**
 * Payload clears a document's edit locks (`payload-locked-documents`) on every update and delete of a collection with
 * document locking, through the adapter's `deleteMany`, which first reads the matching lock ids (the where crosses
 * the locks' relationship table) and then deleted them. The drizzle patch sends no delete when none matched (it was
 * `delete … where false`: a round trip per update for nothing); when locks match, they are deleted as before.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { testPayload } from '../../helpers/payload'
import { statementsSentBy } from '../../helpers/sql'
import { createUser, type TestUser } from '../../helpers/users'

let payload: Payload
let editor: TestUser

beforeAll(async () => {
  payload = await testPayload()
  editor = await createUser({ roles: ['admin'] })
})

const LOCKS = /^(select distinct|delete from) "payload_locked_documents"/
const makeOf = (name: string) => payload.create({ collection: 'makes', overrideAccess: true, data: { name, slug: name.toLowerCase() } })
const locksOf = async (id: number) =>
  (
    await payload.find({
      collection: 'payload-locked-documents',
      overrideAccess: true,
      depth: 0,
      where: { and: [{ 'document.relationTo': { equals: 'makes' } }, { 'document.value': { equals: id } }] },
    })
  ).totalDocs

describe("an update clears the document's locks", () => {
  it('none held: the locks are looked up, no delete is sent', async () => {
    const make = await makeOf('Lockless')
    const statements = await statementsSentBy(() => payload.update({ collection: 'makes', id: make.id, overrideAccess: true, data: { name: 'Lockless 2' } }))
    expect(statements.filter((s) => LOCKS.test(s)).map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual(['select distinct "payload_locked_documents"."id",'])
    expect(statements.filter((s) => /where false/.test(s))).toEqual([])
  })

  it('one held: it is deleted by the update (and only it)', async () => {
    const [locked, other] = [await makeOf('Locked'), await makeOf('Other')]
    for (const make of [locked, other]) {
      await payload.create({
        collection: 'payload-locked-documents',
        overrideAccess: true,
        data: { document: { relationTo: 'makes', value: make.id }, user: { relationTo: 'users', value: editor.id } },
      })
    }
    expect([await locksOf(locked.id), await locksOf(other.id)]).toEqual([1, 1])
    const statements = await statementsSentBy(() => payload.update({ collection: 'makes', id: locked.id, overrideAccess: true, data: { name: 'Locked 2' } }))
    expect(statements.filter((s) => s.startsWith('delete from "payload_locked_documents"'))).toHaveLength(1)
    expect([await locksOf(locked.id), await locksOf(other.id)]).toEqual([0, 1])
  })
})
