/** Every platform endpoint of a built config that carries its declaration (`custom.spec`, src/http/define-endpoint.ts). */
import type { Endpoint, Payload } from 'payload'

import type { EndpointDoc } from '../../src/http/define-endpoint'

export interface DeclaredEndpoint {
  /** `''` for root endpoints, `/<slug>` for a collection's, `/globals/<slug>` for a global's. */
  prefix: string
  endpoint: Endpoint
  spec: EndpointDoc
}

export function declaredEndpoints(payload: Payload): DeclaredEndpoint[] {
  const withSpec = (prefix: string, endpoints: unknown): DeclaredEndpoint[] =>
    (Array.isArray(endpoints) ? (endpoints as Endpoint[]) : [])
      .filter((e) => (e.custom as { spec?: EndpointDoc } | undefined)?.spec)
      .map((endpoint) => ({ prefix, endpoint, spec: (endpoint.custom as { spec: EndpointDoc }).spec }))
  return [
    ...withSpec('', payload.config.endpoints),
    ...payload.config.collections.flatMap((c) => withSpec(`/${c.slug}`, c.endpoints)),
    ...payload.config.globals.flatMap((g) => withSpec(`/globals/${g.slug}`, g.endpoints)),
  ]
}
