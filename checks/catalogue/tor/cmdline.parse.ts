/**
 * Reads what matters from a running tor's command line. Pure: no I/O.
 *
 * Tor Browser starts tor like (TorProcess.sys.mjs):
 *   tor --defaults-torrc <dir>/torrc-defaults -f <dir>/torrc DataDirectory <dir> …
 *       +__ControlPort 127.0.0.1:9151 +__SocksPort "127.0.0.1:9150 IPv6Traffic PreferIPv6 KeepAliveIsolateSOCKSAuth"
 *       __OwningControllerProcess 4242
 * The process list (systeminformation) gives Windows command lines with their quotes, but on Linux and
 * macOS it joins argv with spaces, so a path with spaces arrives split: `pathCandidates` offers each
 * plausible rejoin and the caller keeps the one that exists.
 */
import type { ProcessInfo } from '../../core/host/host.js'
import type { Platform } from '../../core/types.js'

/** Splits a command line into arguments, honouring double quotes (Windows style: `\"` is a quote). */
export function splitCommandLine(line: string): string[] {
  const out: string[] = []
  let current = ''
  let inQuotes = false
  let any = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string
    if (c === '\\' && line[i + 1] === '"') {
      current += '"'
      i += 1
      any = true
    } else if (c === '"') {
      inQuotes = !inQuotes
      any = true
    } else if (/\s/.test(c) && !inQuotes) {
      if (any) out.push(current)
      current = ''
      any = false
    } else {
      current += c
      any = true
    }
  }
  if (any) out.push(current)
  return out
}

export interface TorArgs {
  /** Candidate paths for `-f` (more than one when spaces made the split ambiguous); empty when not given. */
  torrc: string[]
  defaultsTorrc: string[]
  /** Raw values of SocksPort / ControlPort options on the command line (`+__SocksPort 127.0.0.1:9150`). */
  socksPorts: string[]
  controlPorts: string[]
  /**
   * Every `Option value` pair in order, lower-cased keys, ports included. tor lets a command-line
   * option replace the torrc's lines of that option, or add to them when written `+Option`.
   */
  options: { key: string; value: string; append: boolean }[]
  /** Started by a controller that owns it: Tor Browser (or another app embedding tor). */
  owned: boolean
}

/** tor option names on the command line: `--Opt`, `-Opt`, `+Opt`, `/Opt`, hidden `__Opt`. */
const OPTION = /^(?:--?|\+|\/)?(?:__)?([A-Za-z][A-Za-z0-9_]*)$/

/** tor's port flags (tor.1 "SocksPort"), which follow the address when argv was joined with spaces. */
const PORT_FLAG =
  /^(?:No)?(?:IPv4Traffic|IPv6Traffic|PreferIPv6|DNSRequest|OnionTraffic|OnionTrafficOnly|CacheIPv4DNS|CacheIPv6DNS|CacheDNS|UseIPv4Cache|UseIPv6Cache|UseDNSCache|PreferIPv6Automap|PreferSOCKSNoAuth|KeepAliveIsolateSOCKSAuth|Isolate[A-Za-z]+|SessionGroup=\d+|ExtendedErrors|GroupWritable|WorldWritable|RelaxDirModeCheck|AllAddrs|IPv4Only|IPv6Only|Advertise|Listen)$/i

/** tor's own switches that take no value (tor.1 "COMMAND-LINE OPTIONS"): the next word is not theirs. */
const SWITCHES = new Set([
  'hush',
  'quiet',
  'h',
  'help',
  'version',
  'list-torrc-options',
  'verify-config',
  'allow-missing-torrc',
  'ignore-missing-torrc',
])

/** The value after argument `index`, and rejoined variants when a path may have been split at spaces. */
export function pathCandidates(tokens: readonly string[], index: number, quoted: boolean): string[] {
  const first = tokens[index]
  if (first === undefined) return []
  if (quoted) return [first]
  const out = [first]
  let joined = first
  for (let i = index + 1; i < tokens.length && i < index + 8; i++) {
    const next = tokens[i] as string
    if (next.startsWith('-') || next.startsWith('+') || /^__[A-Za-z]/.test(next)) break
    joined += ` ${next}`
    out.push(joined)
  }
  // Longest first: a rejoined path that exists is the real one.
  return out.reverse()
}

export function parseTorArgs(tokens: readonly string[], quoted: boolean): TorArgs {
  const args: TorArgs = { torrc: [], defaultsTorrc: [], socksPorts: [], controlPorts: [], options: [], owned: false }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string
    if (token === '-f' || token === '--torrc-file') {
      args.torrc = pathCandidates(tokens, i + 1, quoted)
      i += 1
      continue
    }
    if (token === '--defaults-torrc') {
      args.defaultsTorrc = pathCandidates(tokens, i + 1, quoted)
      i += 1
      continue
    }
    const m = OPTION.exec(token)
    const value = tokens[i + 1]
    if (!m || value === undefined || SWITCHES.has(token.replace(/^-+/, '').toLowerCase())) continue
    const key = (m[1] ?? '').toLowerCase()
    if (key === 'owningcontrollerprocess') args.owned = true
    if (key === 'socksport') args.socksPorts.push(value)
    if (key === 'controlport') args.controlPorts.push(value)
    args.options.push({ key, value, append: token.startsWith('+') })
    i += 1
    // Flags after a port (`127.0.0.1:9150 IPv6Traffic …`) arrive as separate words unless quoted.
    while (!quoted && i + 1 < tokens.length && PORT_FLAG.test(tokens[i + 1] as string)) i += 1
  }
  return args
}

export interface TorProcess {
  pid: number
  /** The executable as listed (path when known). */
  executable: string
  commandLine: string
  args: TorArgs
  /** Tor Browser's own tor: owned by a controller, or living inside a Tor Browser folder. */
  torBrowser: boolean
}

const TOR_NAMES = new Set(['tor', 'tor.exe'])

function baseName(p: string): string {
  return (p.split(/[\\/]/).pop() ?? p).toLowerCase()
}

/** Picks tor processes out of the process list and reads their arguments. */
export function torProcesses(list: readonly ProcessInfo[], platform: Platform): TorProcess[] {
  const out: TorProcess[] = []
  for (const p of list) {
    const params = p.params.trim()
    // Windows: `command` is the whole quoted command line; elsewhere `command` + `params`.
    const quoted = params === '' && p.command.includes('"')
    const tokens = params === '' ? splitCommandLine(p.command) : [p.command, ...splitCommandLine(params)]
    const exeToken = tokens[0] ?? p.command
    if (!TOR_NAMES.has(p.name.toLowerCase()) && !TOR_NAMES.has(baseName(exeToken))) continue
    const sep = platform === 'win32' ? '\\' : '/'
    // `path` is the folder on Linux/macOS and the full executable on Windows.
    const exeName = exeToken.split(/[\\/]/).pop() ?? exeToken
    const pathName = p.path.split(/[\\/]/).pop() ?? ''
    const isExe = platform === 'win32' ? pathName.toLowerCase() === exeName.toLowerCase() : pathName === exeName
    const executable = p.path === '' ? exeToken : isExe ? p.path : `${p.path}${sep}${exeName}`
    const args = parseTorArgs(tokens.slice(1), quoted || platform === 'win32')
    const commandLine = params === '' ? p.command : `${executable} ${params}`
    const torBrowser = args.owned || /tor ?browser/i.test(commandLine)
    out.push({ pid: p.pid, executable, commandLine, args, torBrowser })
  }
  return out
}
