// Promise 4: nothing recurses on input depth. A policy file nested 200,000 levels deep is an
// `unknown` that names the file, never a "Maximum call stack size exceeded".
import { describe, expect, it } from 'vitest'
import { firefoxCheck } from '../../checks/catalogue/dns/firefox.check.js'
import { chromiumCheck } from '../../checks/catalogue/dns/chromium.check.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import { createFixtureHost } from '../support/fixture-host.js'

const deep = `{"policies":${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}}`

const CHROME_STATE = '/home/alex/.config/google-chrome/Local State'

describe.each([
  ['dns.firefox', firefoxCheck, '/etc/firefox/policies/policies.json', {}],
  ['dns.chromium', chromiumCheck, '/etc/opt/chrome/policies/managed/deep.json', { [CHROME_STATE]: '{}' }],
] as const)('%s with a policy file nested 200,000 levels deep', (_id, check, file, more) => {
  it('ends as unknown naming the file, without a stack overflow', async () => {
    const host = createFixtureHost({ platform: 'linux', home: '/home/alex', files: { [file]: deep, ...more } })
    const r = await runCheck(check, host)
    expect(r.status).not.toBe('error')
    expect(JSON.stringify(r)).not.toContain('call stack')
    expect(JSON.stringify(r)).toContain(file)
  })
})
