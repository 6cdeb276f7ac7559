/**
 * tor.config's fix: control-port authentication (`CookieAuthentication 1`) for a tor whose TCP control port asks
 * for nothing, appended to the torrc the check found. The line goes last, so it wins over every earlier line and
 * every %include before it (tor keeps the last value of a single-valued option); every other byte stays. The real
 * tor must accept the configuration with it (`tor --verify-config`) before anything is planned, and the tor's
 * systemd unit is restarted afterwards (and after an undo) so it reads the file again.
 */
import type { CheckFixes, FixOffer, FixTarget } from '../../core/fix/offer.js'
import { failed, ok, type Result } from '../../core/host/result.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Platform } from '../../core/types.js'
import { lacksControlAuth } from './config.verdict.js'
import type { TorConfigSet, TorDiscovery } from './tor-install.io.js'
import { parseTorrc } from './torrc.parse.js'
import { fixText as t } from './config.messages.js'

const LINE = 'CookieAuthentication 1'

/** The torrc with `CookieAuthentication 1` appended, parsed back with tor's rules to be sure tor reads it. */
export function torrcWithCookieAuth(old: string | null, path: string): Result<string, Msg> {
  if (old === null) return failed(t('torrcGone', { path }))
  const next = `${old}${old === '' || old.endsWith('\n') ? '' : '\n'}${LINE}\n`
  const parsed = parseTorrc(next)
  const last = parsed.lines.at(-1)
  const cookie = parsed.lines.filter((l) => l.key === 'cookieauthentication').at(-1)
  const readsIt = !parsed.binary && last === cookie && cookie?.value === '1' && parsed.problems.length === parseTorrc(old).problems.length
  return readsIt ? ok(next) : failed(t('torrcDamaged', { path }))
}

/** The tor binary that reads this set: the running process's own, else the daemon found on disk. */
function binaryOf(set: TorConfigSet, found: TorDiscovery): string | null {
  const { candidate } = set
  if (candidate.pid !== undefined) {
    const p = found.processes.find((x) => x.pid === candidate.pid)
    return p && !p.torBrowser && p.executable.startsWith('/') ? p.executable : null
  }
  return found.installs.find((i) => i.kind === 'daemon')?.path ?? null
}

/**
 * The torrcs a fix can change: a daemon's (not Tor Browser's, whose launcher writes its own) with a TCP control
 * port and no authentication, where the command line does not set CookieAuthentication itself (a torrc line could
 * not win over it). `units` maps a running tor's PID to its systemd unit.
 */
export function authTargets(
  platform: Platform,
  sets: readonly TorConfigSet[],
  found: TorDiscovery,
  units: ReadonlyMap<number, string | null>,
): FixTarget[] {
  if (platform === 'win32') return []
  const out: FixTarget[] = []
  for (const set of sets) {
    const { candidate } = set
    if (candidate.origin === 'tor-browser' || set.torrc.rootError || set.torrc.empty || !candidate.path.startsWith('/')) continue
    if (!lacksControlAuth(set) || set.commandLine.some((l) => l.key === 'cookieauthentication')) continue
    const tor = binaryOf(set, found)
    if (!tor || out.some((o) => o.path === candidate.path)) continue
    const unit = candidate.pid === undefined ? null : (units.get(candidate.pid) ?? null)
    out.push({
      path: candidate.path,
      detail: {
        tor,
        defaults: candidate.defaults ?? '',
        unit: unit ?? '',
        running: candidate.pid === undefined ? '' : String(candidate.pid),
      },
    })
  }
  return out
}

function offerFor(target: FixTarget): FixOffer | null {
  const tor = target.detail?.tor ?? ''
  if (!tor.startsWith('/')) return null
  const defaults = target.detail?.defaults ?? ''
  const unit = target.detail?.unit ?? ''
  const running = (target.detail?.running ?? '') !== ''
  const path = target.path
  return {
    key: `auth:${path}`,
    title: t('title', { path }),
    protects: t('protects'),
    // A running tor outside a unit Bulwark can restart keeps its open port until someone restarts it.
    mayBreak: [t('mayBreakControllers'), ...(running && unit === '' ? [t('mayBreakRestart')] : [])],
    changes: [{ kind: 'edit-text', path, createMode: 0o644, edit: (old) => torrcWithCookieAuth(old, path) }],
    // The option on tor's command line is what the appended line does in the file: the last value wins.
    accepts: {
      file: tor,
      args: ['--verify-config', '-f', path, ...(defaults ? ['--defaults-torrc', defaults] : []), '--CookieAuthentication', '1'],
    },
    ...(unit ? { restarts: [unit] } : {}),
  }
}

export const configFixes: CheckFixes = {
  offers: (outcome) => (outcome.fixable ?? []).map(offerFor).filter((o): o is FixOffer => o !== null),
}
