import { attempt, observedError, pathsFor, tryReadText, tryStat } from '../../core/host/helpers.js'
import type { Evidence, Host, Msg } from '../../core/types.js'
import { commandOf, runTool } from '../../core/host/toolkit.js'
import { findFido2Entries } from './crypttab.parse.js'
import { t } from './hardware.messages.js'
import type { KeyUseKind } from './hardware.verdict.js'
import { argValue, moduleBaseName, parsePamFile, type PamInclude, type PamModuleLine } from './pam.parse.js'
import { scanPublicKeys, type PublicKeyScan } from './ssh-keys.parse.js'

/** Where this computer uses a security key, and settings that defeat it. */
export interface KeyUsage {
  uses: Msg[]
  /** The same uses by kind. */
  enrolled: KeyUseKind[]
  failures: Msg[]
  evidence: Evidence[]
  /** pam_u2f key lists others can change: a permission fix can close these. */
  loosePaths?: string[]
}

export const PAM_DIR = '/etc/pam.d'
export const CRYPTTAB = '/etc/crypttab'
const MAX_CONFIG_BYTES = 1024 * 1024
/** Key files read from ~/.ssh: a folder of 30,000 of them once took 2 GB and the whole time limit. The rest are counted. */
export const MAX_SSH_FILES = 256

const none = (): KeyUsage => ({ uses: [], enrolled: [], failures: [], evidence: [] })

function merge(parts: readonly KeyUsage[]): KeyUsage {
  return {
    uses: parts.flatMap((p) => p.uses),
    enrolled: parts.flatMap((p) => p.enrolled),
    failures: parts.flatMap((p) => p.failures),
    evidence: parts.flatMap((p) => p.evidence),
    loosePaths: parts.flatMap((p) => p.loosePaths ?? []),
  }
}

function userName(host: Host): string {
  return host.env.USER ?? host.env.LOGNAME ?? host.env.USERNAME ?? pathsFor(host.platform).basename(host.home)
}

/** pam_u2f's own rule: authfile= if given (relative to the home directory), else $XDG_CONFIG_HOME or ~/.config. */
export function authfileFor(host: Host, args: readonly string[]): string {
  const paths = pathsFor(host.platform)
  const given = argValue(args, 'authfile')
  if (given) return paths.isAbsolute(given) ? given : paths.join(host.home, given)
  const config = host.env.XDG_CONFIG_HOME || paths.join(host.home, '.config')
  return paths.join(config, 'Yubico', 'u2f_keys')
}

interface PamU2fLine extends PamModuleLine {
  file: string
}

/** Services that reach pam_u2f directly or through @include/include/substack chains. */
function servicesUsing(direct: ReadonlySet<string>, includes: ReadonlyMap<string, string[]>): string[] {
  const using = new Set(direct)
  for (let grew = true; grew;) {
    grew = false
    for (const [service, targets] of includes) {
      if (!using.has(service) && targets.some((target) => using.has(target))) {
        using.add(service)
        grew = true
      }
    }
  }
  return [...using].sort()
}

/** Reads one authfile: is this user enrolled, and can anyone else rewrite it? */
async function checkAuthfile(host: Host, path: string): Promise<{ enrolled: boolean; failures: Msg[]; evidence: Evidence }> {
  const st = await tryStat(host, path)
  if (!st.ok) {
    const missing = st.reason.code === 'not_found'
    // A central authfile readable only by root is the recommended setup: configured, just not confirmable.
    // Any other failure (a symlink loop, an I/O error) is a file pam_u2f cannot read either.
    return {
      enrolled: st.reason.code === 'permission_denied',
      failures: [],
      evidence: {
        label: missing ? t('evAuthfileMissing') : t('evAuthfileUnreadable'),
        source: path,
        observed: observedError(st.reason.code),
      },
    }
  }
  const mode = st.value.mode
  const modeText = mode.toString(8).padStart(4, '0')
  const writableByOthers = (mode & 0o022) !== 0
  const failures = writableByOthers ? [t('failAuthfile', { path, mode: modeText })] : []
  const read = await tryReadText(host, path, { maxBytes: MAX_CONFIG_BYTES })
  if (!read.ok) {
    const enrolled = read.reason.code === 'permission_denied'
    return {
      enrolled,
      failures,
      evidence: {
        label: t('evAuthfileUnreadable'),
        source: path,
        observed: t('obsModeError', { mode: modeText, error: observedError(read.reason.code) }),
      },
    }
  }
  const user = userName(host)
  const entry = read.value.split(/\r?\n/).find((l) => l.startsWith(`${user}:`))
  const keys = entry ? entry.split(':').length - 1 : 0
  return {
    enrolled: keys > 0,
    failures,
    evidence: {
      label: t('evAuthfile'),
      source: path,
      observed: keys > 0 ? t('obsAuthfileKeys', { mode: modeText, count: keys, user }) : t('obsAuthfileNoEntry', { mode: modeText, user }),
      expected: t('expectedAuthfileMode'),
    },
  }
}

