/**
 * Private verification documents (issue 15, item 6): a separate upload collection readable only by the uploader
 * and admins, files served only through Payload's access-checked file route; PDFs accepted, HTML and
 * executables refused; dealers and experts attach only their own documents.
 */
import { handleEndpoints } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { api, authHeaders, get, post } from '../../helpers/api'
import { pngBuffer, uploadForm } from '../../helpers/images'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'

let owner: TestUser, other: TestUser, admin: TestUser, buyer: TestUser

/** A small but well-formed PDF (one empty page, cross-reference table, trailer). */
function pdfBuffer(note: string): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Note (${note}) >>`]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body))
    body += `${i + 1} 0 obj ${o} endobj\n`
  })
  const xref = Buffer.byteLength(body)
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/** GET a file route and keep the raw bytes (the JSON helper would decode them as text). */
async function download(path: string, token?: string): Promise<{ status: number; bytes: Buffer; type: string | null }> {
  const payload = await testPayload()
  const res = await handleEndpoints({ config: payload.config, request: new Request(`http://localhost${path}`, { headers: authHeaders(token) }) })
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') }
}

async function upload(user: TestUser | null, file: Buffer, name: string, type: string, fields: Record<string, unknown> = {}) {
  const form = uploadForm(file, name, type)
  if (Object.keys(fields).length) form.append('_payload', JSON.stringify(fields))
  return api('POST', '/verification-documents', { token: user?.token, raw: form })
}

beforeAll(async () => {
  await testPayload()
  ;[owner, other, admin, buyer] = await Promise.all([createUser({ roles: ['seller'] }), createUser({ roles: ['seller'] }), createUser({ roles: ['admin'] }), createUser({ roles: ['buyer'] })])
})

describe('verification-documents: private by default', () => {
  let doc: { id: number; filename: string; url: string }
  const pdf = pdfBuffer(`licence ${Date.now()}`)

  beforeAll(async () => {
    const res = await upload(owner, pdf, 'licence.pdf', 'application/pdf', { documentType: 'business_license' })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    doc = res.body.doc
  })

  it('a PDF upload works; the owner is the uploader and the URL is the access-checked file route', async () => {
    expect(doc.filename).toMatch(/\.pdf$/)
    expect(doc.url).toBe(`/api/verification-documents/file/${encodeURIComponent(doc.filename)}`)
    expect((await get(`/verification-documents/${doc.id}?depth=0`, { token: owner.token })).body.owner).toBe(owner.id)
  })

  it('the owner and admins read the record and download the exact bytes', async () => {
    for (const user of [owner, admin]) {
      const rec = await get(`/verification-documents/${doc.id}`, { token: user.token })
      expect(rec.status).toBe(200)
      expect(rec.body.filename).toBe(doc.filename)
      const file = await download(doc.url, user.token)
      expect(file.status).toBe(200)
      expect(file.type).toMatch(/application\/pdf/)
      expect(file.bytes.equals(pdf)).toBe(true)
    }
  })

  it('another user and anonymous get 403/404 on the record and on the file', async () => {
    for (const token of [other.token, buyer.token, undefined]) {
      const rec = await get(`/verification-documents/${doc.id}`, { token })
      expect([403, 404]).toContain(rec.status)
      expect(JSON.stringify(rec.body)).not.toContain(doc.filename)
      const file = await download(doc.url, token)
      expect([403, 404]).toContain(file.status)
      expect(file.bytes.includes(Buffer.from('%PDF'))).toBe(false)
    }
  })

  it('lists and GraphQL show others nothing', async () => {
    for (const token of [other.token, buyer.token, undefined]) {
      const list = await get('/verification-documents?limit=100&depth=0', { token })
      if (list.status === 200) {
        expect(list.body.docs.map((d: { id: number }) => d.id)).not.toContain(doc.id)
        expect(list.body.docs.every((d: { owner: number }) => d.owner !== owner.id)).toBe(true)
      } else expect([401, 403]).toContain(list.status)
    }
    const mine = await get('/verification-documents?limit=100&depth=0', { token: owner.token })
    expect(mine.body.docs.map((d: { id: number }) => d.id)).toContain(doc.id)
  })

  it('the owner cannot be set by the client', async () => {
    const res = await upload(other, pdfBuffer('spoof'), 'spoof.pdf', 'application/pdf', { owner: owner.id })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.doc.owner?.id ?? res.body.doc.owner).toBe(other.id)
    expect((await get(`/verification-documents/${res.body.doc.id}`, { token: owner.token })).status).not.toBe(200)
  })
})

