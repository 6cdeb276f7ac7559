/**
 * dns.firefox: does every Firefox profile resolve names only over DNS over HTTPS (TRR mode 3)?
 * Reads each profile's user.js and prefs.js, the installation's default-pref files and AutoConfig
 * file, and the enterprise policies that apply to it, and resolves them by Firefox's own
 * precedence (firefox.verdict.ts).
 */
import { findFirefoxProfiles, type FirefoxPackaging, type FirefoxProfile } from '../../readers/browsers/firefox-profiles.io.js'
import { defineCheck } from '../../core/define-check.js'
import { firefoxInstallDirs } from '../../readers/browsers/firefox-installs.io.js'
import { pathsFor } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { joinMessages, type Msg } from '../../core/i18n/message.js'
import type { Evidence, Outcome } from '../../core/types.js'
import { readFirefoxPolicies, type FirefoxPolicies } from './firefox-policy.io.js'
import { overallOf, policyNoteSeen, verdictSeen, worstVerdict } from '../../readers/browsers/browsers.verdict.js'
import { readAdminPrefs, readPrefFile } from '../../readers/browsers/firefox-prefs.io.js'
import type { AdminPrefs, PrefFile, Resolved } from '../../readers/browsers/firefox-prefs.verdict.js'
import {
  assessProfile,
  wrongTypeEntries,
  type FirefoxVerdict,
  type ProfileAssessment,
  type VerdictReason,
  fittingSteps,
  stepsFor,
} from './firefox.verdict.js'
import { t } from './firefox.messages.js'
import { firefoxFixes, fixableProfile } from './firefox-fix.verdict.js'

const ID = 'dns.firefox'

function reasonText(a: ProfileAssessment, name: string, count: number): Msg {
  const mode = a.mode.known ? String(a.mode.value) : '?'
  return t(`r_${a.reason}` as `r_${VerdictReason}`, { name, mode, count })
}

function describeOrigin(r: Resolved): Msg {
  if (!r.known) return t('obsUnknownAt', { path: r.path })
  const o = r.origin
  const value = JSON.stringify(r.value)
  if (o.kind === 'builtin') return t('obsBuiltin', { value })
  if (o.kind === 'file') {
    const marks = [...(o.via ? [t('obsVia', { via: o.via })] : []), ...(o.locked ? [t('obsLocked')] : [])]
    return joinMessages([t('obsFromFile', { value, path: o.path, line: o.line }), ...marks])
  }
  return t(o.locked ? 'obsFromPolicyLocked' : 'obsFromPolicyDefault', { value, via: o.via, source: o.source })
}

function unknownCause(r: Resolved): Msg | undefined {
  if (r.known) return undefined
  const file = r.path
  const c = r.cause
  if (c.kind === 'unreadable') return t('unreadableCause', { file, reason: c.reason })
  if (c.kind === 'damaged') return t('damagedCause', { file, line: c.line, text: c.text })
  if (c.kind === 'opaque') return t(`ac_${c.why}`, { file, line: c.line, text: c.text })
  return t('policyConflictCause', { lockedAt: c.lockedAt, source: c.source })
}

interface ProfileResult {
  profile: FirefoxProfile
  assessment: ProfileAssessment
  verdict: FirefoxVerdict
  /** Why the verdict is unknown, when it is. */
  cause?: Msg
  evidence: Evidence[]
  /** Lines in its user.js would fix it, whichever installation runs it (no lock, policy or AutoConfig decides). */
  fixable: boolean
}

/** Which installation runs a profile is not recorded anywhere Bulwark reads: take the weakest. */
function weakestAssessment(
  userJs: PrefFile,
  prefsJs: PrefFile,
  policies: FirefoxPolicies,
  admins: readonly AdminPrefs[],
): ProfileAssessment {
  const all =
    admins.length === 0
      ? [assessProfile(userJs, prefsJs, policies.prefs)]
      : admins.map((ad) => assessProfile(userJs, prefsJs, policies.prefs, ad))
  const verdict = worstVerdict(all.map((x) => x.verdict))
  return all.find((x) => x.verdict === verdict) as ProfileAssessment
}

