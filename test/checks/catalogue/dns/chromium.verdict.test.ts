import { describe, expect, it } from 'vitest'
import { assessChromium, type ChromiumPolicy, type LocalState } from '../../../../checks/catalogue/dns/chromium.verdict.js'
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