describe('verification-documents: file types', () => {
  it('accepts PNG images', async () => {
    const res = await upload(owner, await pngBuffer(40, 30), 'id-card.png', 'image/png')
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.doc.mimeType).toBe('image/png')
  })

  it.each([
    ['an HTML page', Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'page.html', 'text/html'],
    ['an HTML page claiming to be a PDF', Buffer.from('<html><body onload="alert(1)"></body></html>'), 'fake.pdf', 'application/pdf'],
    ['a Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]), 'setup.exe', 'application/x-msdownload'],
    ['an ELF executable claiming to be a PNG', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(200, 2)]), 'tool.png', 'image/png'],
  ])('refuses %s with 400 and stores nothing', async (_label, bytes, name, type) => {
    const payload = await testPayload()
    const before = (await payload.count({ collection: 'verification-documents' as never, overrideAccess: true })).totalDocs
    const res = await upload(owner, bytes, name, type)
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(res.body.errors?.[0]?.message).toBeTruthy()
    expect((await payload.count({ collection: 'verification-documents' as never, overrideAccess: true })).totalDocs).toBe(before)
  })

  it('anonymous uploads are refused', async () => {
    const res = await upload(null, pdfBuffer('anon'), 'anon.pdf', 'application/pdf')
    expect([401, 403]).toContain(res.status)
  })

  it('public media still refuses PDFs (it stays for images and video)', async () => {
    const res = await api('POST', '/media', { token: owner.token, raw: uploadForm(pdfBuffer('media'), 'doc.pdf', 'application/pdf') })
    expect(res.status).toBe(400)
  })
})

describe('dealers and experts attach only their own documents', () => {
  let ownDoc: number, othersDoc: number
  beforeAll(async () => {
    ownDoc = (await upload(other, pdfBuffer('dealer own'), 'own.pdf', 'application/pdf')).body.doc.id
    othersDoc = (await upload(owner, pdfBuffer('dealer foreign'), 'foreign.pdf', 'application/pdf')).body.doc.id
  })

  it("a dealer profile refuses someone else's document (400) and accepts its owner's", async () => {
    const foreign = await post('/dealers', { name: `Foreign Docs ${Date.now()}`, documents: [{ file: othersDoc, type: 'business_license' }] }, { token: other.token })
    expect(foreign.status, JSON.stringify(foreign.body)).toBe(400)
    expect(JSON.stringify(foreign.body.errors)).toMatch(/documents/)
    const own = await post('/dealers', { name: `Own Docs ${Date.now()}`, documents: [{ file: ownDoc, type: 'business_license' }] }, { token: other.token })
    expect(own.status, JSON.stringify(own.body)).toBe(201)
    // a media image is not a verification document
    expect((await get(`/dealers/${own.body.doc.id}?depth=1`, { token: other.token })).body.documents[0].file.url).toMatch(/^\/api\/verification-documents\/file\//)
  })

  it("an expert verification refuses someone else's document (400) and accepts its owner's", async () => {
    const body = { expertiseAreas: ['engine'], yearsOfExperience: 5 }
    const foreign = await post('/expert-verifications', { ...body, documents: [othersDoc] }, { token: other.token })
    expect(foreign.status, JSON.stringify(foreign.body)).toBe(400)
    const own = await post('/expert-verifications', { ...body, documents: [ownDoc] }, { token: other.token })
    expect(own.status, JSON.stringify(own.body)).toBe(201)
  })
})
