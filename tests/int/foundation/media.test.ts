/** Media uploads: sharp sizes (thumbnail 150, medium 500, large 1200, WebP), mime allow-list, owner stamping. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api } from '../../helpers/api'
import { pngBuffer, uploadForm } from '../../helpers/images'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'

const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'autohub-media-'))
let seller: TestUser

beforeAll(async () => {
  process.env.MEDIA_DIR = mediaDir
  await testPayload()
  seller = await createUser({ roles: ['seller'] })
})

afterAll(() => fs.rmSync(mediaDir, { recursive: true, force: true }))

describe('media uploads', () => {
  it('stores the original and WebP thumbnail/medium/large sizes', async () => {
    const res = await api('POST', '/media', { token: seller.token, raw: uploadForm(await pngBuffer(1600, 1000), 'car.png', 'image/png', { alt: 'A red car' }) })
    expect(res.status).toBe(201)
    const doc = res.body.doc
    expect(doc.mimeType).toBe('image/png')
    expect(doc.uploadedBy.id ?? doc.uploadedBy).toBe(seller.id)
    expect(doc.sizes.thumbnail).toMatchObject({ width: 150, height: 150, mimeType: 'image/webp' })
    expect(doc.sizes.medium).toMatchObject({ width: 500, mimeType: 'image/webp' })
    expect(doc.sizes.large).toMatchObject({ width: 1200, mimeType: 'image/webp' })
    for (const size of ['thumbnail', 'medium', 'large']) {
      expect(fs.existsSync(path.join(mediaDir, doc.sizes[size].filename))).toBe(true)
    }
    expect(fs.existsSync(path.join(mediaDir, doc.filename))).toBe(true)
  })

  it('rejects a file type outside the allow-list with 400 and stores nothing', async () => {
    const payload = await testPayload()
    const before = (await payload.count({ collection: 'media', overrideAccess: true })).totalDocs
    const res = await api('POST', '/media', { token: seller.token, raw: uploadForm(Buffer.from('#!/bin/sh\necho hi\n'), 'x.sh', 'text/plain') })
    expect(res.status).toBe(400)
    expect((await payload.count({ collection: 'media', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('requires a signed-in user to upload', async () => {
    const res = await api('POST', '/media', { raw: uploadForm(await pngBuffer(200, 200), 'a.png', 'image/png') })
    expect(res.status).toBe(403)
  })

  it('lets only the uploader (or an admin) delete', async () => {
    const other = await createUser({ roles: ['seller'] })
    const res = await api('POST', '/media', { token: seller.token, raw: uploadForm(await pngBuffer(300, 300), 'b.png', 'image/png') })
    expect(res.status).toBe(201)
    expect((await api('DELETE', `/media/${res.body.doc.id}`, { token: other.token })).status).toBe(403)
    const payload = await testPayload()
    expect((await payload.count({ collection: 'media', where: { id: { equals: res.body.doc.id } }, overrideAccess: true })).totalDocs).toBe(1)
    expect((await api('DELETE', `/media/${res.body.doc.id}`, { token: seller.token })).status).toBe(200)
  })
})
