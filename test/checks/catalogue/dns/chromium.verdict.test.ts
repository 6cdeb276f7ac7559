import { describe, expect, it } from 'vitest'
import {
  assessChromium,
  fittingSteps,
  stepsFor,
  type ChromiumPolicy,
  type LocalState,
} from '../../../../checks/catalogue/dns/chromium.verdict.js'
import { CHROMIUM_BROWSERS, type ChromiumBrowserId } from '../../../../checks/readers/browsers/chromium-browsers.io.js'
import { verbatim } from '../../../../checks/core/i18n/message.js'

const LS = '/home/alex/.config/chromium/Local State'
const local = (mode?: unknown, templates?: unknown): LocalState => ({ state: 'read', path: LS, mode, templates })
const POL = '/etc/chromium/policies/managed/doh.json'
const T = 'https://dns.quad9.net/dns-query'

describe('assessChromium', () => {
  it.each([
    ['Local State secure + template', local('secure', T), {}, 'pass', 'secure'],
    ['nothing set', local(), {}, 'warn', 'default_automatic'],
    ['policy mode with the template from Local State', local('off', T), { mode: { value: 'secure', source: POL } }, 'pass', 'secure'],
    ['policy template with the mode from Local State', local('secure', ''), { templates: { value: T, source: POL } }, 'pass', 'secure'],
    ['policy off beats Local State secure', local('secure', T), { mode: { value: 'off', source: POL } }, 'fail', 'off'],
    ['policy automatic', local('secure', T), { mode: { value: 'automatic', source: POL } }, 'warn', 'automatic'],
    ['an unknown mode string acts as off', local('strict', T), {}, 'fail', 'unrecognised_mode'],
  ] as const)('%s → %s', (_name, ls, policy: ChromiumPolicy, verdict, reason) => {
    const a = assessChromium(ls, policy)
    expect([a.verdict, a.reason]).toEqual([verdict, reason])
  })

  it('says where each value came from', () => {
    const a = assessChromium(local('automatic', T), { mode: { value: 'secure', source: POL } })
    expect(a.mode).toEqual({ known: true, value: 'secure', origin: 'policy', source: POL })
    expect(a.templates).toEqual({ known: true, value: T, origin: 'local_state', source: LS })
  })

  it('is unknown when Local State is unreadable and the policy does not cover the value', () => {
    const unreadable: LocalState = { state: 'unreadable', path: LS, reason: verbatim('Permission denied') }
    expect(assessChromium(unreadable, { mode: { value: 'secure', source: POL } }).verdict).toBe('unknown')
    expect(assessChromium(unreadable, { mode: { value: 'automatic', source: POL } }).verdict).toBe('warn')
  })
})

describe('the steps that fit the browsers found', () => {
  const spec = (id: ChromiumBrowserId) => CHROMIUM_BROWSERS.find((b) => b.id === id)!
  const view = (steps: ReturnType<typeof fittingSteps>) =>
    steps?.map((s) => [
      s.text.key,
      s.text.params?.browser ?? s.text.params?.page ?? null,
      s.command?.line.match(/(\/etc\/\S+|HKLM:\\\S+?)'?( |$)/)?.[1] ?? null,
    ])

  it.each(['linux', 'darwin', 'win32'] as const)('%s: no browser left to configure: the defaults stand', (os) => {
    expect(fittingSteps(os, [])).toBeUndefined()
    expect(stepsFor(os)[0]?.text.key).toBe('dns.chromium.stepUi')
  })

  it.each([
    [
      'linux',
      ['chromium'],
      [
        ['dns.chromium.stepUiFor', 'Chromium', null],
        ['dns.chromium.stepNoLocalState', null, null],
        ['dns.chromium.stepPolicyFor', 'Chromium', '/etc/chromium/policies/managed'],
      ],
    ],
    [
      'linux',
      ['chrome', 'brave', 'vivaldi'],
      [
        ['dns.chromium.stepUiFor', 'Google Chrome', null],
        ['dns.chromium.stepUiFor', 'Brave', null],
        ['dns.chromium.stepUiFor', 'Vivaldi', null],
        ['dns.chromium.stepNoLocalState', null, null],
        ['dns.chromium.stepPolicyFor', 'Google Chrome', '/etc/opt/chrome/policies/managed'],
        ['dns.chromium.stepPolicyFor', 'Brave', '/etc/brave/policies/managed'],
      ],
    ],
    [
      'win32',
      ['edge', 'edge'],
      [
        ['dns.chromium.stepUiFor', 'Microsoft Edge', null],
        ['dns.chromium.stepNoLocalState', null, null],
        ['dns.chromium.stepPolicyFor', 'Microsoft Edge', 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Edge'],
      ],
    ],
    [
      'darwin',
      ['brave'],
      [
        ['dns.chromium.stepUiFor', 'Brave', null],
        ['dns.chromium.stepNoLocalState', null, null],
        ['dns.chromium.stepPolicyMac', null, null],
      ],
    ],
  ] as const)('%s with %j', (os, ids, expected) => {
    const steps = fittingSteps(os, ids.map(spec))
    expect(view(steps)).toEqual(expected)
    expect((steps ?? []).every((s) => !s.command || s.command.shell === (os === 'win32' ? 'powershell' : 'sh'))).toBe(true)
  })

  it('points each browser at its own settings page', () => {
    const pages = fittingSteps('linux', [spec('edge'), spec('brave')])?.map((s) => s.text.params?.page)
    expect(pages?.slice(0, 2)).toEqual(['edge://settings/privacy', 'brave://settings/security'])
  })
})