async function pamUsage(host: Host): Promise<KeyUsage> {
  const listing = await attempt(PAM_DIR, () => host.readDir(PAM_DIR))
  if (!listing.ok) {
    if (listing.reason.code === 'not_found') return none()
    return { ...none(), evidence: [{ label: t('evPamUnreadable'), source: PAM_DIR, observed: observedError(listing.reason.code) }] }
  }
  const files = listing.value.filter((e) => e.kind !== 'dir').map((e) => e.name)
  const reads = await Promise.all(
    files.map(async (name) => ({ name, read: await tryReadText(host, `${PAM_DIR}/${name}`, { maxBytes: MAX_CONFIG_BYTES }) })),
  )
  const u2fLines: PamU2fLine[] = []
  const includes = new Map<string, PamInclude[]>()
  const evidence: Evidence[] = []
  for (const { name, read } of reads) {
    const file = `${PAM_DIR}/${name}`
    if (!read.ok) {
      evidence.push({ label: t('evPamUnreadable'), source: file, observed: observedError(read.reason.code) })
      continue
    }
    const parsed = parsePamFile(read.value)
    for (const m of parsed.modules) if (moduleBaseName(m.module) === 'pam_u2f.so') u2fLines.push({ ...m, file })
    includes.set(name, parsed.includes)
  }
  if (u2fLines.length === 0) return { ...none(), evidence }
  const direct = new Set(u2fLines.map((l) => moduleBaseName(l.file)))
  const targets = new Map([...includes].map(([name, list]) => [name, list.map((i) => moduleBaseName(i.target))]))
  const services = servicesUsing(direct, targets)
  // Only the includes that lead to pam_u2f are worth a reader's attention.
  for (const service of services) {
    for (const i of includes.get(service) ?? []) {
      if (services.includes(moduleBaseName(i.target))) {
        evidence.push({ label: t('evPamInclude'), source: `${PAM_DIR}/${service}:${i.line}`, observed: `${i.via} ${i.target}` })
      }
    }
  }
  const failures: Msg[] = []
  for (const l of u2fLines) {
    evidence.push({ label: t('evPamU2f'), source: `${l.file}:${l.line}`, observed: l.text })
    if (l.args.includes('alwaysok')) failures.push(t('failAlwaysOk', { file: l.file, line: l.line }))
  }
  const authfiles = [...new Set(u2fLines.map((l) => authfileFor(host, l.args)))]
  const checked = await Promise.all(authfiles.map((p) => checkAuthfile(host, p)))
  evidence.push(...checked.map((c) => c.evidence))
  failures.push(...checked.flatMap((c) => c.failures))
  const enrolled = checked.some((c) => c.enrolled)
  const loosePaths = authfiles.filter((_, i) => (checked[i]?.failures.length ?? 0) > 0)
  return {
    uses: enrolled ? [t('usePam', { services: services.join(', ') })] : [],
    enrolled: enrolled ? ['pam'] : [],
    failures,
    evidence,
    loosePaths,
  }
}

async function crypttabUsage(host: Host): Promise<KeyUsage> {
  const read = await tryReadText(host, CRYPTTAB, { maxBytes: MAX_CONFIG_BYTES })
  if (!read.ok) {
    return { ...none(), evidence: [{ label: t('evCrypttab'), source: CRYPTTAB, observed: observedError(read.reason.code) }] }
  }
  const entries = findFido2Entries(read.value)
  if (entries.length === 0) return { ...none(), evidence: [{ label: t('evCrypttab'), source: CRYPTTAB, observed: t('obsNoFido2Option') }] }
  return {
    uses: [t('useCrypttab', { volumes: entries.map((e) => e.name).join(', ') })],
    enrolled: ['crypttab'],
    failures: [],
    evidence: entries.map((e) => ({
      label: t('evCrypttab'),
      source: `${CRYPTTAB}:${e.line}`,
      observed: `${e.name} ${e.device} fido2-device=${e.fido2Device}`,
    })),
  }
}

