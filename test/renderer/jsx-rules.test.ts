import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/** Every visible string goes through t(msg) so it can be translated; a literal word in JSX is a bug. */
function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return tsxFiles(full)
    return entry.name.endsWith('.tsx') ? [full] : []
  })
}

/** Attributes a person reads or hears. */
const SPOKEN_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'alt', 'placeholder'])
const HAS_LETTER = /\p{L}/u

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
}

function literalText(file: string, text: string): string[] {
  const source = parse(file, text)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text)) found.push(node.text.trim())
    if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
          ? init.expression
          : null
      if (literal && HAS_LETTER.test(literal.text)) found.push(literal.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** A strict CSP (style-src 'self', no 'unsafe-inline') blocks style attributes: all styling lives in .css files. */
function styleAttributes(file: string, text: string): number {
  const source = parse(file, text)
  let count = 0
  const visit = (node: ts.Node): void => {
    if (ts.isJsxAttribute(node) && node.name.getText(source) === 'style') count += 1
    ts.forEachChild(node, visit)
  }
  visit(source)
  return count
}

describe('renderer JSX', () => {
  const files = tsxFiles(path.resolve('src-renderer'))

  it('finds the renderer sources', () => {
    expect(files.length).toBeGreaterThan(5)
  })

  it.each(files.map((f) => [path.relative(process.cwd(), f), f]))(
    '%s has no literal words in JSX text or spoken attributes, and no style attribute',
    (_, file) => {
      const text = readFileSync(file, 'utf8')
      expect(literalText(file, text)).toEqual([])
      expect(styleAttributes(file, text)).toBe(0)
    },
  )

  it('catches literal words and style attributes (the guards themselves work)', () => {
    expect(literalText('probe.tsx', 'const a = <p aria-label="Close" className="x">Hello {x} · <b>{t(m)}</b></p>')).toEqual([
      'Close',
      'Hello',
    ])
    expect(styleAttributes('probe.tsx', 'const a = <p style={{ color: "red" }} />')).toBe(1)
  })
})
