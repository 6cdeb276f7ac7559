import { observedError } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { parseToolOutput, runTool } from '../../core/host/toolkit.js'
import { findKey, findValue, type RegKey } from '../../readers/windows/reg-query.parse.js'
import { queryRegistry } from '../../readers/windows/registry.io.js'
import { parseNewestHotfix } from './hotfix.parse.js'
import { NT_VERSION_KEY, WU_POLICY_KEY, WU_UX_KEY, type WindowsFacts } from './updates.verdict.js'

const PAUSE_VALUES = ['PauseUpdatesExpiryTime', 'PauseQualityUpdatesEndTime', 'PauseFeatureUpdatesEndTime'] as const

const HOTFIX_SCRIPT =
  "Get-HotFix | Where-Object InstalledOn | Sort-Object InstalledOn -Descending | Select-Object -First 1 HotFixID,@{n='InstalledOn';e={$_.InstalledOn.ToString('yyyy-MM-dd')}} | ConvertTo-Json -Compress"

function dword(key: RegKey | undefined, name: string): number | null {
  const data = findValue(key, name)?.data
  return typeof data === 'number' ? data : null
}

function text(key: RegKey | undefined, name: string): string {
  const data = findValue(key, name)?.data
  return typeof data === 'string' ? data.slice(0, 100) : ''
}

export async function readWindowsFacts(host: Host, signal?: AbortSignal): Promise<WindowsFacts> {
  const policyRead = await queryRegistry(host, WU_POLICY_KEY, signal)
  let policy: WindowsFacts['policy']
  if (policyRead.status === 'unreadable') policy = { ok: false, reason: policyRead.reason, code: 'io' }
  else {
    const key = policyRead.status === 'ok' ? findKey(policyRead.keys, WU_POLICY_KEY) : undefined
    policy = { ok: true, value: { noAutoUpdate: dword(key, 'NoAutoUpdate'), auOptions: dword(key, 'AUOptions') } }
  }

  const ux = await queryRegistry(host, WU_UX_KEY, signal)
  let pausedUntil: WindowsFacts['pausedUntil'] = null
  if (ux.status === 'ok') {
    const key = findKey(ux.keys, WU_UX_KEY)
    for (const name of PAUSE_VALUES) {
      const value = text(key, name)
      if (value && (!pausedUntil || value > pausedUntil.value)) pausedUntil = { key: name, value }
    }
  }

  const nt = await queryRegistry(host, NT_VERSION_KEY, signal)
  let build: WindowsFacts['build']
  if (nt.status === 'ok') {
    const key = findKey(nt.keys, NT_VERSION_KEY)
    build = {
      ok: true,
      value: {
        currentBuild: text(key, 'CurrentBuild'),
        displayVersion: text(key, 'DisplayVersion'),
        productName: text(key, 'ProductName'),
      },
    }
  } else build = { ok: false, reason: nt.status === 'unreadable' ? nt.reason : observedError('not_found'), code: nt.status }

  const run = await runTool(host, 'powershell', ['-NoProfile', '-NonInteractive', '-Command', HOTFIX_SCRIPT], { timeoutMs: 20_000, signal })
  const parsed = parseToolOutput(run, parseNewestHotfix)
  const hotfix: WindowsFacts['hotfix'] = parsed.ok
    ? { ok: true, value: parsed.value }
    : { ok: false, reason: parsed.reason.seen, code: parsed.reason.code }

  return { nowMs: Date.now(), policy, pausedUntil, build, hotfix }
}
