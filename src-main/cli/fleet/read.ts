import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { failed, ok, type Result } from '../../../checks/core/host/result.js'
import type { Msg } from '../../../checks/core/i18n/message.js'
import { fleetInputSchema, type FleetInput } from './schema.js'
import { t } from './messages.js'

/** A report is tens of KB; anything past this is not one, and is not read into memory. */
export const MAX_REPORT_BYTES = 8 * 1024 * 1024

export interface ReadReport {
  path: string
  /** The name the machine goes by in the fleet report. */
  host: string
  report: Result<FleetInput, Msg>
}

/** How deep a folder of reports is read: Ansible's fetch writes <host>/<report>.json, a collector may add a level. */
const MAX_DEPTH = 3

const withoutJson = (name: string): string => (name.toLowerCase().endsWith('.json') ? name.slice(0, -5) : name)

/**
 * The files to read, each with the name its machine goes by: a file as given (its name without .json), each
 * *.json of a folder and its subfolders in name order (its path inside the folder without .json, so Ansible's
 * web1/root.json and web1/user.json are the machine web1 scanned as root and as its user).
 */
async function* expand(inputs: readonly string[]): AsyncGenerator<{ path: string; host: string }> {
  async function* walk(folder: string, prefix: string, depth: number): AsyncGenerator<{ path: string; host: string }> {
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH) yield* walk(path, `${prefix}${entry.name}/`, depth + 1)
      } else if (entry.name.toLowerCase().endsWith('.json')) {
        yield { path, host: prefix + withoutJson(entry.name) }
      }
    }
  }
  for (const input of inputs) {
    const isFolder = await stat(input).then(
      (s) => s.isDirectory(),
      () => false,
    )
    if (isFolder) yield* walk(input, '', 1)
    else yield { path: input, host: withoutJson(basename(input)) }
  }
}

/**
 * Synchronous on purpose: one small file at a time, and the thread pool's round trips (open, stat, read, close)
 * would cost more than the reading itself over thousands of reports.
 */
function readCapped(path: string): Result<string, Msg> {
  let fd: number
  try {
    // O_NONBLOCK: a named pipe among the reports must not hang the merge; it is refused as not a file.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (e) {
    return failed(t('unreadable', { reason: (e as NodeJS.ErrnoException).code ?? String(e) }))
  }
  try {
    const info = fstatSync(fd)
    if (!info.isFile()) return failed(t('notAFile'))
    if (info.size > MAX_REPORT_BYTES) return failed(t('tooBig', { mb: MAX_REPORT_BYTES / 1024 / 1024 }))
    const buffer = Buffer.alloc(info.size)
    let read = 0
    while (read < info.size) {
      const n = readSync(fd, buffer, read, info.size - read, read)
      if (n === 0) break
      read += n
    }
    return ok(buffer.subarray(0, read).toString('utf8'))
  } catch (e) {
    return failed(t('unreadable', { reason: (e as NodeJS.ErrnoException).code ?? String(e) }))
  } finally {
    closeSync(fd)
  }
}

/** Parses and validates one report's text: the problem, when there is one, names the first field that is wrong. */
export function parseReport(text: string): Result<FleetInput, Msg> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return failed(t('notJson'))
  }
  const parsed = fleetInputSchema.safeParse(json)
  if (parsed.success) return ok(parsed.data)
  const issue = parsed.error.issues[0]
  const where = issue?.path.map(String).join('.') ?? ''
  return failed(t('notReport', { problem: issue?.code ?? 'invalid', where: where === '' ? '/' : where }))
}

/** The reports, one at a time: only the one being merged is in memory, however many there are. */
export async function* readReports(inputs: readonly string[]): AsyncGenerator<ReadReport> {
  for await (const { path, host } of expand(inputs)) {
    const text = readCapped(path)
    yield { path, host, report: text.ok ? parseReport(text.value) : text }
  }
}