async function assess(
  host: Host,
  profile: FirefoxProfile,
  policies: FirefoxPolicies,
  admins: readonly AdminPrefs[],
): Promise<ProfileResult> {
  const p = pathsFor(host.platform)
  const [userJs, prefsJs] = await Promise.all([
    readPrefFile(host, p.join(profile.path, 'user.js'), 'user'),
    readPrefFile(host, p.join(profile.path, 'prefs.js'), 'user'),
  ])
  const a = weakestAssessment(userJs, prefsJs, policies, admins)
  const uncertainPolicy = policies.uncertain[0]
  // A policy Bulwark cannot read could lock any of these values: do not guess.
  const verdict: FirefoxVerdict = uncertainPolicy ? 'unknown' : a.verdict
  const cause = uncertainPolicy
    ? t('policyCause', { source: uncertainPolicy.source, reason: uncertainPolicy.reason })
    : unknownCause([a.mode, a.uri, a.rollout].find((r) => !r.known) ?? a.mode)
  const name = profile.name
  const marks = joinMessages(
    [...(profile.isInstallDefault ? [t('markInstallDefault')] : []), ...(profile.isDefault ? [t('markDefault')] : [])],
    '',
  )
  const pref = (label: Msg, r: Resolved, expected?: Msg): Evidence => ({
    label,
    source: originSource(r, profile.path),
    observed: describeOrigin(r),
    ...(expected ? { expected } : {}),
  })
  const mode = a.mode.known ? a.mode.value : undefined
  const strict = mode === 2 && a.strictFallback.known && a.strictFallback.value === true
  const evidence: Evidence[] = [
    { label: t('profileLabel', { name, marks }), source: profile.path, observed: verdictSeen(verdict) },
    pref(t('modeLabel', { name }), a.mode, t('expectedMode')),
    ...(mode === 3 ? [pref(t('uriLabel', { name }), a.uri, t('expectedUri'))] : []),
    ...(mode === 0 ? [pref(t('rolloutLabel', { name }), a.rollout)] : []),
    ...(strict ? [pref(t('strictLabel', { name }), a.strictFallback, t('strictNote'))] : []),
  ]
  for (const [file, label] of [
    [userJs, 'user.js'],
    [prefsJs, 'prefs.js'],
  ] as const) {
    const first = file.state === 'read' ? file.parsed.skipped[0] : undefined
    if (file.state === 'read' && first) {
      evidence.push({
        label: t('skippedLabel', { file: label }),
        source: file.path,
        observed: t('skippedNote', { count: file.parsed.skipped.length, line: first.line }),
      })
    }
    for (const e of wrongTypeEntries(file)) {
      evidence.push({
        label: t('wrongTypeLabel', { file: label, pref: e.name }),
        source: `${file.state === 'read' ? file.path : ''}:${e.line}`,
        observed: JSON.stringify(e.value),
        expected: t('wrongTypeNote'),
      })
    }
  }
  const variants = (admins.length === 0 ? [undefined] : admins).map((admin) => ({
    userJs,
    prefsJs,
    policy: policies.prefs,
    ...(admin ? { admin } : {}),
  }))
  const fixable = fixableProfile(verdict, variants)
  return { profile, assessment: a, verdict, ...(verdict === 'unknown' && cause ? { cause } : {}), evidence, fixable }
}

function originSource(r: Resolved, profilePath: string): string {
  if (!r.known) return r.path
  if (r.origin.kind === 'file') return `${r.origin.path}:${r.origin.line}`
  if (r.origin.kind === 'policy') return r.origin.source
  return profilePath
}

function adminEvidence(admins: Map<FirefoxPackaging, AdminPrefs[]>): Evidence[] {
  const seen = new Set<string>()
  return [...admins.values()].flat().flatMap((ad) => {
    if (seen.has(ad.install)) return []
    seen.add(ad.install)
    const count = ad.defaults.filter((f) => f.state === 'read').length
    const note = ad.autoconfig ? t('adminNote', { count, autoconfig: ad.autoconfig.path }) : t('adminNoteNoAutoconfig', { count })
    return [{ label: t('adminLabel'), source: ad.install, observed: note }]
  })
}

function policyEvidence(policies: Map<FirefoxPackaging, FirefoxPolicies>): Evidence[] {
  const seen = new Set<string>()
  const out: Evidence[] = []
  for (const pol of policies.values()) {
    for (const note of pol.notes) {
      if (seen.has(note.source)) continue
      seen.add(note.source)
      out.push({ label: t('policyLabel'), source: note.source, observed: policyNoteSeen(note.observed, note.note) })
    }
  }
  return out
}

