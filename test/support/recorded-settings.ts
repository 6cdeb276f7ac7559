/**
 * A Windows registry and a macOS `defaults` store for fix tests on Linux, seeded from recorded `reg query` and
 * `defaults export` output and answering `reg query/add/delete` and `defaults read/read-type/write/delete/export`
 * in the exact layout those tools print (the layout of the recordings: CRLF and four-space columns for reg, one
 * value and a newline for `defaults read`, an XML plist for `defaults export`). The same machine answers the
 * fixture Host (the check and the planner read through it) and the writer's runner, which records every argv.
 */
import { parseRegQuery } from '../../checks/core/host/reg-query.parse.js'
import { isPlistDict, parsePlist } from '../../checks/readers/macos/plist.parse.js'
import type { SettingRunner } from '../../src-main/node/fix/writer.js'
import type { FixtureCommand } from './fixture-host.js'

type Answer = { code: number; stdout: string; stderr: string }
const answer = (stdout: string, code = 0, stderr = ''): Answer => ({ code, stdout, stderr })

const NOT_FOUND = answer('', 1, 'ERROR: The system was unable to find the specified registry key or value.\r\n')
const HIVES: Readonly<Record<string, string>> = { HKCU: 'HKEY_CURRENT_USER', HKLM: 'HKEY_LOCAL_MACHINE' }
const fullKey = (key: string): string => key.replace(/^(HKCU|HKLM)(?=\\)/, (h) => HIVES[h] ?? h)

interface RegEntry {
  name: string
  type: string
  raw: string
}

export class RecordedRegistry {
  /** Key (as reg prints it, lower-cased) → its values in the order reg lists them. */
  private readonly keys = new Map<string, { path: string; values: RegEntry[] }>()

  /** Seeds the keys and values of recorded `reg query <key> /s` output. */
  load(recorded: string): this {
    for (const key of parseRegQuery(recorded)) {
      this.keys.set(key.path.toLowerCase(), { path: key.path, values: key.values.map(({ name, type, raw }) => ({ name, type, raw })) })
    }
    return this
  }

  /** What `reg query <key> [/s]` prints, or its "unable to find" for a key that does not exist. */
  print(key: string, only?: string): Answer {
    const found = this.keys.get(fullKey(key).toLowerCase())
    if (!found) return NOT_FOUND
    const values = only === undefined ? found.values : found.values.filter((v) => v.name.toLowerCase() === only.toLowerCase())
    if (values.length === 0) return NOT_FOUND
    return answer(`\r\n${found.path}\r\n${values.map((v) => `    ${v.name}    ${v.type}    ${v.raw}\r\n`).join('')}\r\n`)
  }

  run(args: readonly string[]): Answer {
    const [verb, key = '', ...rest] = args
    const flag = (f: string): string | undefined => {
      const i = rest.indexOf(f)
      return i >= 0 ? rest[i + 1] : undefined
    }
    const name = flag('/v')
    if (verb === 'query') return this.print(key, name)
    if (name === undefined || !rest.includes('/f')) return answer('', 1, 'ERROR: Invalid syntax.\r\n')
    const full = fullKey(key)
    if (verb === 'add') {
      const type = flag('/t') ?? 'REG_SZ'
      const raw = flag('/d') ?? ''
      const entry = this.keys.get(full.toLowerCase()) ?? { path: full, values: [] }
      this.keys.set(full.toLowerCase(), entry)
      const at = entry.values.findIndex((v) => v.name.toLowerCase() === name.toLowerCase())
      // reg prints a DWORD in hex whatever form /d gave it.
      const printed = type === 'REG_DWORD' ? `0x${Number(raw).toString(16)}` : raw
      if (at >= 0) entry.values[at] = { name: entry.values[at]!.name, type, raw: printed }
      else entry.values.push({ name, type, raw: printed })
      return answer('The operation completed successfully.\r\n')
    }
    if (verb === 'delete') {
      const entry = this.keys.get(full.toLowerCase())
      const at = entry?.values.findIndex((v) => v.name.toLowerCase() === name.toLowerCase()) ?? -1
      if (!entry || at < 0) return NOT_FOUND
      entry.values.splice(at, 1)
      return answer('The operation completed successfully.\r\n')
    }
    return answer('', 1, 'ERROR: Invalid syntax.\r\n')
  }
}

type DefaultsType = 'boolean' | 'integer' | 'string'
interface DefaultsEntry {
  type: DefaultsType
  /** As `defaults read` prints it: 1 or 0 for a boolean. */
  value: string
}

const PLIST_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n'

export class RecordedDefaults {
  /** `-currentHost` domains apart from the others, as defaults keeps them (ByHost files). */
  private readonly domains = new Map<string, Map<string, DefaultsEntry>>()

  private domain(name: string, currentHost: boolean, create = false): Map<string, DefaultsEntry> | undefined {
    const id = `${currentHost ? 'host:' : ''}${name}`
    if (create && !this.domains.has(id)) this.domains.set(id, new Map())
    return this.domains.get(id)
  }

