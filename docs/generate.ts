/**
 * The generated tables of docs/<domain>.md, rendered from what each domain registered (`config.custom.domains`,
 * src/plugins/domain.ts): its endpoints (method, path, and — for endpoints built with `defineEndpoint` — who may
 * call, the body/query fields and the summary, from `custom.spec`) and its state machines (src/workflows/engine.ts).
 *
 *   npx tsx --conditions=development docs/generate.ts           rewrite the stale docs
 *   npx tsx --conditions=development docs/generate.ts --check   list the stale docs and exit 1, writing nothing
 *
 * Each table sits between marker comments (`<!-- generated:endpoints -->` … `<!-- /generated:endpoints -->`,
 * `<!-- generated:machines -->` … `<!-- /generated:machines -->`); everything outside them is hand-written prose
 * and is kept as it is. A page without the markers gets both sections appended. tests/int/foundation/docs-fresh.test.ts
 * fails while a page differs from what this renders.
 *
 * Building the config does not connect to the database (buildConfig only sanitizes; the adapter connects in
 * `payload.init`), so this needs no DATABASE_URL.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Endpoint } from 'payload'
import { z } from 'zod'

import { type EndpointAuth, type EndpointDoc, shapeOf } from '../src/http/define-endpoint'
import { type AnyMachine, DOMAINS, type DomainName, type DomainRecord, domainsOf } from '../src/plugins/domain'
import { actionOnlyVia } from '../src/workflows/engine'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The command that rewrites the docs (package.json `docs`). */
export const REGENERATE = 'npx tsx --conditions=development docs/generate.ts'

type Section = 'endpoints' | 'machines'
const SECTIONS: { key: Section; heading: string }[] = [
  { key: 'endpoints', heading: '## Endpoints (generated)' },
  { key: 'machines', heading: '## State machines (generated)' },
]
const open = (key: Section) => `<!-- generated:${key} -->`
const close = (key: Section) => `<!-- /generated:${key} -->`
const NOTE = `<!-- Rendered from the code by docs/generate.ts (${REGENERATE}); edits between these markers are overwritten. -->`

// ---------------------------------------------------------------- cells

/** A markdown table cell: one line, `|` escaped. */
export const cell = (text: string): string =>
  text
    .replace(/\r?\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim()
const code = (s: string) => `\`${s}\``
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`
const table = (head: string[], rows: string[][]) => [row(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n')
const sentence = (s: string) => (/[.!?:)]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`)

// ---------------------------------------------------------------- endpoints

export function who(auth: EndpointAuth | undefined): string {
  if (auth === undefined) return ''
  if (auth === 'public') return 'public'
  if (auth === 'user') return 'signed in'
  if (auth === 'write') return 'signed in, may write'
  const roles = auth.roles.join(', ')
  return auth.write === false ? `${roles} (also while suspended)` : roles
}

type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, unknown>
  required?: string[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  $ref?: string
  $defs?: Record<string, JsonSchema>
}

/** Field names of an object schema (`name?` when optional), through `$ref`, unions (optional unless required in every branch) and intersections. */
function fieldsOf(schema: JsonSchema, root: JsonSchema = schema): { name: string; required: boolean }[] | null {
  if (schema.$ref?.startsWith('#/$defs/')) {
    const target = root.$defs?.[schema.$ref.slice('#/$defs/'.length)]
    return target ? fieldsOf(target, root) : null
  }
  const branches = schema.anyOf ?? schema.oneOf
  if (branches?.length) {
    const lists = branches.map((b) => fieldsOf(b, root)).filter((l): l is { name: string; required: boolean }[] => l !== null)
    if (!lists.length) return null
    const names = [...new Set(lists.flat().map((f) => f.name))]
    return names.map((name) => ({ name, required: lists.every((l) => l.some((f) => f.name === name && f.required)) }))
  }
  if (schema.allOf?.length) {
    const out = new Map<string, boolean>()
    for (const part of schema.allOf) for (const f of fieldsOf(part, root) ?? []) out.set(f.name, (out.get(f.name) ?? false) || f.required)
    return [...out].map(([name, required]) => ({ name, required }))
  }
  if (schema.properties) {
    const required = new Set(schema.required ?? [])
    return Object.keys(schema.properties).map((name) => ({ name, required: required.has(name) }))
  }
  return null
}