async function run(host: Host, signal: AbortSignal): Promise<Outcome> {
  const found = await findFirefoxProfiles(host)
  const discoveryEvidence: Evidence[] = [
    ...found.problems.map((pr) => ({ label: t('problemLabel'), source: pr.source, observed: pr.reason })),
    ...found.missing.map((m) => ({
      label: t('missingLabel'),
      source: m.path,
      observed: t('obsListedIn', { name: m.name, source: m.source }),
    })),
    ...found.inis
      .filter((i) => i.badLines.length > 0)
      .map((i) => ({
        label: t('iniDamagedLabel'),
        source: i.path,
        observed: t('obsLines', { lines: i.badLines.slice(0, 10).join(', ') }),
      })),
  ]
  if (found.profiles.length === 0) {
    const firstProblem = found.problems[0]
    if (firstProblem)
      return { status: 'unknown', summary: t('noProfilesButProblems', { reason: firstProblem.reason }), evidence: discoveryEvidence }
    return { status: 'not_applicable', summary: t('noProfiles'), evidence: discoveryEvidence }
  }
  signal.throwIfAborted()
  const packagings = [...new Set(found.profiles.map((pr) => pr.root.packaging))]
  const policyReads = await Promise.all(packagings.map(async (pk) => [pk, await readFirefoxPolicies(host, pk, signal)] as const))
  const policies = new Map(policyReads)
  const adminReads = await Promise.all(
    packagings.map(async (pk) => {
      const read = await Promise.all(firefoxInstallDirs(host, pk).map((dir) => readAdminPrefs(host, dir)))
      return [pk, read.filter((ad): ad is AdminPrefs => ad !== undefined)] as const
    }),
  )
  const admins = new Map(adminReads)
  const results = await Promise.all(
    found.profiles.map((profile) =>
      assess(host, profile, policies.get(profile.root.packaging) as FirefoxPolicies, admins.get(profile.root.packaging) ?? []),
    ),
  )
  // A profile that could not be listed at all leaves the answer incomplete.
  const { verdict: overall, worst } = overallOf(results, found.problems.length > 0)
  const evidence = [...results.flatMap((r) => r.evidence), ...adminEvidence(admins), ...policyEvidence(policies), ...discoveryEvidence]
  const count = results.length
  if (overall === 'pass') return { status: 'pass', summary: t('allPass', { count }), evidence }
  if (!worst) return { status: 'unknown', summary: t('noProfilesButProblems', { reason: found.problems[0]?.reason ?? '' }), evidence }
  if (overall === 'unknown')
    return { status: 'unknown', summary: t('unknownProfile', { name: worst.profile.name, reason: worst.cause ?? '' }), evidence }
  const steps = fittingSteps(host.platform, worst.assessment)
  // Only profiles whose own user.js decides: where a policy or AutoConfig locks the value, no file of the user's helps.
  const fixable = results.filter((r) => r.fixable).map((r) => ({ path: r.profile.path, name: r.profile.name }))
  return {
    status: overall,
    summary: reasonText(worst.assessment, worst.profile.name, count),
    evidence,
    ...(steps ? { steps } : {}),
    ...(fixable.length > 0 ? { fixable } : {}),
  }
}

export const firefoxCheck = defineCheck({
  id: ID,
  texts: t,
  category: 'dns',
  severity: 'medium',
  effort: 1,
  remediation: {
    byPlatform: { linux: stepsFor('linux'), darwin: stepsFor('darwin'), win32: stepsFor('win32') },
    references: [
      {
        title: 'Firefox source docs: DNS over HTTPS (Trusted Recursive Resolver)',
        url: 'https://firefox-source-docs.mozilla.org/networking/dns/dns-over-https-trr.html',
      },
      {
        title: 'Firefox TRR skip reasons (mode 5 = off by choice)',
        url: 'https://firefox-source-docs.mozilla.org/networking/dns/trr-skip-reasons.html',
      },
      { title: 'Mozilla policy templates: DNSOverHTTPS', url: 'https://mozilla.github.io/policy-templates/#dnsoverhttps' },
      { title: 'Mozilla support: Firefox DNS-over-HTTPS', url: 'https://support.mozilla.org/kb/firefox-dns-over-https' },
      { title: 'Bugzilla 50038: prefs in user.js get written to prefs.js', url: 'https://bugzilla.mozilla.org/show_bug.cgi?id=50038' },
    ],
  },
  run,
  fixes: firefoxFixes,
})
