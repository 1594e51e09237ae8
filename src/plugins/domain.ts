/**
 * One registration per domain: `definePlugin({ name, collections, endpoints, … })` returns a Payload plugin
 * (the way `@payloadcms/plugin-seo` adds what it needs) that adds the domain's collections, root endpoints,
 * the endpoints of its collections, its jobs, its demo data and its state machines, and attaches the hooks it
 * needs to other domains' collections. `payload.config.ts` lists the plugins; nothing else keeps a registry.
 *
 * What a domain registered is recorded in `config.custom.domains` (server-only): the seed runner, the docs
 * generator and the tests read it from there.
 */
import type { CollectionConfig, Config, Endpoint, JobsConfig, Payload, Plugin } from 'payload'

import type { EndpointDoc } from '@/http/define-endpoint'
import type { StateMachine } from '@/workflows/engine'

export const DOMAINS = ['identity', 'catalog', 'discovery', 'content', 'community', 'negotiation', 'commerce', 'parking', 'services', 'analytics'] as const
export type DomainName = (typeof DOMAINS)[number]

type CollectionHooks = NonNullable<CollectionConfig['hooks']>
type Task = NonNullable<JobsConfig['tasks']>[number]
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- machines of any state/document type
export type AnyMachine = StateMachine<string, any>

export interface DomainDefinition {
  name: DomainName
  /** The domain's own collections, in admin-navigation order. */
  collections?: CollectionConfig[]
  /** Root endpoints (`/api/<path>`). */
  endpoints?: Endpoint[]
  /** Endpoints mounted on a collection (`/api/<slug>/<path>`), the domain's own or another's, by slug. */
  collectionEndpoints?: Record<string, Endpoint[]>
  /** Hooks this domain attaches to collections (usually other domains'), appended after the collection's own. */
  hooks?: Record<string, CollectionHooks>
  /** Jobs Queue tasks. */
  tasks?: Task[]
  /** Demo data, run in plugin order on an empty development database. */
  seed?: (payload: Payload) => Promise<void>
  /** The domain's state machines (docs tables, the transition tests). */
  machines?: AnyMachine[]
}

export interface DomainRecord {
  name: DomainName
  collections: string[]
  endpoints: Endpoint[]
  collectionEndpoints: Record<string, Endpoint[]>
  seed?: (payload: Payload) => Promise<void>
  machines: AnyMachine[]
}

type Hookable = keyof CollectionHooks

function mergeHooks(target: CollectionConfig, add: CollectionHooks): CollectionConfig {
  const hooks: CollectionHooks = { ...(target.hooks ?? {}) }
  for (const key of Object.keys(add) as Hookable[]) {
    const extra = add[key] as unknown[] | undefined
    if (!extra?.length) continue
    const own = (hooks[key] as unknown[] | undefined) ?? []
    ;(hooks as Record<string, unknown[]>)[key] = [...own, ...extra]
  }
  return { ...target, hooks }
}

const replaceAt = <T>(list: T[], i: number, item: T): T[] => list.map((x, j) => (j === i ? item : x))

const tag = (domain: DomainName, endpoints: Endpoint[]): Endpoint[] => endpoints.map((e) => ({ ...e, custom: { ...(e.custom ?? {}), domain } }))

export function domainsOf(config: { custom?: Record<string, unknown> }): DomainRecord[] {
  return ((config.custom?.domains as DomainRecord[] | undefined) ?? []).slice()
}

export function definePlugin(def: DomainDefinition): Plugin {
  return (config: Config): Config => {
    const own = (def.collections ?? []).map((c) => ({ ...c, custom: { ...(c.custom ?? {}), domain: def.name } }))
    let collections = [...(config.collections ?? []), ...own]
    const bySlug = (slug: string) => {
      const i = collections.findIndex((c) => c.slug === slug)
      if (i < 0) throw new Error(`domain ${def.name}: no collection '${slug}' (its plugin must be listed before ${def.name}'s)`)
      return i
    }
    for (const [slug, endpoints] of Object.entries(def.collectionEndpoints ?? {})) {
      const i = bySlug(slug)
      const c = collections[i]
      const existing = Array.isArray(c.endpoints) ? c.endpoints : []
      collections = replaceAt(collections, i, { ...c, endpoints: [...existing, ...tag(def.name, endpoints)] })
    }
    for (const [slug, hooks] of Object.entries(def.hooks ?? {})) {
      const i = bySlug(slug)
      collections = replaceAt(collections, i, mergeHooks(collections[i], hooks))
    }
    const record: DomainRecord = {
      name: def.name,
      collections: own.map((c) => c.slug),
      endpoints: tag(def.name, def.endpoints ?? []),
      collectionEndpoints: Object.fromEntries(Object.entries(def.collectionEndpoints ?? {}).map(([s, e]) => [s, tag(def.name, e)])),
      seed: def.seed,
      machines: def.machines ?? [],
    }
    return {
      ...config,
      collections,
      endpoints: [...(config.endpoints ?? []), ...record.endpoints],
      jobs: { ...(config.jobs ?? {}), tasks: [...(config.jobs?.tasks ?? []), ...(def.tasks ?? [])] },
      custom: { ...(config.custom ?? {}), domains: [...domainsOf(config), record] },
    }
  }
}

/**
 * Adopts a root endpoint another plugin registered (e.g. @payloadcms/plugin-stripe's `POST /stripe/webhooks`) into a
 * domain: the endpoint gets the declaration `defineEndpoint` would give it (`custom.spec`, for the generated docs) and
 * the domain tag, and joins the domain's record. Apply after that plugin. Throws when the endpoint is missing, so a
 * plugin upgrade that moves it cannot go unnoticed.
 */
export function adoptEndpoint(domain: DomainName, spec: EndpointDoc): Plugin {
  return (config: Config): Config => {
    const endpoints = config.endpoints ?? []
    const i = endpoints.findIndex((e) => e.method === spec.method && e.path === spec.path)
    if (i < 0) throw new Error(`domain ${domain}: no endpoint ${String(spec.method).toUpperCase()} ${spec.path} to adopt`)
    const adopted: Endpoint = { ...endpoints[i], custom: { ...(endpoints[i].custom ?? {}), spec, domain } }
    const domains = domainsOf(config).map((d) => (d.name === domain ? { ...d, endpoints: [...d.endpoints, adopted] } : d))
    if (!domains.some((d) => d.name === domain)) throw new Error(`domain ${domain} is not registered before adopting ${spec.path}`)
    return { ...config, endpoints: replaceAt(endpoints, i, adopted), custom: { ...(config.custom ?? {}), domains } }
  }
}
