/** Media on S3: with S3_* set, uploads (and their sizes) go to a real S3-compatible server on loopback (s3rver). */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
// @ts-expect-error s3rver ships no types
import S3rver from 's3rver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../../../src/db/embedded'
import { handleEndpoints } from 'payload'

import { api, authHeaders } from '../../helpers/api'
import { pngBuffer, uploadForm } from '../../helpers/images'
import { testPayload } from '../../helpers/payload'
import { createUser } from '../../helpers/users'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'autohub-s3-'))
const localDir = fs.mkdtempSync(path.join(os.tmpdir(), 'autohub-s3-local-'))
let s3rver: { run(): Promise<unknown>; close(): Promise<void> }
let client: S3Client
const BUCKET = 'autohub-test'

beforeAll(async () => {
  const port = await freePort()
  s3rver = new S3rver({ port, address: '127.0.0.1', silent: true, directory: dir })
  await s3rver.run()
  const endpoint = `http://127.0.0.1:${port}`
  client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } })
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }))
  Object.assign(process.env, {
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: endpoint,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
    MEDIA_DIR: localDir,
  })
  await testPayload()
})

afterAll(async () => {
  await s3rver?.close()
  fs.rmSync(dir, { recursive: true, force: true })
  fs.rmSync(localDir, { recursive: true, force: true })
})

describe('S3 storage', () => {
  it('uploads the original and every size to the bucket, not to local disk', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const original = await pngBuffer(1400, 900)
    const res = await api('POST', '/media', { token: seller.token, raw: uploadForm(original, 'photo.png', 'image/png') })
    expect(res.status).toBe(201)
    const doc = res.body.doc
    const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }))
    const keys = (listed.Contents ?? []).map((o) => o.Key)
    expect(keys).toContain(doc.filename)
    for (const size of ['thumbnail', 'medium', 'large']) expect(keys).toContain(doc.sizes[size].filename)
    const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: doc.filename }))
    const bytes = Buffer.from(await got.Body!.transformToByteArray())
    expect(bytes.equals(original)).toBe(true)
    expect(fs.readdirSync(localDir)).toEqual([])
  })
})

describe('S3 storage: private verification documents', () => {
  it('stores the file in the bucket and serves it only through the access-checked route', async () => {
    const payload = await testPayload()
    const [owner, other] = await Promise.all([createUser({ roles: ['seller'] }), createUser({ roles: ['seller'] })])
    const png = await pngBuffer(64, 48)
    const res = await api('POST', '/verification-documents', { token: owner.token, raw: uploadForm(png, 'licence-s3.png', 'image/png') })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const doc = res.body.doc
    // No public object URL: the document's URL is Payload's file route, which checks read access.
    expect(doc.url.startsWith(`/api/verification-documents/file/${encodeURIComponent(doc.filename)}`)).toBe(true)
    expect(doc.url).not.toMatch(/^https?:|127\.0\.0\.1|amazonaws/)
    const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'verification-documents/' }))
    expect((listed.Contents ?? []).map((o) => o.Key)).toContain(`verification-documents/${doc.filename}`)
    const download = async (token?: string, url: string = doc.url) => {
      const r = await handleEndpoints({ config: payload.config, request: new Request(`http://localhost${url}`, { headers: authHeaders(token) }) })
      return { status: r.status, bytes: Buffer.from(await r.arrayBuffer()) }
    }
    const mine = await download(owner.token)
    expect(mine.status).toBe(200)
    expect(mine.bytes.equals(png)).toBe(true)
    for (const token of [other.token, undefined]) {
      const denied = await download(token)
      expect([403, 404]).toContain(denied.status)
      expect(denied.bytes.equals(png)).toBe(false)
    }
    // Nor through the public media route, with the key smuggled in as an encoded path or a prefix.
    for (const url of [`/api/media/file/verification-documents%2F${doc.filename}`, `/api/media/file/${doc.filename}?prefix=verification-documents`]) {
      const smuggled = await download(other.token, url)
      expect(smuggled.bytes.equals(png), url).toBe(false)
    }
    expect(fs.readdirSync(localDir)).toEqual([])
  })
})
