import { joinMessages, verbatim, type Msg } from '../../core/i18n/message.js'
import type { Host } from '../../core/types.js'
import { findKey, findValue } from '../../readers/windows/reg-query.parse.js'
import { queryRegistry, type RegistryRead } from '../../readers/windows/registry.io.js'
import type { Collected } from './collected.verdict.js'
import { appPrivacyPolicy, filetimeToIso, parseConsentStore, type ConsentEntry } from './consent-store.parse.js'
import { finding, type Finding } from './findings.verdict.js'
import { win32Text as t } from './apps.messages.js'

const CAPABILITIES = [
  { key: 'webcam', kind: 'camera', policy: 'LetAppsAccessCamera' },
  { key: 'microphone', kind: 'microphone', policy: 'LetAppsAccessMicrophone' },
  { key: 'location', kind: 'location', policy: 'LetAppsAccessLocation' },
] as const
type Capability = (typeof CAPABILITIES)[number]

const CONSENT_STORE = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore'
export const APP_PRIVACY_POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\AppPrivacy'

function usage(e: ConsentEntry): Msg {
  const parts = [e.value !== null ? verbatim(e.value) : t('obsWinNoValue')]
  if (e.inUse) parts.push(t('obsWinInUse'))
  const start = filetimeToIso(e.lastStart)
  const stop = filetimeToIso(e.lastStop)
  if (start) parts.push(stop ? t('obsWinLastUsedUntil', { start, stop }) : t('obsWinLastUsed', { start }))
  if (e.undecodable) parts.push(t('obsWinUndecodable'))
  return joinMessages(parts, '; ')
}

function entryFinding(cap: Capability, hive: 'HKCU' | 'HKLM', e: ConsentEntry): Finding | undefined {
  const evidence = (label: ReturnType<typeof t>) => ({ label, source: e.keyPath, observed: usage(e) })
  if (e.value !== null && e.value !== 'Allow' && e.value !== 'Deny') {
    return finding('unknown', e.app, evidence(t('winUnknownValue', { app: e.app || e.keyPath })))
  }
  switch (e.kind) {
    case 'capability':
      return finding('info', '', evidence(hive === 'HKLM' ? t(`win_device_${cap.kind}`) : t(`win_user_${cap.kind}`)))
    case 'desktopApps':
      return finding('info', '', evidence(t(`win_desktop_${cap.kind}`)))
    case 'app':
      return e.value === 'Allow' || e.inUse ? finding('info', e.app, evidence(t(`win_app_${cap.kind}`, { app: e.app }))) : undefined
    case 'desktopApp':
      return e.value === 'Deny' && !e.inUse ? undefined : finding('info', e.app, evidence(t(`win_used_${cap.kind}`, { app: e.app })))
  }
}

function unreadable(
  read: Exclude<RegistryRead, { status: 'ok' | 'absent' }>,
  key: string,
): { finding: Finding; gap: ReturnType<typeof t> } {
  return {
    finding: finding('unknown', '', {
      label: t('evWinKey'),
      source: read.command,
      observed: read.reason,
    }),
    gap: t('winUnreadable', { key, reason: read.reason }),
  }
}

/** Windows: ConsentStore for the user and the device, plus the AppPrivacy policy. */
export async function collectWindows(host: Host, signal: AbortSignal): Promise<Collected> {
  const stores = CAPABILITIES.flatMap((cap) =>
    (['HKCU', 'HKLM'] as const).map((hive) => ({ cap, hive, key: `${hive}\\${CONSENT_STORE}\\${cap.key}` })),
  )
  const [policy, ...reads] = await Promise.all([
    queryRegistry(host, APP_PRIVACY_POLICY, signal),
    ...stores.map((s) => queryRegistry(host, s.key, signal)),
  ])
  const findings: Finding[] = []
  let gap: Collected['gap']

  reads.forEach((read, i) => {
    const { cap, hive, key } = stores[i]!
    if (read.status === 'absent') {
      findings.push(
        finding('info', '', {
          label: t(hive === 'HKLM' ? `win_device_${cap.kind}` : `win_user_${cap.kind}`),
          source: read.command,
          observed: t('obsWinAbsent'),
        }),
      )
      return
    }
    if (read.status === 'unreadable') {
      const u = unreadable(read, key)
      findings.push(u.finding)
      gap ??= u.gap
      return
    }
    const entries = parseConsentStore(read.keys, key)
    if (entries === null) {
      findings.push(finding('unknown', '', { label: t('evWinKey'), source: read.command, observed: t('obsWinUnparsed') }))
      gap ??= t('winGarbled', { command: read.command })
      return
    }
    for (const e of entries) {
      const f = entryFinding(cap, hive, e)
      if (f) findings.push(f)
    }
  })

  if (policy.status === 'unreadable') {
    const u = unreadable(policy, APP_PRIVACY_POLICY)
    findings.push(u.finding)
    gap ??= u.gap
  } else if (policy.status === 'ok' && !findKey(policy.keys, APP_PRIVACY_POLICY)) {
    // reg exits 0 only when the key exists, so output without it was not understood: not "not set".
    findings.push(
      finding('unknown', '', {
        label: t('evWinKey'),
        source: policy.command,
        observed: t('obsWinUnparsed'),
      }),
    )
    gap ??= t('winGarbled', { command: policy.command })
  } else {
    const key = policy.status === 'ok' ? findKey(policy.keys, APP_PRIVACY_POLICY) : undefined
    for (const cap of CAPABILITIES) {
      const value = findValue(key, cap.policy)
      const label = t(`win_policy_${cap.kind}`)
      if (!value) {
        findings.push(finding('info', '', { label, source: policy.command, observed: t('obsWinPolicyUnset') }))
        continue
      }
      const meaning = appPrivacyPolicy(value)
      const observed = t(`obsWinPolicy_${meaning}`, { raw: value.raw })
      if (meaning === 'forceAllow')
        findings.push(finding('warn', cap.policy, { label, source: policy.command, observed, expected: t('winForceAllow') }))
      else findings.push(finding(meaning === 'unrecognised' ? 'unknown' : 'info', '', { label, source: policy.command, observed }))
    }
  }
  return gap ? { findings, gap } : { findings }
}
