/**
 * patches/graphql+16.15.0.patch: graphql-js's KnownTypeNamesRule built the list of every type name in the schema for
 * every query it validated, only to suggest a name when a type is unknown. Payload's schema has thousands of
 * types: 12 % of a GraphQL detail request's time went there. The list is now built only for an error, and the
 * rule still reports unknown types with suggestions.
 */
import { buildSchema, type GraphQLSchema, KnownTypeNamesRule, parse, validate } from 'graphql'
import { describe, expect, it } from 'vitest'

const base = buildSchema(`
  type Car { id: ID!, title: String }
  type Query { car(id: ID!): Car, cars: [Car] }
`)
// validate() checks the schema once and keeps the result on it (the copies below inherit it)
expect(validate(base, parse('{ cars { id } }'))).toEqual([])

/** The schema with its type map behind a proxy that counts how often every name is listed. */
function countingSchema() {
  const map = base.getTypeMap()
  let listed = 0
  const counted = new Proxy(map, {
    ownKeys(target) {
      listed++
      return Reflect.ownKeys(target)
    },
  })
  const schema = Object.create(base) as GraphQLSchema
  schema.getTypeMap = () => counted
  return { schema, listed: () => listed }
}

describe('graphql KnownTypeNamesRule (patched)', () => {
  it('a valid query does not list every type name', () => {
    const { schema, listed } = countingSchema()
    const errors = validate(schema, parse('query Q($id: ID!) { car(id: $id) { id title } }'), [KnownTypeNamesRule])
    expect(errors).toEqual([])
    expect(listed()).toBe(0)
  })

  it('an unknown type is still reported, with the names it may have meant', () => {
    const { schema, listed } = countingSchema()
    const errors = validate(schema, parse('query Q($id: Carr) { car(id: "1") { id } }'), [KnownTypeNamesRule])
    expect(errors.map((e) => e.message)).toEqual(['Unknown type "Carr". Did you mean "Car"?'])
    expect(listed()).toBe(1)
  })
})
