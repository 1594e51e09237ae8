/**
 * patches/graphql+16.15.0.patch: graphql-js builds the resolve info, the argument values and the completion of every
 * field it executes; most of a Payload document's fields are plain values under the default resolver (≈ 25 per car of
 * a list query). Such a field whose value is a string, number or boolean that its scalar or enum type serializes is
 * now answered at once. Checked here against graphql's full path (the same execution with a field resolver of one's
 * own, which the shortcut leaves alone): the same data and errors for plain values, nulls, enums, values a type
 * refuses, functions, arguments and resolvers; and the shortcut taken (no argument values built) where it applies.
 * The CommonJS build, as Payload's schema and handler use it.
 */
import { createRequire } from 'node:module'

import type * as GraphQL from 'graphql'
import { afterEach, describe, expect, it, vi } from 'vitest'

const require = createRequire(import.meta.url)
const graphql = require('graphql') as typeof GraphQL
const values = require('graphql/execution/values.js') as { getArgumentValues: (...a: unknown[]) => unknown }
const { GraphQLEnumType, GraphQLFloat, GraphQLID, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, GraphQLBoolean, defaultFieldResolver, execute, parse } =
  graphql

const Status = new GraphQLEnumType({ name: 'Status', values: { active: { value: 'active' }, for_sale: { value: 'for-sale' } } })
const Make = new GraphQLObjectType({ name: 'Make', fields: { id: { type: GraphQLInt }, name: { type: GraphQLString } } })
const Car = new GraphQLObjectType({
  name: 'Car',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLInt) },
    title: { type: GraphQLString },
    price: { type: GraphQLFloat },
    year: { type: GraphQLInt },
    negotiable: { type: GraphQLBoolean },
    slug: { type: GraphQLID },
    status: { type: Status },
    required: { type: new GraphQLNonNull(GraphQLString) },
    greeting: { type: GraphQLString, args: { name: { type: GraphQLString } } },
    shout: { type: GraphQLString, resolve: (car: { title?: string }) => car.title?.toUpperCase() },
    make: { type: Make },
    tags: { type: new GraphQLList(GraphQLString) },
  },
})
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { cars: { type: new GraphQLList(Car), resolve: (_s, _a, context: { cars: unknown[] }) => context.cars } } }),
})

const QUERY = '{ cars { id title price year negotiable slug status required greeting(name: "x") shout make { id name } tags __typename } }'

/** The patched execution and graphql's full path (a field resolver of the caller's own: no shortcut). */
async function both(cars: unknown[], query = QUERY) {
  const document = parse(query)
  const fast = await execute({ schema, document, contextValue: { cars } })
  const full = await execute({ schema, document, contextValue: { cars }, fieldResolver: (s, a, c, i) => defaultFieldResolver(s, a, c, i) })
  return { fast: JSON.parse(JSON.stringify(fast)) as GraphQL.ExecutionResult, full: JSON.parse(JSON.stringify(full)) as GraphQL.ExecutionResult }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('graphql execution of plain leaves (patched)', () => {
  it('answers plain values, nulls, enums, functions, arguments and resolvers as the full path does', async () => {
    const cars = [
      { id: 1, title: 'Golf', price: 12000.5, year: 2019, negotiable: true, slug: 'golf', status: 'for-sale', required: 'r', make: { id: 7, name: 'VW' }, tags: ['a', 'b'] },
      { id: 2, title: null, price: 0, year: 0, negotiable: false, slug: 42, status: 'active', required: '', greeting: (args: { name: string }) => `hi ${args.name}`, make: null, tags: [] },
      { id: 3, title: 'X', price: null, status: null, required: 'r', greeting: 'plain', shout: 'ignored' },
    ]
    const { fast, full } = await both(cars)
    expect(fast).toEqual(full)
    expect(fast.errors).toBeUndefined()
    const data = fast.data as { cars: Record<string, unknown>[] }
    expect(data.cars[0]).toMatchObject({ id: 1, price: 12000.5, negotiable: true, slug: 'golf', status: 'for_sale', shout: 'GOLF', make: { id: 7, name: 'VW' } })
    expect(data.cars[1]).toMatchObject({ title: null, slug: '42', status: 'active', greeting: 'hi x', make: null })
    expect(data.cars[2]).toMatchObject({ price: null, status: null, greeting: 'plain', shout: 'X', __typename: 'Car' })
  })

  it('reports a value its type refuses, and a null where a value is required, as the full path does', async () => {
    const cars = [
      { id: 1, year: 1.5, status: 'unknown', required: 'r' },
      { id: 2, price: Number.NaN, required: null },
      { id: 3, year: 2 ** 40, required: 'r', negotiable: 'yes' },
    ]
    const { fast, full } = await both(cars, '{ cars { id year price status negotiable required } }')
    expect(fast).toEqual(full)
    expect((fast.errors ?? []).map((e) => e.message)).toEqual([
      'Int cannot represent non-integer value: 1.5',
      'Enum "Status" cannot represent value: "unknown"',
      'Float cannot represent non numeric value: NaN',
      'Cannot return null for non-nullable field Car.required.',
      'Int cannot represent non 32-bit signed integer value: 1099511627776',
      'Boolean cannot represent a non boolean value: "yes"',
    ])
  })

  it('takes the shortcut for plain leaves only: no argument values built for them', async () => {
    const spy = vi.spyOn(values, 'getArgumentValues')
    const cars = Array.from({ length: 4 }, (_, i) => ({ id: i, title: `t${i}`, price: i, status: 'active', required: 'r', make: { id: i, name: 'm' } }))
    const document = parse('{ cars { id title price status required make { id name } } }')
    await execute({ schema, document, contextValue: { cars } })
    // the root `cars` and each car's `make` (an object) take the full path; the 4 × 7 plain leaves do not
    expect(spy).toHaveBeenCalledTimes(1 + 4)
    spy.mockClear()
    await execute({ schema, document, contextValue: { cars }, fieldResolver: (s, a, c, i) => defaultFieldResolver(s, a, c, i) })
    expect(spy).toHaveBeenCalledTimes(1 + 4 * 6 + 4 * 2)
  })
})
