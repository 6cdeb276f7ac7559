import path from 'node:path'
import ts from 'typescript'

/** One module a file names: `import ... from`, `export ... from`, `import('...')`, `require('...')`, `import x = require('...')`. */
export interface ImportRef {
  specifier: string
  /** Erased at compile time (`import type`, `export type`, or every named binding marked `type`). */
  typeOnly: boolean
  dynamic: boolean
  line: number
}

function stringArg(node: ts.CallExpression): string | null {
  const [first] = node.arguments
  return first && ts.isStringLiteralLike(first) ? first.text : null
}

function typeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause
  if (!clause) return false // side-effect import: runs the module
  if (clause.isTypeOnly) return true
  const named = clause.namedBindings
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)
}

function typeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true
  const clause = node.exportClause
  return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly)
}

/** Every module a source file names, read from its syntax tree (comments and strings cannot fake one). */
export function importsOf(fileName: string, text: string): ImportRef[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind)
  const found: ImportRef[] = []
  const add = (specifier: string, node: ts.Node, typeOnly: boolean, dynamic: boolean): void => {
    found.push({ specifier, typeOnly, dynamic, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 })
  }
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteralLike(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node, typeOnlyImport(node), false)
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node, typeOnlyExport(node), false)
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression
      if (ts.isStringLiteralLike(expr)) add(expr.text, node, node.isTypeOnly, false)
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression
      const spec = stringArg(node)
      if (spec !== null && (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require'))) {
        add(spec, node, false, true)
      }
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteralLike(arg.literal)) add(arg.literal.text, node, true, true)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/**
 * Where a specifier points, as a repository-relative posix path without extension for relative
 * specifiers (`../core/types.js` from `checks/catalogue/vpn/x.ts` -> `checks/core/types`), or the bare
 * package name otherwise (`node:fs`, `electron`, `sql.js`, `react-dom/client`).
 */
export function resolveSpecifier(fromFile: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier))
  return joined.replace(/\.(js|jsx|ts|tsx|mjs|cjs|mts|cts)$/, '')
}

export interface Rule {
  name: string
  /** Which files (repository-relative posix paths) the rule governs. */
  appliesTo: (file: string) => boolean
  /** Why an import of `target` (see resolveSpecifier) is refused, or null when it is allowed. */
  refuses: (target: string, ref: ImportRef) => string | null
}

export interface Violation {
  rule: string
  file: string
  line: number
  specifier: string
  why: string
}

/** Every import in `files` (path -> source text) that a rule refuses. Pure: no file system. */
export function violations(files: ReadonlyMap<string, string>, rules: readonly Rule[]): Violation[] {
  const out: Violation[] = []
  for (const [file, text] of files) {
    const governing = rules.filter((r) => r.appliesTo(file))
    if (governing.length === 0) continue
    for (const ref of importsOf(file, text)) {
      const target = resolveSpecifier(file, ref.specifier)
      for (const rule of governing) {
        const why = rule.refuses(target, ref)
        if (why) out.push({ rule: rule.name, file, line: ref.line, specifier: ref.specifier, why })
      }
    }
  }
  return out
}

/** The source file a resolved relative target names, if `files` holds one. */
export function sourceFor(target: string, files: ReadonlyMap<string, string>): string | null {
  for (const candidate of [`${target}.ts`, `${target}.tsx`, `${target}/index.ts`, `${target}/index.tsx`, target]) {
    if (files.has(candidate)) return candidate
  }
  return null
}

/**
 * Every file reachable from `entry` by following relative imports that survive compilation
 * (type-only imports are erased, so they load nothing), mapped to the chain that reaches it.
 */
export function reachableFrom(entry: string, files: ReadonlyMap<string, string>): Map<string, string[]> {
  const chains = new Map<string, string[]>([[entry, [entry]]])
  const queue = [entry]
  while (queue.length > 0) {
    const file = queue.shift() as string
    const chain = chains.get(file) as string[]
    for (const ref of importsOf(file, files.get(file) ?? '')) {
      if (ref.typeOnly) continue
      const target = resolveSpecifier(file, ref.specifier)
      const next = ref.specifier.startsWith('.') ? sourceFor(target, files) : `module:${target}`
      if (next === null || chains.has(next)) continue
      chains.set(next, [...chain, next])
      if (!next.startsWith('module:')) queue.push(next)
    }
  }
  return chains
}

/** True for Node's own modules, with or without the `node:` prefix (`fs`, `node:fs/promises`). */
export function isNodeBuiltin(target: string, builtins: readonly string[]): boolean {
  if (target.startsWith('node:')) return true
  const [base = target] = target.split('/')
  return builtins.includes(target) || builtins.includes(base)
}

/** A package or one of its subpaths: `electron` matches `electron` and `electron/main`, not `electron-store`. */
export function isPackage(target: string, name: string): boolean {
  return target === name || target.startsWith(`${name}/`)
}

export function under(target: string, folder: string): boolean {
  return target === folder || target.startsWith(`${folder}/`)
}

/**
 * Groups of files that import each other at run time, directly or round a loop (type-only imports
 * excluded: they load nothing). A loop means load order decides which module sees the other half-built.
 * Tarjan's strongly connected components: linear in files plus imports.
 */
export function importCycles(files: ReadonlyMap<string, string>): string[][] {
  const edges = new Map<string, string[]>()
  for (const [file, text] of files) {
    edges.set(
      file,
      importsOf(file, text).flatMap((ref) => {
        if (ref.typeOnly || !ref.specifier.startsWith('.')) return []
        const next = sourceFor(resolveSpecifier(file, ref.specifier), files)
        return next ? [next] : []
      }),
    )
  }
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const connect = (file: string): void => {
    index.set(file, index.size)
    low.set(file, index.get(file) as number)
    stack.push(file)
    onStack.add(file)
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        connect(next)
        low.set(file, Math.min(low.get(file) as number, low.get(next) as number))
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file) as number, index.get(next) as number))
      }
    }
    if (low.get(file) !== index.get(file)) return
    const group: string[] = []
    let member: string | undefined
    do {
      member = stack.pop() as string
      onStack.delete(member)
      group.push(member)
    } while (member !== file)
    if (group.length > 1 || (edges.get(file) ?? []).includes(file)) cycles.push(group.sort())
  }
  for (const file of files.keys()) if (!index.has(file)) connect(file)
  return cycles
}
