import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { chromiumCheck } from '../../../../checks/catalogue/dns/chromium.check.js'
import { HostError, type Host } from '../../../../checks/core/host/host.js'
import type { Outcome } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureCommand, type FixtureFile } from '../../../support/fixture-host.js'
import { keyed, keyedEvidence } from '../../../support/seen.js'

const FIXTURES = path.join(__dirname, '../../../fixtures/dns.chromium')
const recording = (os: string, name: string): string => readFileSync(path.join(FIXTURES, os, 'recordings', name), 'utf8')
const ABSENT: FixtureCommand = { code: 1, stderr: recording('win32', 'reg-query-absent.stderr.txt') }
const realLocalState = readFileSync(path.join(FIXTURES, 'linux/home/alex/.config/chromium/Local State'), 'utf8')
const withDoh = (doh: unknown): string => JSON.stringify({ ...(JSON.parse(realLocalState) as object), dns_over_https: doh })

const run = (host: Host): Promise<Outcome> => chromiumCheck.run(host, new AbortController().signal)
/** The summary and the evidence as message keys and parameters, not English wording. */
const text = (o: Outcome): string => keyed(o.summary)
const evidenceText = keyedEvidence

const WIN_ENV = { LOCALAPPDATA: 'C:\\Users\\alex\\AppData\\Local' }
const winHost = (commands: Record<string, FixtureCommand>): Host => {
  const all: Record<string, FixtureCommand> = {}
  for (const vendor of ['Google\\Chrome', 'Microsoft\\Edge'])
    for (const hive of ['HKLM', 'HKCU']) all[`reg query ${hive}\\SOFTWARE\\Policies\\${vendor} /s`] = ABSENT
  return createFixtureHost({ platform: 'win32', root: path.join(FIXTURES, 'win32'), env: WIN_ENV, commands: { ...all, ...commands } })
}
const CHROME_PLIST = '/Library/Managed Preferences/com.google.Chrome.plist'

