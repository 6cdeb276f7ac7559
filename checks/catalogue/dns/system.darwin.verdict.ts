/**
 * dns.system on macOS, the pure rules. Encrypted DNS is set by a configuration profile
 * (com.apple.dnsSettings.managed) or by an app through NEDNSSettingsManager; only profiles can be
 * listed, and device profiles may be listed only to administrators, so "nothing seen" is `unknown`, never `fail`.
 */
import { observedWord } from '../../core/host/helpers.js'
import { commandOf, type ToolRun } from '../../core/host/toolkit.js'
import type { Evidence, Outcome } from '../../core/types.js'
import { isEncryptedProtocol, type ProfileListing } from './macos-dns-profile.parse.js'
import type { ParseResult } from './resolver-text.parse.js'
import { parseScutilDns } from './scutil-dns.parse.js'
import { t } from './system.messages.js'

export interface DarwinFacts {
  profiler: ToolRun
  listing: ParseResult<ProfileListing> | null
  scutil: ToolRun
}

export function decideDarwin(f: DarwinFacts): Pick<Outcome, 'status' | 'summary'> {
  if (!f.profiler.ok || !f.listing) {
    return { status: 'unknown', summary: t('macProfilerFailed', { reason: f.profiler.ok ? 'no output' : f.profiler.reason.reason }) }
  }
  if (!f.listing.ok) return { status: 'unknown', summary: t('macProfilerFailed', { reason: f.listing.reason }) }
  const payloads = f.listing.value.dnsPayloads
  const encrypted = payloads.find((p) => isEncryptedProtocol(p.protocol))
  if (encrypted) {
    return {
      status: 'pass',
      summary: t('macProfile', {
        profile: encrypted.profileName || '(unnamed)',
        protocol: encrypted.protocol ?? '',
        server: encrypted.serverUrl ?? encrypted.serverName ?? '(no server given)',
      }),
    }
  }
  const odd = payloads[0]
  if (odd)
    return {
      status: 'unknown',
      summary: t('macUnknownProtocol', { profile: odd.profileName || '(unnamed)', protocol: odd.protocol ?? '(not set)' }),
    }
  return { status: 'unknown', summary: t('macNothingVisible') }
}

export function darwinEvidence(f: DarwinFacts): Evidence[] {
  const ev: Evidence[] = []
  if (!f.profiler.ok) ev.push({ label: t('evToolFailed'), source: f.profiler.reason.command, observed: f.profiler.reason.reason })
  else if (f.listing && !f.listing.ok) ev.push({ label: t('evToolFailed'), source: f.profiler.value.command, observed: f.listing.reason })
  else if (f.listing?.ok) {
    ev.push({
      label: t('evProfiles'),
      source: commandOf(f.profiler),
      observed: f.listing.value.profileNames.join(', ') || t('obsNoneListed'),
      expected: t('expEncrypted'),
    })
    for (const p of f.listing.value.dnsPayloads) {
      ev.push({
        label: t('evDnsPayload', { profile: p.profileName || '(unnamed)' }),
        source: commandOf(f.profiler),
        observed:
          `DNSProtocol=${p.protocol ?? '(not set)'} ${p.serverUrl ? `ServerURL=${p.serverUrl}` : p.serverName ? `ServerName=${p.serverName}` : ''}`.trim(),
      })
    }
  }
  if (f.scutil.ok) {
    const servers = [...new Set(parseScutilDns(f.scutil.value.stdout).flatMap((r) => r.nameservers))]
    ev.push({ label: t('evScutil'), source: f.scutil.value.command, observed: servers.join(', ') || observedWord('none') })
  } else {
    ev.push({ label: t('evToolFailed'), source: f.scutil.reason.command, observed: f.scutil.reason.reason })
  }
  return ev
}
