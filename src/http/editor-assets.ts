/**
 * What the admin panel loads from this server besides Next's bundles: the code and JSON field editor (Monaco), served
 * instead of a CDN, and the favicon.
 *
 * Payload's editor (`@payloadcms/ui`, through `@monaco-editor/react`) loads Monaco at run time from
 * cdn.jsdelivr.net. Where that host cannot be reached (no internet, a firewall, a strict CSP) every JSON and code
 * field threw in the browser and showed no editor; where it can, each admin who opened such a field told a third
 * party. patches/@payloadcms+ui+3.89.0.patch points Payload's loader at {@link EDITOR_ASSETS_ROUTE}, and the server
 * serves the `monaco-editor` package pinned in package.json (the version Payload's loader names) from there, so the
 * site's CSP names no CDN (src/http/security-headers.ts). The files carry the version in their path: cached a year.
 */
import { createRequire } from 'node:module'
import path from 'node:path'

import express, { type RequestHandler } from 'express'

/** Where Payload's editor loader (as patched) asks for Monaco's AMD build: `<route>/loader.js`, `<route>/editor/…`. */
export const EDITOR_ASSETS_ROUTE = '/vendor/monaco-editor@0.55.1/vs'

/** The pinned `monaco-editor` package's AMD build (`min/vs`) as static files; a missing file is a 404. */
export function editorAssets(): RequestHandler {
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('monaco-editor/package.json')), 'min', 'vs')
  return express.static(dir, { immutable: true, maxAge: '365d', index: false, fallthrough: false, redirect: false })
}

/**
 * `/favicon.ico`: the panel's own icon (Payload's, the one its pages name in `<link rel="icon">`). A browser asks for
 * /favicon.ico whenever a page names no icon, which Chromium does on every move within the panel (the client router
 * swaps the head's icon links); without this route each move logged a 404 in the browser's console.
 */
export function faviconAsset(): RequestHandler {
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve('@payloadcms/ui/assets')), 'payload-favicon-dark.png')
  return (_req, res, next) => {
    res.type('image/png').sendFile(file, { maxAge: '1d' }, (err) => err && next(err))
  }
}