/** Whether a field may be left out: its schema accepts `undefined` (an `.optional()`, a default, or a preprocess supplying one). */
function omittable(field: z.ZodType | undefined): boolean | null {
  if (!field) return null
  try {
    return field.safeParse(undefined).success
  } catch {
    return null // an async refinement: keep what the JSON schema says
  }
}

/**
 * `a, b?` for an object schema (names from its JSON schema; `?` when the field may be left out), the JSON type
 * (`(array)`) for another schema, `(any)` for one that describes no shape; '' without a schema.
 */
export function inputFields(schema: z.ZodType | undefined): string {
  if (!schema) return ''
  const shape = shapeOf(schema)
  const render = (io: 'input' | 'output') => {
    const json = z.toJSONSchema(schema, { unrepresentable: 'any', io }) as JsonSchema
    const fields = fieldsOf(json)
    if (fields) return fields.map((f) => ((omittable(shape?.[f.name]) ?? !f.required) ? `${f.name}?` : f.name)).join(', ')
    const type = Array.isArray(json.type) ? json.type.join(' or ') : json.type
    return type ? `(${type})` : ''
  }
  try {
    // A preprocessed schema's input side is `unknown`: fall back to the fields it produces.
    return render('input') || render('output') || '(any)'
  } catch {
    return '(any)'
  }
}

const specOf = (e: Endpoint): EndpointDoc | undefined => (e.custom as { spec?: EndpointDoc } | undefined)?.spec

function fullPath(base: string, p: string): string {
  const rel = p === '/' || p === '' ? '' : p.startsWith('/') ? p : `/${p}`
  return `${base}${rel}`
}

/** Every endpoint the domain registered, as registered: collection endpoints by slug, then root endpoints. */
export function endpointRows(d: DomainRecord): string[][] {
  const rows: string[][] = []
  const add = (base: string, e: Endpoint) => {
    const spec = specOf(e)
    const inputs = [spec?.body && `body: ${inputFields(spec.body)}`, spec?.query && `query: ${inputFields(spec.query)}`].filter((s): s is string => !!s && !/: $/.test(s))
    rows.push([String(spec?.method ?? e.method).toUpperCase(), code(fullPath(base, spec?.path ?? e.path)), who(spec?.auth), inputs.join('; '), spec?.summary ?? ''])
  }
  for (const [slug, endpoints] of Object.entries(d.collectionEndpoints)) for (const e of endpoints) add(`/api/${slug}`, e)
  for (const e of d.endpoints) add('/api', e)
  return rows
}

export function renderEndpoints(d: DomainRecord): string {
  const rows = endpointRows(d)
  if (!rows.length) return '_This domain registers no custom endpoints; its collections have Payload’s REST and GraphQL API._'
  return [
    'Custom endpoints only (Payload’s REST and GraphQL CRUD of the collections is not listed). Who, Input and Summary come from',
    '`defineEndpoint` declarations; they are blank for an endpoint not declared with it yet.',
    '',
    table(['Method', 'Path', 'Who', 'Input', 'Summary'], rows),
  ].join('\n')
}

// ---------------------------------------------------------------- machines

const states = (list: readonly string[]) => list.map(code).join(', ')

/** The guard's function name (`yourTurn`), or '' for an anonymous one. */
function guardName(fn: ((...args: never[]) => unknown) | undefined): string {
  const name = fn?.name ?? ''
  return name && name !== 'guard' ? name : ''
}

export function renderMachine(m: AnyMachine): string {
  const head = [`field ${code(m.field)}`, `states ${states(m.states)}`, `initial ${code(m.initial)}`, `terminal ${m.terminal.length ? states(m.terminal) : 'none'}`]
  const lines = [`**${m.name}** (${head.join('; ')})`, '']
  if (m.relationNames?.length) {
    lines.push(`${states(m.relationNames)} ${m.relationNames.length === 1 ? 'is' : 'are'} the document’s own ${m.relationNames.length === 1 ? 'party' : 'parties'} (relations), not roles.`, '')
  }
  const rows = m.transitions.map((t) => {
    const notes: string[] = []
    if (t.description) notes.push(sentence(t.description))
    if (t.guard) {
      const name = guardName(t.guard as never)
      notes.push(name ? `Guard ${code(name)}.` : 'Guarded.')
    }
    const via = actionOnlyVia(m, t)
    if (via) notes.push(`Action only, via ${via}.`)
    return [states(t.from), code(t.action), code(t.to), t.by.join(', '), notes.join(' ')]
  })
  lines.push(table(['From', 'Action', 'To', 'Who', 'Notes'], rows))
  return lines.join('\n')
}

