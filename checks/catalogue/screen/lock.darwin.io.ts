import { observedError } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { runTool } from '../../core/host/toolkit.js'
import type { Evidence } from '../../core/types.js'
import { parseScreenLockStatus, wholeNumber } from './lock.parse.js'
import { t } from './lock.messages.js'
import type { LockFacts } from './lock.verdict.js'

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
  const lockSeconds = lock.value.off || idleSeconds === 0 ? null : idleSeconds + lock.value.delaySeconds
  return { kind: 'settings', desktop: 'macOS', lockSeconds, onSuspend: null, evidence }
}
