// The files in deploy/ are made from the registry and the catalogues (src-main/cli/formats/deploy.ts): a check
// added, renamed or given new steps changes them, and this fails until they are made again with
//   npm run deploy:generate
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHECKS } from '../../checks/registry.js'
import { fleetPolicies, intuneRules, osqueryConfig } from '../../src-main/cli/formats/deploy.js'
import { DEPLOY_MORE_INFO } from '../../src-main/cli/formats/deploy-files.js'

const FILES: readonly [string, () => string][] = [
  ['deploy/osquery/bulwark.linux.conf', () => osqueryConfig('linux')],
  ['deploy/osquery/bulwark.darwin.conf', () => osqueryConfig('darwin')],
  ['deploy/osquery/bulwark.windows.conf', () => osqueryConfig('windows')],
  ['deploy/fleet/policies.yml', () => fleetPolicies(CHECKS)],
  ['deploy/intune/rules.json', () => intuneRules(CHECKS, DEPLOY_MORE_INFO)],
]

const update = process.env.BULWARK_UPDATE_DEPLOY === '1'

describe('deploy/ matches what the registry makes', () => {
  it.each(FILES)('%s', (path, make) => {
    const made = make()
    if (update) writeFileSync(path, made)
    expect(readFileSync(path, 'utf8'), `${path} is stale: run npm run deploy:generate`).toBe(made)
  })
})
