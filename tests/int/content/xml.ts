/**
 * A tiny XML well-formedness checker for tests (no package): elements nest and close in order, attributes
 * are quoted and unique, entities are the predefined ones or character references, one root element.
 * Returns the parsed tree so tests can read what the document lists.
 */
export interface XmlElement {
  name: string
  attrs: Record<string, string>
  children: XmlElement[]
  text: string
}

const NAME = /^[A-Za-z_][\w.:-]*/
const decode = (s: string, where: number): string =>
  s.replace(/&([^;\s&]*);?/g, (m, ent: string) => {
    if (!m.endsWith(';')) throw new Error(`bare "&" at ${where}`)
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
    if (ent in named) return named[ent]
    if (/^#\d+$/.test(ent)) return String.fromCodePoint(Number(ent.slice(1)))
    if (/^#x[0-9a-f]+$/i.test(ent)) return String.fromCodePoint(parseInt(ent.slice(2), 16))
    throw new Error(`unknown entity &${ent}; at ${where}`)
  })

export function parseXml(xml: string): XmlElement {
  let i = 0
  const stack: XmlElement[] = []
  let root: XmlElement | null = null
  const fail = (msg: string): never => {
    throw new Error(`XML not well-formed at ${i}: ${msg}`)
  }
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>')
    if (end < 0) fail('unterminated declaration')
    i = end + 2
  }
  while (i < xml.length) {
    const lt = xml.indexOf('<', i)
    const text = xml.slice(i, lt < 0 ? xml.length : lt)
    if (text.trim()) {
      if (!stack.length) fail('text outside the root element')
      if (text.includes('>') && /\]\]>/.test(text)) fail('"]]>" in text')
      stack[stack.length - 1].text += decode(text, i)
    }
    if (lt < 0) break
    i = lt
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i)
      if (end < 0) fail('unterminated comment')
      i = end + 3
      continue
    }
    if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i)
      if (end < 0 || !stack.length) fail('bad CDATA')
      stack[stack.length - 1].text += xml.slice(i + 9, end)
      i = end + 3
      continue
    }
    if (xml.startsWith('</', i)) {
      const m = NAME.exec(xml.slice(i + 2))
      if (!m) fail('bad end tag')
      const name = m![0]
      const close = xml.indexOf('>', i)
      if (close < 0 || xml.slice(i + 2 + name.length, close).trim()) fail('bad end tag')
      const open = stack.pop()
      if (!open || open.name !== name) fail(`</${name}> does not close <${open?.name}>`)
      i = close + 1
      continue
    }
    const m = NAME.exec(xml.slice(i + 1))
    if (!m) fail('bad start tag')
    const el: XmlElement = { name: m![0], attrs: {}, children: [], text: '' }
    i += 1 + el.name.length
    for (;;) {
      const ws = /^\s*/.exec(xml.slice(i))![0]
      i += ws.length
      if (xml.startsWith('/>', i) || xml[i] === '>') break
      if (!ws) fail('attributes must be separated by whitespace')
      const a = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(xml.slice(i))
      if (!a) fail('bad attribute')
      if (a![1] in el.attrs) fail(`duplicate attribute ${a![1]}`)
      el.attrs[a![1]] = decode(a![3] ?? a![4] ?? '', i)
      i += a![0].length
    }
    const selfClosing = xml.startsWith('/>', i)
    i += selfClosing ? 2 : 1
    if (stack.length) stack[stack.length - 1].children.push(el)
    else if (root) fail('more than one root element')
    else root = el
    if (!selfClosing) stack.push(el)
  }
  if (stack.length) fail(`<${stack[stack.length - 1].name}> is never closed`)
  if (!root) fail('no root element')
  return root!
}

export const childrenNamed = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name)
export const childText = (el: XmlElement, name: string) => el.children.find((c) => c.name === name)?.text ?? ''
