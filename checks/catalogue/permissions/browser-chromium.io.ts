import { findChromiumBrowsers, type ChromiumBrowserId, type ChromiumInstallation } from '../../readers/browsers/chromium-browsers.io.js'
import { attempt, describeHostError, observedError, observedWord, pathsFor, tryReadText } from '../../core/host/helpers.js'
import { verbatim } from '../../core/i18n/message.js'
import { jsonSyntaxError } from '../../readers/browsers/json.parse.js'
import type { Host } from '../../core/types.js'
import type { Collected } from './collected.verdict.js'
import { finding, type Finding } from './findings.verdict.js'
import { defaultLabel, siteLabel } from './site-labels.verdict.js'
import { readChromiumPrefs } from './site-permissions.parse.js'
import { chromiumText as t } from './browser.messages.js'

/**
 * Profile folders Chromium creates: "Default" and "Profile N" (Guest and System profiles keep no
 * grants). Case-insensitive because Windows and macOS file names are.
 */
const PROFILE_DIR = /^(Default|Profile \d+)$/i
/** Preferences grows with history of settings; a few MiB is common, far more is not a real one. */
const MAX_PREFERENCES = 16 * 1024 * 1024

async function collectProfile(host: Host, browser: ChromiumInstallation, dir: string): Promise<Collected> {
  const p = pathsFor(host.platform)
  const { name, scheme } = browser.spec
  const file = p.join(browser.userDataDir, dir, 'Preferences')
  const label = t('crProfile', { browser: name, profile: dir })
  const settingsPage = `${scheme}://settings/content`
  const read = await tryReadText(host, file, { maxBytes: MAX_PREFERENCES })
  if (!read.ok) {
    if (read.reason.code === 'not_found')
      return { findings: [finding('info', '', { label, source: file, observed: observedError('not_found') })] }
    const gap = t('crUnreadable', { file, reason: read.reason.message, page: settingsPage })
    return { findings: [finding('unknown', '', { label, source: file, observed: observedError(read.reason.code) })], gap }
  }
  let doc: unknown
  try {
    doc = JSON.parse(read.value)
  } catch (e) {
    const reason = t('obsCrNotJson', { detail: jsonSyntaxError(e) })
    return {
      findings: [finding('unknown', '', { label, source: file, observed: reason })],
      gap: t('crUnreadable', { file, reason, page: settingsPage }),
    }
  }
  const settings = readChromiumPrefs(doc)
  if (!settings) {
    const reason = t('obsCrBadShape')
    return {
      findings: [finding('unknown', '', { label, source: file, observed: reason })],
      gap: t('crUnreadable', { file, reason, page: settingsPage }),
    }
  }
  const findings: Finding[] = [finding('info', '', { label, source: file, observed: t('obsCrAllowed', { count: settings.grants.length }) })]
  for (const d of settings.allowByDefault) {
    findings.push(
      finding('warn', `${name} ${dir}`, {
        label: defaultLabel(d.permission, name, dir),
        source: `${file} → profile.default_content_setting_values.${d.key}`,
        observed: 1,
        expected: t('crDefaultRevoke', { browser: name, page: `${settingsPage}/${d.permission}`, profile: dir }),
      }),
    )
  }
  for (const g of settings.grants) {
    findings.push(
      finding('info', g.site, {
        label: siteLabel(g.permission, name, dir, g.site),
        source: `${file} → profile.content_settings.exceptions`,
        observed: g.raw,
        expected: t('crRevoke', { browser: name, page: `${settingsPage}/${g.permission}`, profile: dir }),
      }),
    )
  }
  return { findings }
}

async function collectBrowser(host: Host, browser: ChromiumInstallation): Promise<Collected> {
  const entries = await attempt(browser.userDataDir, () => host.readDir(browser.userDataDir))
  if (!entries.ok) {
    const reason = describeHostError(entries.reason, browser.userDataDir)
    return {
      findings: [
        finding('unknown', '', {
          label: t('crProfiles', { browser: browser.spec.name }),
          source: browser.userDataDir,
          observed: observedError(entries.reason.code),
        }),
      ],
      gap: t('crDiscovery', { browser: browser.spec.name, reason }),
    }
  }
  const dirs = entries.value.filter((e) => e.kind === 'dir' && PROFILE_DIR.test(e.name)).map((e) => e.name)
  const parts = await Promise.all(dirs.map((dir) => collectProfile(host, browser, dir)))
  const gap = parts.find((part) => part.gap)?.gap
  // Which profiles were looked at is evidence even when none holds a grant: a pass is never bare.
  const profiles = finding('info', '', {
    label: t('crProfiles', { browser: browser.spec.name }),
    source: browser.userDataDir,
    observed: dirs.length > 0 ? verbatim(dirs.join(', ')) : observedWord('none'),
  })
  const findings = [profiles, ...parts.flatMap((part) => part.findings)]
  return gap ? { findings, gap } : { findings }
}

/** Chromium-family browsers: every profile's Preferences, and which browsers are here (read or not). */
export async function collectChromium(host: Host): Promise<Collected & { browsers: ChromiumBrowserId[] }> {
  const discovery = await findChromiumBrowsers(host)
  const parts = await Promise.all(discovery.browsers.map((b) => collectBrowser(host, b)))
  const findings = parts.flatMap((part) => part.findings)
  let gap = parts.find((part) => part.gap)?.gap
  for (const problem of discovery.problems) {
    const reason = problem.reason
    findings.push(
      finding('unknown', '', { label: t('crProfiles', { browser: problem.spec.name }), source: problem.source, observed: reason }),
    )
    gap ??= t('crDiscovery', { browser: problem.spec.name, reason })
  }
  const browsers = [...new Set([...discovery.browsers, ...discovery.problems].map((b) => b.spec.id))]
  return gap ? { findings, gap, browsers } : { findings, browsers }
}
