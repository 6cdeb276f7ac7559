/**
 * A unified diff small enough to read and cheap enough for any file: the common head and tail are trimmed
 * (linear), and what lies between is shown as one hunk of removed then added lines with a little context.
 * It is exact (applying it gives the new text), though not minimal when changes are far apart; long hunks are
 * cut, saying how many lines were left out.
 */

const CONTEXT = 3

export interface DiffOptions {
  /** Lines of the hunk shown at most; the rest is counted. */
  maxLines?: number
}

/** A file's lines; a final newline ends the last line rather than starting an empty one. */
function linesOf(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

const range = (start: number, count: number): string => (count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`)

/** `old` null: the file does not exist yet. Returns no lines when the texts are equal. */
export function unifiedDiff(oldText: string | null, newText: string, path: string, options: DiffOptions = {}): string[] {
  const maxLines = options.maxLines ?? 200
  if (oldText === newText) return []
  const a = linesOf(oldText ?? '')
  const b = linesOf(newText)
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const before = Math.max(0, head - CONTEXT)
  const afterA = Math.min(a.length, a.length - tail + CONTEXT)
  const afterB = Math.min(b.length, b.length - tail + CONTEXT)
  const body = [
    ...a.slice(before, head).map((l) => ` ${l}`),
    ...a.slice(head, a.length - tail).map((l) => `-${l}`),
    ...b.slice(head, b.length - tail).map((l) => `+${l}`),
    ...a.slice(a.length - tail, afterA).map((l) => ` ${l}`),
  ]
  const shown = body.length > maxLines ? [...body.slice(0, maxLines), `… ${body.length - maxLines} more lines`] : body
  const aCount = afterA - before
  const bCount = afterB - before
  return [
    `--- ${oldText === null ? '/dev/null' : `a${path.startsWith('/') ? '' : '/'}${path}`}`,
    `+++ b${path.startsWith('/') ? '' : '/'}${path}`,
    `@@ -${range(before + 1, aCount)} +${range(before + 1, bCount)} @@`,
    ...shown,
  ]
}
