/**
 * patches/graphql+16.15.0.patch: `visitInParallel` (every `validate` merges its ~30 rules with it) merged every rule's
 * handlers for every one of the ~40 node kinds up front, on every validation (≈ 4 % of a GraphQL detail's busy
 * samples when its text was not in the document cache). It now merges a kind on its first node. What the rules see
 * must not change: the order of calls, skipping a subtree (`false`), stopping (`BREAK`), an edit returned by enter,
 * the generic enter/leave of a rule; and validation errors as before.
 */
import { BREAK, buildSchema, Kind, parse, print, specifiedRules, TypeInfo, validate, visit, visitInParallel, visitWithTypeInfo, type ASTVisitor } from 'graphql'
import { describe, expect, it } from 'vitest'

const doc = parse('query Q($id: Int) { car(id: $id) { id title make { name } } other: cars { id } }')

describe('visitInParallel (merged per kind on first use)', () => {
  it('calls every rule in order, skips a subtree for the rule that returned false, stops a rule at BREAK', () => {
    const calls: string[] = []
    const log = (who: string, what: string, result?: unknown) => (node: { kind: string; name?: { value: string } }) => {
      calls.push(`${who} ${what} ${node.kind}${node.name ? `:${node.name.value}` : ''}`)
      return result
    }
    const skipper: ASTVisitor = { Field: { enter: (node) => (node.name.value === 'car' ? false : undefined), leave: log('skip', 'leave') }, Name: log('skip', 'name') }
    const breaker: ASTVisitor = { Field: (node) => (node.name.value === 'title' ? BREAK : log('break', 'field')(node)), Argument: log('break', 'arg') }
    const generic: ASTVisitor = { enter: (node) => void calls.push(`generic enter ${node.kind}`), leave: (node) => void calls.push(`generic leave ${node.kind}`) }
    visit(doc, visitInParallel([skipper, breaker, generic]))
    expect(calls).toEqual(EXPECTED_CALLS)
  })

  it('an edit returned by a rule replaces the node, as before', () => {
    const edited = visit(doc, visitInParallel([{ Field: (node) => (node.name.value === 'title' ? null : undefined) }, { Name: () => undefined }]))
    expect(print(edited)).toBe('query Q($id: Int) {\n  car(id: $id) {\n    id\n    make {\n      name\n    }\n  }\n  other: cars {\n    id\n  }\n}')
  })

  it('validates as before: the specified rules report the same errors', () => {
    const schema = buildSchema('type Car { id: ID!, title: String } type Query { car(id: Int!): Car, cars: [Car] }')
    expect(validate(schema, parse('{ car(id: 1) { id title } }'), specifiedRules)).toEqual([])
    const errors = validate(schema, parse('query ($x: String) { car(id: $x) { id nope } cars { title } cars { title: id } }')).map((e) => e.message)
    expect(errors).toEqual([
      'Fields "cars" conflict because subfields "title" conflict because "title" and "id" are different fields. Use different aliases on the fields to fetch both if this was intentional.',
      'Cannot query field "nope" on type "Car".',
      'Variable "$x" of type "String" used in position expecting type "Int!".',
    ])
  })

  it("merges a kind on its first node: validation looks up only the document's kinds", () => {
    const schema = buildSchema('type Query { a: Int }')
    const looked = new Set<string | symbol>()
    const rule = new Proxy({ Field: () => undefined } as ASTVisitor, {
      get(target, key) {
        looked.add(key)
        return (target as Record<string | symbol, unknown>)[key]
      },
    })
    const merged = visitInParallel([rule])
    expect(looked.size).toBe(0)
    visit(parse('{ a }'), visitWithTypeInfo(new TypeInfo(schema), merged))
    // a kind's handlers, or the generic enter / leave when the rule has none for it
    expect([...looked].sort()).toEqual([Kind.DOCUMENT, Kind.FIELD, Kind.NAME, Kind.OPERATION_DEFINITION, Kind.SELECTION_SET, 'enter', 'leave'].sort())
  })

  it('kinds no rule visits stay without handlers', () => {
    const merged = visitInParallel([{ Field: () => undefined }])
    expect(typeof (merged as Record<string, unknown>)[Kind.FIELD]).toBe('object')
    expect((merged as Record<string, unknown>)[Kind.DIRECTIVE]).toBeUndefined()
  })
})

/** Recorded with the unpatched graphql 16.15.0. */
const EXPECTED_CALLS: string[] = [
  'generic enter Document',
  'generic enter OperationDefinition',
  'skip name Name',
  'generic enter Name',
  'generic leave Name',
  'generic enter VariableDefinition',
  'generic enter Variable',
  'skip name Name',
  'generic enter Name',
  'generic leave Name',
  'generic leave Variable',
  'generic enter NamedType',
  'skip name Name',
  'generic enter Name',
  'generic leave Name',
  'generic leave NamedType',
  'generic leave VariableDefinition',
  'generic enter SelectionSet',
  'break field Field:car',
  'generic enter Field',
  'generic enter Name',
  'generic leave Name',
  'break arg Argument:id',
  'generic enter Argument',
  'generic enter Name',
  'generic leave Name',
  'generic enter Variable',
  'generic enter Name',
  'generic leave Name',
  'generic leave Variable',
  'generic leave Argument',
  'generic enter SelectionSet',
  'break field Field:id',
  'generic enter Field',
  'generic enter Name',
  'generic leave Name',
  'generic leave Field',
  'generic enter Field',
  'generic enter Name',
  'generic leave Name',
  'generic leave Field',
  'generic enter Field',
  'generic enter Name',
  'generic leave Name',
  'generic enter SelectionSet',
  'generic enter Field',
  'generic enter Name',
  'generic leave Name',
  'generic leave Field',
  'generic leave SelectionSet',
  'generic leave Field',
  'generic leave SelectionSet',
  'generic leave Field',
  'generic enter Field',
  'skip name Name',
  'generic enter Name',
  'generic leave Name',
  'skip name Name',
  'generic enter Name',
  'generic leave Name',
  'generic enter SelectionSet',
  'generic enter Field',
  'skip name Name',
  'generic enter Name',
  'generic leave Name',
  'skip leave Field:id',
  'generic leave Field',
  'generic leave SelectionSet',
  'skip leave Field:cars',
  'generic leave Field',
  'generic leave SelectionSet',
  'generic leave OperationDefinition',
  'generic leave Document',
]
