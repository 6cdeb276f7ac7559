/**
 * dns.system's fix on Linux: a systemd-resolved drop-in of Bulwark's own (administrator) that sends every query
 * over DNS over TLS, strictly (`DNSOverTLS=yes`), to a resolver you pick, named for its certificate
 * (`address#name`, resolved.conf(5)), and makes it the resolver for every domain (`Domains=~.`). Strict mode
 * needs servers that speak TLS: the router's DNS does not, so the drop-in names the resolver itself. Offered only
 * when it is sure to be what programs use: /etc/resolv.conf is the link to resolved's stub file and lists only the
 * stub, resolved's own answer is what failed (no proxy in front of it), and no NetworkManager connection sets a
 * DNS-over-TLS mode of its own (which would win over the global one). systemd-resolved reads it once restarted:
 * the plan restarts systemd-resolved.service, and again after undo.
 */
import type { CheckFixes, FixOffer } from '../../core/fix/offer.js'
import { failed, ok, type Result } from '../../core/host/result.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Outcome } from '../../core/types.js'
import { isDohProvider as isProvider, type DohProvider } from '../../readers/browsers/doh-providers.data.js'
import { fixText as t } from './system.messages.js'
import { RESOLVED_STUBS, type LinuxFacts } from './system.linux.verdict.js'

/**
 * The same resolvers the DNS-over-HTTPS fixes offer (doh-providers.data.ts), by their DNS-over-TLS addresses and
 * certificate names (each provider's own docs).
 */
export const DOT_PROVIDERS: Readonly<Record<DohProvider, readonly string[]>> = {
  quad9: ['9.9.9.9#dns.quad9.net', '149.112.112.112#dns.quad9.net', '2620:fe::fe#dns.quad9.net', '2620:fe::9#dns.quad9.net'],
  mullvad: ['194.242.2.2#dns.mullvad.net', '2a07:e340::2#dns.mullvad.net'],
  cloudflare: ['1.1.1.1#cloudflare-dns.com', '1.0.0.1#cloudflare-dns.com', '2606:4700:4700::1111#cloudflare-dns.com'],
}

export const RESOLVED_DROP_IN_NAME = '90-bulwark-dns-over-tls.conf'
export const RESOLVED_UNIT = 'systemd-resolved.service'
/** resolv.conf's link target when programs ask resolved's stub (resolved.conf(5), "stub-resolv.conf"). */
const STUB_LINK = /(^|\/)run\/systemd\/resolve\/stub-resolv\.conf$/

const HEADER = '# Written by Bulwark (bulwark fix dns.system); undo with bulwark undo, or delete this file and restart systemd-resolved.\n'

export function dropInText(provider: DohProvider): string {
  return `${HEADER}[Resolve]\nDNS=${DOT_PROVIDERS[provider].join(' ')}\nDNSOverTLS=yes\nDomains=~.\n`
}

/** The drop-in for this provider: written when absent or Bulwark's own, refused when someone else's file has its name. */
export function resolvedDropIn(old: string | null, provider: DohProvider, path: string): Result<string, Msg> {
  if (old === null || old.startsWith(HEADER)) return ok(dropInText(provider))
  return failed(t('fixNotOurs', { path }))
}

const FIXABLE = new Set(['dns.system.linuxResolvedNo', 'dns.system.linuxResolvedOpportunistic'])

/** The outcome with `fixable` (the drop-in's path) where the drop-in closes the finding. */
export function resolvedDotFixable(facts: LinuxFacts, dropInDir: string, outcome: Outcome): Outcome {
  if (!FIXABLE.has(outcome.summary.key) || facts.resolvConf.state !== 'ok') return outcome
  const servers = facts.resolvConf.value.nameservers
  if (facts.resolvConfLink === null || !STUB_LINK.test(facts.resolvConfLink)) return outcome
  if (servers.length === 0 || !servers.every((s) => RESOLVED_STUBS.includes(s))) return outcome
  if (facts.nm.state === 'ok' && facts.nm.connections.some((c) => c.dot !== 'default')) return outcome
  return { ...outcome, fixable: [{ path: `${dropInDir}/${RESOLVED_DROP_IN_NAME}` }] }
}

export const systemDnsFixes: CheckFixes = {
  choices: { provider: { values: Object.keys(DOT_PROVIDERS), default: 'quad9', label: t('fixProviderLabel') } },
  offers(outcome, chosen) {
    const provider = chosen.provider ?? 'quad9'
    if (!isProvider(provider)) return []
    return (outcome.fixable ?? []).map((target): FixOffer => ({
      key: `resolved-dot:${target.path}`,
      title: t('fixTitle', { servers: DOT_PROVIDERS[provider].join(' '), path: target.path }),
      protects: t('fixProtects'),
      mayBreak: [t('fixMayBreakLocal'), t('fixMayBreakPortal'), t('fixMayBreakRestart')],
      changes: [{ kind: 'edit-text', path: target.path, createMode: 0o644, edit: (old) => resolvedDropIn(old, provider, target.path) }],
      restarts: [RESOLVED_UNIT],
    }))
  },
}