export function renderMachines(d: DomainRecord): string {
  if (!d.machines.length) return '_This domain has no state machines._'
  return [
    'Who: roles, the document’s relations, or `system` (jobs and internal calls). Action only: a plain status edit',
    '(REST `PATCH`, the admin panel, a Local API update) that would fire the transition is refused with 409 naming',
    'the action, because it would skip the effects.',
    '',
    d.machines.map(renderMachine).join('\n\n'),
  ].join('\n')
}

// ---------------------------------------------------------------- pages

const title = (name: DomainName) => `# ${name.charAt(0).toUpperCase()}${name.slice(1)}\n`

/** Replaces the content between a section's markers, or appends the section (heading and markers) at the end. */
export function splice(page: string, key: Section, heading: string, body: string): string {
  const block = `${open(key)}\n${NOTE}\n\n${body}\n${close(key)}`
  const start = page.indexOf(open(key))
  const end = page.indexOf(close(key))
  if (start >= 0 && end > start) return page.slice(0, start) + block + page.slice(end + close(key).length)
  if (start >= 0 || end >= 0) throw new Error(`${key}: unbalanced markers (${open(key)} … ${close(key)})`)
  return `${page.replace(/\s*$/, '')}\n\n${heading}\n\n${block}\n`
}

export function renderPage(d: DomainRecord, current: string | null): string {
  let page = current ?? title(d.name)
  for (const { key, heading } of SECTIONS) page = splice(page, key, heading, key === 'endpoints' ? renderEndpoints(d) : renderMachines(d))
  return page
}

/** `docs/<domain>.md` (relative to the project root) → its content with the generated sections rendered from `config`. */
export function renderDocs(
  config: { custom?: Record<string, unknown> },
  read: (file: string) => string | null = (file) => (existsSync(path.join(ROOT, file)) ? readFileSync(path.join(ROOT, file), 'utf8') : null),
): Map<string, string> {
  const domains = domainsOf(config)
  const missing = DOMAINS.filter((n) => !domains.some((d) => d.name === n))
  if (missing.length) throw new Error(`config.custom.domains lacks ${missing.join(', ')}: is every domain plugin listed in payload.config.ts?`)
  const out = new Map<string, string>()
  for (const d of domains) {
    const file = `docs/${d.name}.md`
    out.set(file, renderPage(d, read(file)))
  }
  return out
}

/** The pages whose file on disk differs from the rendered content. */
export function stale(rendered: Map<string, string>): string[] {
  return [...rendered].filter(([file, content]) => (existsSync(path.join(ROOT, file)) ? readFileSync(path.join(ROOT, file), 'utf8') : null) !== content).map(([file]) => file)
}

export async function loadConfig(): Promise<{ custom?: Record<string, unknown> }> {
  // Importing the config needs no database, only a secret outside development; any value does for the docs.
  process.env.PAYLOAD_SECRET ||= 'docs-generator'
  return await (
    await import('../payload.config')
  ).default
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check')
  const rendered = renderDocs(await loadConfig())
  const files = stale(rendered)
  if (check) {
    if (!files.length) {
      console.info(`docs: ${rendered.size} pages fresh`)
      return 0
    }
    console.error(`docs: stale ${files.join(', ')}\nregenerate: ${REGENERATE}`)
    return 1
  }
  for (const file of files) writeFileSync(path.join(ROOT, file), rendered.get(file)!)
  console.info(files.length ? `docs: wrote ${files.join(', ')}` : `docs: ${rendered.size} pages already fresh`)
  return 0
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err)
      process.exit(2)
    },
  )
}