describe('dns.chromium per OS (fixtures)', () => {
  it.each([
    [
      'linux: Local State written by chromium says automatic, but the managed policy file sets secure',
      () => createFixtureHost({ platform: 'linux', root: path.join(FIXTURES, 'linux') }),
      'pass',
      /^dns\.chromium\.allPass\(count=1\)$/,
      /dns\.chromium\.modeLabel\(browser=Chromium\) \| \/etc\/chromium\/policies\/managed\/10-secure-dns.json \| dns\.chromium\.obsPolicy\(value="secure"\)/,
    ],
    [
      'linux: without the policy the Local State "automatic" warns',
      () => createFixtureHost({ platform: 'linux', files: { '/home/alex/.config/chromium/Local State': realLocalState } }),
      'warn',
      /^dns\.chromium\.r_automatic\(browser=Chromium, count=1, mode=automatic\)$/,
      /dns\.chromium\.modeLabel\(browser=Chromium\) \| \/home\/alex\/.config\/chromium\/Local State \| dns\.chromium\.obsLocalState\(value="automatic"\)/,
    ],
    [
      'darwin: managed Chrome passes, Brave without a setting warns and is named',
      () =>
        createFixtureHost({
          platform: 'darwin',
          root: path.join(FIXTURES, 'darwin'),
          commands: { [`plutil -convert json -o - ${CHROME_PLIST}`]: recording('darwin', 'plutil-com.google.Chrome.json') },
        }),
      'warn',
      /^dns\.chromium\.r_default_automatic\(browser=Brave,/,
      /dns\.chromium\.modeLabel\(browser=Google Chrome\) \| \/Library\/Managed Preferences\/com.google.Chrome.plist \| dns\.chromium\.obsPolicy\(value="secure"\)/,
    ],
    [
      'darwin: plutil missing: Chrome is unknown, Brave still warns (worst known wins)',
      () => createFixtureHost({ platform: 'darwin', root: path.join(FIXTURES, 'darwin') }),
      'warn',
      /^dns\.chromium\.r_default_automatic\(browser=Brave,/,
      /dns\.chromium\.browserLabel\(browser=Google Chrome\) \| \/Users\/alex\/Library\/Application Support\/Google\/Chrome \| browsers\.verdict_unknown/,
    ],
    [
      'win32: Edge off in Local State, HKLM policy automatic wins over HKCU secure',
      () =>
        winHost({
          'reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Edge /s': recording('win32', 'reg-query-HKLM-Edge.txt'),
          'reg query HKCU\\SOFTWARE\\Policies\\Microsoft\\Edge /s': recording('win32', 'reg-query-HKCU-Edge.txt'),
        }),
      'warn',
      /^dns\.chromium\.r_automatic\(browser=Microsoft Edge,/,
      /dns\.chromium\.templatesLabel\(browser=Microsoft Edge\) \| HKCU\\SOFTWARE\\Policies\\Microsoft\\Edge \| dns\.chromium\.obsPolicy\(value="https:\/\/dns.quad9.net\/dns-query"\)/,
    ],
    [
      'win32: no policy: Edge "off" fails, Chrome "secure" passes',
      () => winHost({}),
      'fail',
      /^dns\.chromium\.r_off\(browser=Microsoft Edge, count=2, mode=off\)$/,
      /dns\.chromium\.modeLabel\(browser=Google Chrome\) \| C:\\Users\\alex\\AppData\\Local\\Google\\Chrome\\User Data\\Local State \| dns\.chromium\.obsLocalState\(value="secure"\)/,
    ],
    [
      'win32: registry access denied: unknown with the reason',
      () => winHost({ 'reg query HKLM\\SOFTWARE\\Policies\\Google\\Chrome /s': { code: 1, stderr: 'ERROR: Access is denied.' } }),
      'fail',
      /^dns\.chromium\.r_off\(browser=Microsoft Edge,/,
      /dns\.chromium\.browserLabel\(browser=Google Chrome\) \| C:\\Users\\alex\\AppData\\Local\\Google\\Chrome\\User Data \| browsers\.verdict_unknown/,
    ],
  ] as const)('%s', async (_name, host, status, summary, evidence) => {
    const o = await run(host())
    expect(o.status).toBe(status)
    expect(text(o)).toMatch(summary)
    expect(evidenceText(o)).toMatch(evidence)
  })
})

describe('dns.chromium on damaged or unusual input', () => {
  const LS = '/home/alex/.config/chromium/Local State'
  const linux = (files: Record<string, FixtureFile>): Host => createFixtureHost({ platform: 'linux', files })

  it('is not_applicable when no Chromium-family browser has user data', async () => {
    const o = await run(createFixtureHost({ platform: 'linux' }))
    expect(o.status).toBe('not_applicable')
    expect(o.summary.key).toBe('dns.chromium.none')
  })

  it.each([
    ['secure with a template', { mode: 'secure', templates: 'https://dns.quad9.net/dns-query{?dns}' }, 'pass'],
    ['secure with two templates, one usable', { mode: 'secure', templates: 'garbage https://dns.quad9.net/dns-query' }, 'pass'],
    ['secure without a template', { mode: 'secure', templates: '' }, 'warn'],
    ['secure with an http template', { mode: 'secure', templates: 'http://dns.example/dns-query' }, 'warn'],
    ['off', { mode: 'off' }, 'fail'],
    ['an unknown mode string', { mode: 'paranoid' }, 'fail'],
    ['a non-string mode', { mode: 3 }, 'warn'],
  ] as const)('judges Local State with %s', async (_name, doh, status) => {
    const o = await run(linux({ [LS]: withDoh(doh) }))
    expect(o.status).toBe(status)
  })

  it.each([
    ['truncated', realLocalState.slice(0, 300), /dns\.chromium\.notJson\(/],
    ['binary garbage', new Uint8Array([0, 0xff, 0x13, 0x7b]), /dns\.chromium\.notJson\(/],
    ['unreadable', { error: 'permission_denied' as const }, /host\.permission_denied\(/],
    ['huge', 'x'.repeat(4 * 1024 * 1024 + 1), /host\.too_large\(/],
  ])('is unknown when Local State is %s, saying why', async (_name, content, reason) => {
    const o = await run(linux({ [LS]: content }))
    expect(o.status).toBe('unknown')
    expect(text(o)).toMatch(/^dns\.chromium\.unknownBrowser\(browser=Chromium, reason=/)
    expect(text(o)).toMatch(reason)
  })

  it('still decides from a policy that sets both values when Local State is damaged', async () => {
    const o = await run(
      linux({
        [LS]: '{"trunc',
        '/etc/chromium/policies/managed/doh.json':
          '{"DnsOverHttpsMode":"secure","DnsOverHttpsTemplates":"https://dns.quad9.net/dns-query"}',
      }),
    )
    expect(o.status).toBe('pass')
  })

  it('merges policy files per policy, the last file name winning, and skips files that are not JSON', async () => {
    const o = await run(
      linux({
        [LS]: withDoh({ mode: 'secure', templates: 'https://dns.quad9.net/dns-query' }),
        '/etc/chromium/policies/managed/a.json': '{"DnsOverHttpsMode":"secure"}',
        '/etc/chromium/policies/managed/b.json': '{"DnsOverHttpsMode":"automatic"}',
        '/etc/chromium/policies/managed/c.json': 'not json at all',
      }),
    )
    expect(o.status).toBe('warn')
    expect(evidenceText(o)).toMatch(
      /dns\.chromium\.modeLabel\(browser=Chromium\) \| \/etc\/chromium\/policies\/managed\/b.json \| dns\.chromium\.obsPolicy\(value="automatic"\)/,
    )
    expect(evidenceText(o)).toMatch(/c.json \| dns\.chromium\.policy\.notJson\(/)
  })

  it('is unknown when a policy file with comments sets DNS over HTTPS', async () => {
    const o = await run(
      linux({ [LS]: realLocalState, '/etc/chromium/policies/managed/doh.json': '{\n// IT\n"DnsOverHttpsMode": "secure"\n}' }),
    )
    expect(o.status).toBe('unknown')
    expect(text(o)).toMatch(/dns\.chromium\.policy\.commentsUncertain\(what=reader\.json\.comments\)/)
  })

  it('is unknown when the policy folder cannot be listed', async () => {
    const host = createFixtureHost({ platform: 'linux', files: { [LS]: realLocalState } })
    const readDir = host.readDir
    host.readDir = async (p) => {
      if (p === '/etc/chromium/policies/managed') throw new HostError('permission_denied', p)
      return readDir(p)
    }
    const o = await run(host)
    expect(o.status).toBe('unknown')
    expect(text(o)).toMatch(/policyCause\(source=\/etc\/chromium\/policies\/managed,.*host\.permission_denied\(/)
  })

  it('finds snap and flatpak user data and names each browser', async () => {
    const o = await run(
      linux({
        '/home/alex/snap/chromium/common/chromium/Local State': withDoh({ mode: 'secure', templates: 'https://dns.quad9.net/dns-query' }),
        '/home/alex/.var/app/com.brave.Browser/config/BraveSoftware/Brave-Browser/Local State': withDoh({ mode: 'off' }),
      }),
    )
    expect(o.status).toBe('fail')
    expect(o.summary).toMatchObject({ key: 'dns.chromium.r_off', params: { browser: 'Brave', count: 2 } })
  })
})

describe('dns.chromium remediation', () => {
  it('win32: Chrome passes and Edge is off: steps only for Edge', async () => {
    const o = await run(winHost({}))
    expect(o.steps?.map((s) => [s.text.key, s.text.params?.browser ?? null])).toEqual([
      ['dns.chromium.stepUiFor', 'Microsoft Edge'],
      ['dns.chromium.stepNoLocalState', null],
      ['dns.chromium.stepPolicyFor', 'Microsoft Edge'],
    ])
  })

  it('linux: every browser passes: no steps of its own', async () => {
    const o = await run(createFixtureHost({ platform: 'linux', root: path.join(FIXTURES, 'linux') }))
    expect(o.status).toBe('pass')
    expect(o.steps).toBeUndefined()
  })

  it.each(['linux', 'darwin', 'win32'] as const)(
    '%s: the settings page and an admin policy step, never an edit of Local State',
    (platform) => {
      const steps = chromiumCheck.remediation.byPlatform[platform] ?? []
      // stepUi names the settings pages of Chrome, Chromium, Edge, Brave and Vivaldi.
      expect(steps[0]?.text.key).toBe('dns.chromium.stepUi')
      expect(steps.some((s) => s.requiresAdmin && /DnsOverHttpsMode/.test(`${keyed(s.text)} ${s.command?.line ?? ''}`))).toBe(true)
      expect(steps.every((s) => !(s.command?.line ?? '').includes('Local State'))).toBe(true)
    },
  )
})
