import { describeHostError, observedError, pathsFor, tryReadText } from '../../core/host/helpers.js'
import { isHostError, type Host } from '../../core/host/host.js'
import { failed, ok, runTool, type Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Evidence } from '../../core/types.js'
import { t } from './access.messages.js'
import {
  globMatch,
  hasGlob,
  loginOf,
  parseSshdConfigText,
  parseSshdT,
  resolveSshdConfig,
  type Directive,
  type SshdLogin,
  type SshdSettings,
} from './sshd-config.parse.js'

/** sshd's own limit on nested Include (READCONF_MAX_DEPTH in readconf.h). */
const MAX_DEPTH = 16
/** More files than any real configuration: a glob over a huge folder stops here. */
const MAX_FILES = 256
/** Per file; sshd_config is a few KiB. */
const MAX_BYTES = 1024 * 1024

type Failure = { reason: Msg }

/** Paths a glob pattern matches, component by component, sorted as glob(3) sorts them. */
async function expandGlob(host: Host, pattern: string): Promise<Result<string[], Failure>> {
  const paths = pathsFor(host.platform)
  const root = paths.parse(pattern).root
  const parts = pattern.slice(root.length).split(/[\\/]/).filter(Boolean)
  let found = [root]
  for (const part of parts) {
    if (!hasGlob(part)) {
      found = found.map((p) => paths.join(p, part))
      continue
    }
    const next: string[] = []
    for (const dir of found) {
      let entries
      try {
        entries = await host.readDir(dir)
      } catch (e) {
        if (isHostError(e, 'not_found')) continue
        return failed({ reason: t('unreadable', { source: dir, reason: describeHostError(e, dir) }) })
      }
      const names = entries.map((e) => e.name).filter((n) => globMatch(part, n))
      names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      for (const n of names) next.push(paths.join(dir, n))
      if (next.length > MAX_FILES) return failed({ reason: t('tooMany', { limit: String(MAX_FILES), file: pattern }) })
    }
    found = next
  }
  return ok(found)
}

/**
 * Reads sshd_config and every file it includes, in the order sshd reads them. A main file that does not
 * exist is `absent`; an unreadable or refused one is a failure naming the file.
 */
export async function readSshdConfig(
  host: Host,
  mainFile: string,
  sshDir: string,
): Promise<Result<{ directives: Directive[]; files: string[] } | 'absent', Failure>> {
  const paths = pathsFor(host.platform)
  const directives: Directive[] = []
  const files: string[] = []

  const readOne = async (file: string, depth: number, match: string | null, optional: boolean): Promise<Failure | undefined> => {
    if (depth > MAX_DEPTH) return { reason: t('tooDeep', { file, limit: String(MAX_DEPTH) }) }
    if (files.length >= MAX_FILES) return { reason: t('tooMany', { limit: String(MAX_FILES), file }) }
    const read = await tryReadText(host, file, { maxBytes: MAX_BYTES })
    if (!read.ok) {
      // sshd globs every Include, so a named file that is not there is skipped like a pattern matching nothing.
      if (optional && read.reason.code === 'not_found') return undefined
      return { reason: t('unreadable', { source: file, reason: describeHostError(read.reason, file) }) }
    }
    files.push(file)
    const lines = parseSshdConfigText(read.value)
    if (!lines.ok) return { reason: t('badConfig', { file, reason: lines.reason }) }
    // A Match block that starts in this file ends with it; the block the Include sits in carries on after.
    let current = match
    for (const line of lines.value) {
      if (line.keyword === 'match') {
        current = line.args.join(' ')
        directives.push({ ...line, file, match: current })
        continue
      }
      if (line.keyword === 'include') {
        for (const arg of line.args) {
          const pattern = paths.isAbsolute(arg) ? arg : paths.join(sshDir, arg)
          const expanded = hasGlob(pattern) ? await expandGlob(host, pattern) : ok([pattern])
          if (!expanded.ok) return expanded.reason
          for (const f of expanded.value) {
            const failure = await readOne(f, depth + 1, current, true)
            if (failure) return failure
          }
        }
        continue
      }
      directives.push({ ...line, file, match: current })
    }
    return undefined
  }

  const main = await tryReadText(host, mainFile, { maxBytes: MAX_BYTES })
  if (!main.ok && main.reason.code === 'not_found') return ok('absent')
  const failure = await readOne(mainFile, 0, null, false)
  return failure ? failed(failure) : ok({ directives, files })
}

/** What sshd's settings let people log in with, read as well as this user can, and the evidence behind it. */
export interface SshdReading {
  settings: SshdSettings
  login: SshdLogin
}

const valueSeen = (v: { value: string; source: string }): Evidence['observed'] =>
  v.source === 'default' ? t('seenDefault', { value: v.value }) : v.value