interface SshFindings {
  evidence: Evidence[]
  /** Fingerprints of sk- keys: the same key is often in ~/.ssh, authorized_keys and the agent. */
  skKeys: string[]
}

function skFindings(source: string, scan: PublicKeyScan): SshFindings {
  const sk = scan.keys.filter((k) => k.hardwareBacked)
  return {
    evidence: sk.map((k) => ({ label: t('evSshKey'), source: `${source}:${k.line}`, observed: `${k.type} ${k.comment}`.trim() })),
    skKeys: sk.map((k) => k.fingerprint),
  }
}

function combine(parts: readonly SshFindings[]): SshFindings {
  return { evidence: parts.flatMap((p) => p.evidence), skKeys: parts.flatMap((p) => p.skKeys) }
}

const sshNote = (source: string, label: Msg, observed: Msg): SshFindings => ({ evidence: [{ label, source, observed }], skKeys: [] })

async function sshFiles(host: Host): Promise<SshFindings> {
  const paths = pathsFor(host.platform)
  const dir = paths.join(host.home, '.ssh')
  const listing = await attempt(dir, () => host.readDir(dir))
  if (!listing.ok)
    return listing.reason.code === 'not_found' ? combine([]) : sshNote(dir, t('evSshUnreadable'), observedError(listing.reason.code))
  const names = listing.value
    .filter((e) => e.kind !== 'dir' && (e.name.endsWith('.pub') || e.name === 'authorized_keys'))
    .map((e) => e.name)
    // authorized_keys first, then by name: the same files are read on every scan.
    .sort((a, b) => (a === 'authorized_keys' ? -1 : b === 'authorized_keys' ? 1 : a < b ? -1 : a > b ? 1 : 0))
  const skipped = names.length - MAX_SSH_FILES
  const found = await Promise.all(
    names.slice(0, MAX_SSH_FILES).map(async (name) => {
      const path = paths.join(dir, name)
      const read = await tryReadText(host, path, { maxBytes: MAX_CONFIG_BYTES })
      return read.ok ? skFindings(path, scanPublicKeys(read.value)) : sshNote(path, t('evSshUnreadable'), observedError(read.reason.code))
    }),
  )
  // First, so the report's own cap on evidence never hides it.
  const notRead = skipped > 0 ? [sshNote(dir, t('evSshNotRead'), t('obsSshNotRead', { count: skipped, limit: MAX_SSH_FILES }))] : []
  return combine([...notRead, ...found])
}

/** ssh-add exits 1 for "no identities" and 2 for "no agent": both are answers, not errors. */
async function sshAgent(host: Host, signal: AbortSignal): Promise<SshFindings> {
  const run = await runTool(host, 'ssh-add', ['-L'], {
    timeoutMs: 1500,
    maxBytes: MAX_CONFIG_BYTES,
    signal,
    acceptExit: (c) => c === 1 || c === 2,
  })
  if (!run.ok) return sshNote(commandOf(run), t('evSshAgent'), run.reason.code === 'not_found' ? t('obsSshAddMissing') : run.reason.seen)
  const { code, stdout } = run.value
  if (code === 2) return sshNote(commandOf(run), t('evSshAgent'), t('obsNoAgent'))
  if (code === 1) return sshNote(commandOf(run), t('evSshAgent'), t('obsAgentEmpty'))
  const scan = scanPublicKeys(stdout)
  const sk = skFindings(commandOf(run), scan)
  return combine([sshNote(commandOf(run), t('evSshAgent'), t('obsAgentKeys', { count: scan.keys.length, sk: sk.skKeys.length })), sk])
}

/** Reasons for an unreadable source are in the evidence; a missing source simply means "not used there". */
export async function findKeyUsage(host: Host, signal: AbortSignal): Promise<KeyUsage> {
  const posix = host.platform !== 'win32'
  const [pam, crypttab, files, agent] = await Promise.all([
    posix ? pamUsage(host) : none(),
    host.platform === 'linux' ? crypttabUsage(host) : none(),
    sshFiles(host),
    sshAgent(host, signal),
  ])
  const ssh = combine([files, agent])
  const distinct = new Set(ssh.skKeys).size
  const sshUse: KeyUsage = {
    uses: distinct > 0 ? [t('useSsh', { count: distinct })] : [],
    enrolled: distinct > 0 ? ['ssh'] : [],
    failures: [],
    evidence: ssh.evidence,
  }
  return merge([pam, crypttab, sshUse])
}
