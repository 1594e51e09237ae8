/**
 * The admin's code/JSON field editor (Monaco) comes from this server (src/http/editor-assets.ts): Payload's loader,
 * as patched (patches/@payloadcms+ui+3.89.0.patch), asks for exactly the route the server serves, the installed
 * `monaco-editor` is the version that route names, and the route serves Monaco's AMD build with a year's cache and
 * nothing outside it. tests/e2e/every-view.test.ts sees the editors mount in Chromium with no request leaving the server.
 * The favicon is served too: Chromium asks for /favicon.ico on every move within the panel (every-view's roles that
 * follow links saw a console 404 for it on each).
 */
import fs from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { EDITOR_ASSETS_ROUTE, editorAssets, faviconAsset } from '../../../src/http/editor-assets'

const require = createRequire(import.meta.url)
let server: http.Server
let base = ''

beforeAll(async () => {
  const app = express()
  app.use(EDITOR_ASSETS_ROUTE, editorAssets())
  app.get('/favicon.ico', faviconAsset())
  app.use((_req, res) => void res.status(418).end('fell through'))
  app.use(((err, _req, res, _next) => void res.status(err.status ?? 500).end()) as express.ErrorRequestHandler)
  server = http.createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})

afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())))

describe('the code editor is served, not fetched from a CDN', () => {
  it("Payload's client bundle asks for Monaco at the served route and names no CDN", () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../node_modules/@payloadcms/ui/dist')
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))
    const asked = new Set<string>()
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8')
      expect(text, file).not.toContain('cdn.jsdelivr.net')
      for (const m of text.matchAll(/paths:\{vs:"([^"]+)"\}/g)) asked.add(m[1])
    }
    expect([...asked]).toEqual([EDITOR_ASSETS_ROUTE])
  })

  it('the installed monaco-editor is the version the route names', () => {
    const { version } = require('monaco-editor/package.json') as { version: string }
    expect(EDITOR_ASSETS_ROUTE).toBe(`/vendor/monaco-editor@${version}/vs`)
  })

  it("serves Monaco's AMD loader, editor and styles, cached a year; a missing file is a 404, a path outside refused", async () => {
    for (const [file, type] of [
      ['loader.js', /javascript/],
      ['editor/editor.main.js', /javascript/],
      ['editor/editor.main.css', /text\/css/],
    ] as const) {
      const res = await fetch(`${base}${EDITOR_ASSETS_ROUTE}/${file}`)
      expect(res.status, file).toBe(200)
      expect(res.headers.get('content-type'), file).toMatch(type)
      expect(res.headers.get('cache-control'), file).toBe('public, max-age=31536000, immutable')
      expect((await res.arrayBuffer()).byteLength, file).toBeGreaterThan(1000)
    }
    expect((await fetch(`${base}${EDITOR_ASSETS_ROUTE}/no-such-file.js`)).status).toBe(404)
    for (const file of ['..%2F..%2Fpackage.json', '..%5C..%5Cpackage.json', 'editor%2F..%2F..%2F..%2Fpackage.json']) {
      const res = await fetch(`${base}${EDITOR_ASSETS_ROUTE}/${file}`)
      expect([403, 404], file).toContain(res.status)
    }
  })
})

describe('the favicon', () => {
  it('/favicon.ico answers the panel icon (a PNG), cached a day', async () => {
    const res = await fetch(`${base}/favicon.ico`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400')
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  })
})