function settingsEvidence(s: SshdReading['settings'], evidence: Evidence[], fallbackSource: string): void {
  const row = (label: Msg, v: { value: string; source: string }): void => {
    evidence.push({ label, source: v.source === 'default' ? fallbackSource : v.source, observed: valueSeen(v) })
  }
  row(t('labelPasswordAuth'), s.passwordAuthentication)
  row(t('labelKbdInteractive'), s.kbdInteractiveAuthentication)
  row(t('labelUsePam'), s.usePam)
  row(t('labelRootLogin'), s.permitRootLogin)
  row(t('labelEmptyPasswords'), s.permitEmptyPasswords)
  if (s.authenticationMethods.value !== 'any') row(t('labelAuthMethods'), s.authenticationMethods)
  for (const l of s.listen.slice(0, 16)) {
    evidence.push({
      label: t('labelListen'),
      source: l.source === 'default' ? fallbackSource : l.source,
      observed: l.address.includes(':') ? `[${l.address}]:${l.port}` : `${l.address}:${l.port}`,
    })
  }
  for (const m of s.matches.slice(0, 16)) {
    evidence.push({
      label: t('labelMatch'),
      source: m.source,
      observed: t('seenMatch', { criteria: m.criteria.slice(0, 200), sets: m.sets.join(', ') }),
    })
  }
}

/** A Match block can turn passwords back on for the connections it matches: count it as password login. */
function withMatches(login: SshdLogin, s: SshdReading['settings']): SshdLogin {
  const sets = s.matches.flatMap((m) => m.sets)
  const password =
    login.password ||
    sets.includes('passwordauthentication yes') ||
    (s.usePam.value === 'yes' && sets.includes('kbdinteractiveauthentication yes'))
  return { ...login, password, rootPassword: login.rootPassword || (password && sets.includes('permitrootlogin yes')) }
}

/**
 * sshd's effective settings: `sshd -T` (and `-C` for root connecting from another machine, so Match
 * blocks are applied) where it runs — it needs root and the host keys — else sshd_config and its
 * includes read as sshd reads them. The reason `sshd -T` did not run is evidence either way.
 */
export async function readSshd(
  host: Host,
  sshd: string | null,
  mainFile: string,
  sshDir: string,
  evidence: Evidence[],
  signal?: AbortSignal,
): Promise<Result<SshdReading | 'absent', Msg>> {
  const files = await readSshdConfig(host, mainFile, sshDir)
  const fromFiles = files.ok && files.value !== 'absent' ? resolveSshdConfig(files.value.directives) : undefined
  // sshd -T, where it runs, is the authority even on a file Bulwark's reading refuses; the files add their Match blocks.
  const matches = fromFiles?.ok ? fromFiles.value.matches : []
  if (sshd) {
    const options = { timeoutMs: 5000, maxBytes: 1024 * 1024, signal }
    const global = await runTool(host, sshd, ['-T'], options)
    if (global.ok) {
      const parsed = parseSshdT(global.value.stdout, global.value.command)
      if (!parsed.ok) return failed(t('badOutput', { command: global.value.command, reason: parsed.reason }))
      const settings = { ...parsed.value, matches }
      settingsEvidence(settings, evidence, global.value.command)
      // Match blocks can turn passwords back on for the users or addresses they name.
      let login = withMatches(loginOf(parsed.value), settings)
      // root from an address no Match block names as local: what someone on the network would get.
      const rootArgs = ['-T', '-C', 'user=root,host=remote.invalid,addr=192.0.2.1']
      const root = await runTool(host, sshd, rootArgs, options)
      const rootParsed = root.ok ? parseSshdT(root.value.stdout, root.value.command) : undefined
      if (rootParsed?.ok) {
        const asRoot = loginOf(rootParsed.value)
        login = {
          password: login.password || asRoot.password,
          rootPassword: login.rootPassword || asRoot.rootPassword,
          emptyPasswords: login.emptyPasswords || asRoot.emptyPasswords,
        }
        evidence.push({
          label: t('labelRootLogin'),
          source: `${sshd} ${rootArgs.join(' ')}`,
          observed: rootParsed.value.permitRootLogin.value,
        })
      }
      return ok({ settings, login })
    }
    evidence.push({ label: t('labelEffective'), source: global.reason.command, observed: global.reason.seen, expected: t('expectSudo') })
  }
  if (!files.ok) {
    evidence.push({ label: t('labelConfig'), source: mainFile, observed: observedError('io') })
    return failed(files.reason.reason)
  }
  if (fromFiles && !fromFiles.ok) {
    evidence.push({ label: t('labelConfig'), source: mainFile, observed: observedError('io') })
    return failed(t('badConfig', { file: mainFile, reason: fromFiles.reason }))
  }
  if (files.value === 'absent' || !fromFiles?.ok) return ok('absent')
  const settings = fromFiles.value
  settingsEvidence(settings, evidence, mainFile)
  return ok({ settings, login: withMatches(loginOf(settings), settings) })
}