  /** Seeds a domain from a recorded `defaults export <domain> -` plist. */
  load(domain: string, recordedPlist: string): this {
    const parsed = parsePlist(recordedPlist)
    if (!parsed.ok || !isPlistDict(parsed.value)) throw new Error(`not a plist dictionary: ${domain}`)
    for (const [key, value] of Object.entries(parsed.value)) {
      if (typeof value === 'boolean') this.set(domain, false, key, { type: 'boolean', value: value ? '1' : '0' })
      else if (typeof value === 'number') this.set(domain, false, key, { type: 'integer', value: String(value) })
      else if (typeof value === 'string') this.set(domain, false, key, { type: 'string', value })
    }
    return this
  }

  set(domain: string, currentHost: boolean, key: string, entry: DefaultsEntry): this {
    this.domain(domain, currentHost, true)!.set(key, entry)
    return this
  }

  /** What `defaults export <domain> -` prints: the domain as an XML plist, keys in the order they were written. */
  export(domain: string): Answer {
    const d = this.domain(domain, false)
    if (!d) return answer('', 1, `Domain ${domain} does not exist\n`)
    const xml = [...d].map(([key, e]) => {
      const value =
        e.type === 'boolean'
          ? e.value === '1'
            ? '<true/>'
            : '<false/>'
          : e.type === 'integer'
            ? `<integer>${e.value}</integer>`
            : `<string>${e.value}</string>`
      return `\t<key>${key}</key>\n\t${value}\n`
    })
    return answer(`${PLIST_HEAD}${xml.join('')}</dict>\n</plist>\n`)
  }

  run(all: readonly string[]): Answer {
    const currentHost = all[0] === '-currentHost'
    const [verb, domain = '', key = '', type, value = ''] = currentHost ? all.slice(1) : all
    if (verb === 'export') return this.export(domain)
    const d = this.domain(domain, currentHost, verb === 'write')
    const entry = d?.get(key)
    const missing = answer(
      '',
      1,
      `2026-12-07 10:00:00.000 defaults[811:5523] \nThe domain/default pair of (${domain}, ${key}) does not exist\n`,
    )
    if (verb === 'read') return entry ? answer(`${entry.value}\n`) : missing
    if (verb === 'read-type') return entry ? answer(`Type is ${entry.type}\n`) : missing
    if (verb === 'delete') {
      if (!entry) return missing
      d!.delete(key)
      return answer('')
    }
    if (verb === 'write' && d) {
      if (type === '-bool') d.set(key, { type: 'boolean', value: value === 'true' || value === 'YES' ? '1' : '0' })
      else if (type === '-int') d.set(key, { type: 'integer', value })
      else if (type === '-string') d.set(key, { type: 'string', value })
      else return answer('', 1, 'Unexpected argument\n')
      return answer('')
    }
    return answer('', 1, "Command line interface to a user's defaults.\n")
  }
}

/** One machine behind both the fixture Host and the writer: the argv the writer ran, in order, in `ran`. */
export function recordedMachine(static_: Record<string, FixtureCommand>) {
  const registry = new RecordedRegistry()
  const defaults = new RecordedDefaults()
  const ran: string[][] = []
  const respond = (file: string, args: readonly string[]): Answer | undefined =>
    file === 'reg' ? registry.run(args) : file === 'defaults' ? defaults.run(args) : undefined
  // The Host looks a command line up by its text: reg and defaults lines go to the machine, the rest to the recordings.
  const commands = new Proxy(static_, {
    get(target, line: string) {
      if (typeof line !== 'string') return undefined
      const [file = '', ...args] = line.split(' ')
      if (file !== 'reg' && file !== 'defaults') return target[line]
      // Keys and domains hold spaces: the Host's line is split back by the commands' own shapes.
      return () => respond(file, splitLine(file, line.slice(file.length + 1))) ?? { code: 127, stderr: `${file}: ${args.join(' ')}` }
    },
  })
  const run: SettingRunner = async (file, args) => {
    ran.push([file, ...args])
    return respond(file, args) ?? { code: 127, stdout: '', stderr: `${file}: not recorded` }
  }
  return { registry, defaults, commands, run, ran }
}

/**
 * The argv of a reg or defaults line the Host joined with spaces: reg's key runs to its first ` /` switch;
 * defaults' domain is one word except the /Library/Application Support paths the checks export.
 */
function splitLine(file: string, rest: string): string[] {
  if (file === 'reg') {
    const [verb = '', ...tail] = rest.split(' ')
    const joined = tail.join(' ')
    const at = joined.search(/ \/[a-z]\b/i)
    const key = at >= 0 ? joined.slice(0, at) : joined
    const switches = at >= 0 ? joined.slice(at + 1).split(' ') : []
    return [verb, key, ...switches]
  }
  const words = rest.split(' ')
  const host = words[0] === '-currentHost' ? [words.shift()!] : []
  const verb = words.shift() ?? ''
  if (verb === 'export') return [...host, verb, words.slice(0, -1).join(' '), words.at(-1) ?? '']
  return [...host, verb, ...words]
}
