/**
 * Parses one PAM configuration file (/etc/pam.d/<service>) as Linux-PAM and OpenPAM read it:
 * `type control module-path [args…]`, where control and args may be [bracketed with spaces],
 * `#` starts a comment, a trailing backslash continues a line, a leading `-` on the type means
 * "skip quietly if the module is missing", and Debian's `@include file` pulls in another file.
 * Pure: no I/O.
 */
export interface PamModuleLine {
  /** 1-based line number where the entry starts. */
  line: number
  type: string
  control: string
  module: string
  args: string[]
  /** The entry as written (continuations joined), for evidence. */
  text: string
}

export interface PamInclude {
  line: number
  /** `@include`, or the control word `include` / `substack` of a module line. */
  via: string
  target: string
}

export interface PamFile {
  modules: PamModuleLine[]
  includes: PamInclude[]
}

/** Splits on whitespace, keeping [bracketed … text] as one token with `\]` as a literal bracket. */
function tokenize(text: string): string[] {
  const tokens: string[] = []
  let i = 0
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] as string)) i++
    if (i >= text.length) break
    let token = ''
    if (text[i] === '[') {
      i++
      while (i < text.length && text[i] !== ']') {
        if (text[i] === '\\' && text[i + 1] === ']') i++
        token += text[i]
        i++
      }
      i++ // the closing bracket (or the end of an unterminated one)
      tokens.push(`[${token}]`)
      continue
    }
    while (i < text.length && !/\s/.test(text[i] as string)) token += text[i++]
    tokens.push(token)
  }
  return tokens
}

/** `[authfile=/a b]` → `authfile=/a b`: brackets only protect spaces from the tokenizer. */
function unbracket(token: string): string {
  return token.startsWith('[') && token.endsWith(']') ? token.slice(1, -1) : token
}

export function parsePamFile(content: string): PamFile {
  const modules: PamModuleLine[] = []
  const includes: PamInclude[] = []
  const physical = content.replace(/^\uFEFF/, '').split(/\r?\n/)
  for (let n = 0; n < physical.length; n++) {
    const start = n + 1
    let logical = physical[n] as string
    while (logical.endsWith('\\') && n + 1 < physical.length) logical = logical.slice(0, -1) + ' ' + (physical[++n] as string)
    const hash = logical.indexOf('#')
    const text = (hash >= 0 ? logical.slice(0, hash) : logical).trim()
    if (text === '') continue
    const tokens = tokenize(text)
    const [first, second, third, ...rest] = tokens as [string, string | undefined, string | undefined, ...string[]]
    if (first === '@include') {
      if (second) includes.push({ line: start, via: '@include', target: second })
      continue
    }
    if (second === undefined || third === undefined) continue
    const type = first.replace(/^-/, '')
    const control = second
    if (control === 'include' || control === 'substack') {
      includes.push({ line: start, via: control, target: third })
      continue
    }
    modules.push({ line: start, type, control, module: third, args: rest.map(unbracket), text })
  }
  return { modules, includes }
}

export function moduleBaseName(module: string): string {
  return module.slice(module.lastIndexOf('/') + 1)
}

/** The value of `name=value` among module arguments, or undefined when absent. */
export function argValue(args: readonly string[], name: string): string | undefined {
  const prefix = `${name}=`
  const found = args.find((a) => a.startsWith(prefix))
  return found === undefined ? undefined : found.slice(prefix.length)
}
