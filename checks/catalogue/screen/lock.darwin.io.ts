import { observedError } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { runTool } from '../../core/host/toolkit.js'
import type { Evidence } from '../../core/types.js'
import { parsePmset, parseScreenLockStatus, pmsetMinutes, wholeNumber } from './lock.parse.js'
import { t } from './lock.messages.js'
import { QUICK_LOCK_SECONDS, type LockFacts } from './lock.verdict.js'

/** macOS starts the screen saver after 20 minutes when idleTime was never set (CIS Apple macOS benchmark, 2.x). */
const DEFAULT_IDLE_SECONDS = 1200

export async function readDarwinLock(host: Host, signal?: AbortSignal): Promise<LockFacts> {
  const evidence: Evidence[] = []
  const statusCommand = 'sysadminctl -screenLock status'
  const status = await runTool(host, 'sysadminctl', ['-screenLock', 'status'], { timeoutMs: 8000, signal })
  if (!status.ok) {
    evidence.push({ label: t('labelPasswordDelay'), source: statusCommand, observed: status.reason.seen })
    return { kind: 'unknown', reason: t('unreadable', { source: statusCommand, reason: status.reason.seen }), evidence }
  }
  // sysadminctl writes its answer to stderr, not stdout.
  const printed = `${status.value.stderr}\n${status.value.stdout}`
  const lock = parseScreenLockStatus(printed)
  if (!lock.ok) {
    evidence.push({ label: t('labelPasswordDelay'), source: statusCommand, observed: observedError('io') })
    return { kind: 'unknown', reason: t('unreadable', { source: statusCommand, reason: observedError('io') }), evidence }
  }
  evidence.push({ label: t('labelPasswordDelay'), source: statusCommand, observed: lock.value.off ? 'off' : lock.value.delaySeconds })

  const idleCommand = 'defaults -currentHost read com.apple.screensaver idleTime'
  // defaults exits 1 when the key was never written: the default applies.
  const idle = await runTool(host, 'defaults', ['-currentHost', 'read', 'com.apple.screensaver', 'idleTime'], {
    timeoutMs: 4000,
    signal,
    acceptExit: (code, out) => code === 1 && /does not exist/i.test(out.stderr),
  })
  if (!idle.ok) {
    evidence.push({ label: t('labelIdleDelay'), source: idleCommand, observed: idle.reason.seen })
    return { kind: 'unknown', reason: t('unreadable', { source: idleCommand, reason: idle.reason.seen }), evidence }
  }
  const set = idle.value.code === 0 ? wholeNumber(idle.value.stdout) : undefined
  if (idle.value.code === 0 && set === undefined) {
    evidence.push({ label: t('labelIdleDelay'), source: idleCommand, observed: observedError('io') })
    return { kind: 'unknown', reason: t('unreadable', { source: idleCommand, reason: observedError('io') }), evidence }
  }
  const idleSeconds = set ?? DEFAULT_IDLE_SECONDS
  evidence.push({
    label: t('labelIdleDelay'),
    source: idleCommand,
    observed: set ?? t('seenDefault', { value: String(DEFAULT_IDLE_SECONDS) }),
  })
  const displays = await readDisplaySleep(host, evidence, signal)
  // The password is asked "after screen saver begins or display is turned off": the earlier of the two starts the
  // delay. Display sleep is set per power source; the slowest one is the machine's weak moment.
  const lockAfter = (idle: number): number | null => {
    const saverStart = idle > 0 ? idle : Infinity
    const starts = displays.length > 0 ? displays.map((m) => Math.min(saverStart, m > 0 ? m * 60 : Infinity)) : [saverStart]
    const start = Math.max(...starts)
    return lock.value.off || start === Infinity ? null : start + lock.value.delaySeconds
  }
  return {
    kind: 'settings',
    desktop: 'macOS',
    lockSeconds: lockAfter(idleSeconds),
    onSuspend: null,
    evidence,
    fix: { os: 'macos', idleSeconds: set ?? null, lockSecondsAtQuickIdle: lockAfter(QUICK_LOCK_SECONDS) },
  }
}

/**
 * Display sleep in minutes (0 never) for each power source `pmset -g custom` lists, else the one `pmset -g` says is
 * in use. When neither can be read, none: the screen saver alone decides, which can only make the verdict stricter.
 */
async function readDisplaySleep(host: Host, evidence: Evidence[], signal?: AbortSignal): Promise<number[]> {
  for (const [args, wanted] of [
    [['-g', 'custom'], (name: string) => /^[A-Za-z]{1,20} Power$/.test(name)],
    [['-g'], (name: string) => name === 'Currently in use'],
  ] as const) {
    const command = `pmset ${args.join(' ')}`
    const run = await runTool(host, 'pmset', args, { timeoutMs: 4000, maxBytes: 256 * 1024, signal })
    const parsed = run.ok ? parsePmset(run.value.stdout) : undefined
    const found: number[] = []
    for (const [name, settings] of parsed?.ok ? parsed.value : []) {
      const minutes = wanted(name) ? pmsetMinutes(settings.get('displaysleep')) : undefined
      if (minutes === undefined) continue
      evidence.push({ label: t('labelDisplaySleep'), source: `${command}: ${name.slice(0, 40)} displaysleep`, observed: minutes })
      found.push(minutes)
    }
    if (found.length > 0) return found
    evidence.push({ label: t('labelDisplaySleep'), source: command, observed: run.ok ? observedError('io') : run.reason.seen })
  }
  return []
}
