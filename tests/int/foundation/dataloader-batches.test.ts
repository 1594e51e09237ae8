/**
 * Payload's population loader (collections/dataloader.js, patched in patches/payload+3.89.0.patch): the keys a turn
 * asks for are grouped into one `find` per collection and find arguments (depth, locale, select, …), and each document
 * found goes back to the key that asked for it. The patch cuts each key's group out of the key's text instead of
 * parsing and stringifying it again, collects a group's ids with `push`, and finds a document's key through a Map
 * (was: a scan of every key per document). This checks the grouping and the answers key by key, against the
 * collections' own reads.
 */
import { createDataloaderCacheKey, createLocalReq, getDataLoader, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { testPayload } from '../../helpers/payload'

let payload: Payload
const makes: number[] = []
const models: number[] = []
const MISSING = 987_654_321

beforeAll(async () => {
  payload = await testPayload()
  for (const name of ['Loader Alfa', 'Loader Bravo', 'Loader Charlie']) {
    makes.push((await payload.create({ collection: 'makes', data: { name, country: 'XX' }, overrideAccess: true })).id as number)
  }
  for (const [name, make] of [
    ['Loader One', makes[0]],
    ['Loader Two', makes[1]],
  ] as const) {
    models.push((await payload.create({ collection: 'models', data: { name, make }, overrideAccess: true })).id as number)
  }
}, 120_000)

afterAll(async () => {
  await payload.delete({ collection: 'models', where: { id: { in: models } }, overrideAccess: true })
  await payload.delete({ collection: 'makes', where: { id: { in: makes } }, overrideAccess: true })
})

type Key = { collectionSlug: string; docID: number | string; select?: Record<string, true>; locale?: string }
const keyOf = (k: Key) =>
  createDataloaderCacheKey({
    collectionSlug: k.collectionSlug,
    currentDepth: 2, // the documents' own relationships stay ids (depth 1 used up)
    depth: 1,
    docID: k.docID,
    draft: false,
    fallbackLocale: undefined,
    locale: k.locale ?? 'en',
    overrideAccess: false,
    populate: undefined,
    select: k.select,
    showHiddenFields: false,
    transactionID: undefined,
  } as never)

describe('population loader', () => {
  it('finds once per collection and arguments, and answers every key with its own document (null when none)', async () => {
    const req = await createLocalReq({}, payload)
    const loader = getDataLoader(req)
    const calls: { collection: string; ids: unknown; select: unknown; locale: unknown }[] = []
    const find = payload.find.bind(payload)
    payload.find = ((args: Parameters<Payload['find']>[0]) => {
      calls.push({ collection: args.collection, ids: (args.where as { id: { in: unknown } }).id.in, select: args.select, locale: args.locale })
      return find(args)
    }) as Payload['find']
    const name = { name: true as const }
    const keys: Key[] = [
      { collectionSlug: 'makes', docID: makes[2], select: name },
      { collectionSlug: 'models', docID: models[0] },
      { collectionSlug: 'makes', docID: makes[0], select: name },
      { collectionSlug: 'makes', docID: MISSING, select: name },
      { collectionSlug: 'makes', docID: makes[1] },
      { collectionSlug: 'makes', docID: String(makes[1]), select: name },
      { collectionSlug: 'models', docID: models[1] },
      { collectionSlug: 'makes', docID: makes[0], select: name, locale: 'ar' },
    ]
    let answers: unknown[]
    try {
      answers = await Promise.all(keys.map((k) => loader.load(keyOf(k))))
    } finally {
      payload.find = find as Payload['find']
    }
    // four groups, each with its ids in the order their keys came (a string id of a number collection read as a
    // number); the arguments are read back from the keys' JSON, so no `select` is null
    expect(calls).toEqual([
      { collection: 'makes', ids: [makes[2], makes[0], MISSING, makes[1]], select: name, locale: 'en' },
      { collection: 'models', ids: [models[0], models[1]], select: null, locale: 'en' },
      { collection: 'makes', ids: [makes[1]], select: null, locale: 'en' },
      { collection: 'makes', ids: [makes[0]], select: name, locale: 'ar' },
    ])
    const expected = await Promise.all(
      keys.map(async (k) => {
        // a string id of a number collection is found (in its group, above) but not answered: the document's key is
        // made with the id as read (a number), as upstream does
        if (k.docID === MISSING || typeof k.docID === 'string') return null
        const doc = await payload.findByID({
          collection: k.collectionSlug as 'makes',
          id: k.docID,
          depth: 1,
          currentDepth: 2,
          select: k.select,
          locale: k.locale ?? 'en',
          overrideAccess: false,
        } as never)
        return JSON.parse(JSON.stringify(doc)) as unknown
      }),
    )
    expect(JSON.parse(JSON.stringify(answers))).toEqual(expected)
    // the selected group answered with the selected field only, the other with whole documents
    expect(Object.keys(answers[0] as object).sort()).toEqual(['id', 'name'])
    expect(answers[4]).toMatchObject({ id: makes[1], name: 'Loader Bravo', country: 'XX' })
    expect(answers[1]).toMatchObject({ id: models[0], name: 'Loader One' })
  })

  it('answers a batch of many keys (each document found once through the Map)', async () => {
    const req = await createLocalReq({}, payload)
    const loader = getDataLoader(req)
    const ids = [...makes, ...Array.from({ length: 497 }, (_, i) => MISSING + i)]
    const answers = await Promise.all(ids.map((id) => loader.load(keyOf({ collectionSlug: 'makes', docID: id, select: { name: true } }))))
    expect(answers.slice(0, 3).map((a) => (a as unknown as { name: string }).name)).toEqual(['Loader Alfa', 'Loader Bravo', 'Loader Charlie'])
    expect(answers.slice(3).every((a) => a === null)).toBe(true)
  })
})
