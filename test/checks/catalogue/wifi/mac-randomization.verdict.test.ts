import { describe, expect, it } from 'vitest'
import { macOutcome, type MacFacts } from '../../../../checks/catalogue/wifi/mac-randomization.verdict.js'
import { verbatim } from '../../../../checks/core/i18n/message.js'

const settings = (over: Partial<Extract<MacFacts, { kind: 'settings' }>>): MacFacts => ({
  kind: 'settings',
  system: 'NetworkManager',
  newNetworks: 'per-network',
  networks: [],
  someDevices: [],
  scanRandom: true,
  unread: null,
  evidence: [],
  ...over,
})

describe('macOutcome', () => {
  it.each([
    [
      'every network private',
      settings({
        networks: [
          { name: 'Home', mode: 'per-network' },
          { name: 'Cafe', mode: 'random' },
        ],
      }),
      'pass',
      'private',
    ],
    ['a fixed chosen default', settings({ newNetworks: 'fixed' }), 'warn', 'fixedDefault'],
    ['randomised once per start', settings({ newNetworks: 'once' }), 'warn', 'onceDefault'],
    ['a value Bulwark does not know', settings({ networks: [{ name: 'Lab', mode: 'unrecognised' }] }), 'unknown', 'unrecognised'],
    ['scans with the hardware address', settings({ scanRandom: false }), 'warn', 'scanHardware'],
    [
      'an exposed network outranks what could not be read',
      settings({ networks: [{ name: 'Office', mode: 'hardware' }], unread: verbatim('root only') }),
      'warn',
      'exposedNetworks',
    ],
    ['no Wi-Fi', { kind: 'no-wifi', evidence: [] } as MacFacts, 'not_applicable', 'noWifi'],
  ])('%s', (_, facts, status, summary) => {
    const outcome = macOutcome(facts)
    expect(outcome.status).toBe(status)
    expect(outcome.summary.key).toBe(`wifi.mac-randomization.${summary}`)
  })
  it('names at most five networks and counts the rest', () => {
    const networks = Array.from({ length: 7 }, (_, i) => ({ name: `n${i}`, mode: 'hardware' as const }))
    const outcome = macOutcome(settings({ networks }))
    expect(outcome.summary.params).toMatchObject({ count: 7 })
    const names = outcome.summary.params?.names
    expect(typeof names === 'object' && 'params' in names && JSON.stringify(names)).toContain('"count":2')
  })
})
