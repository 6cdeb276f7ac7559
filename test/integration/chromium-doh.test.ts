/**
 * dns.chromium against a Local State written by the real chromium in a temporary HOME (its
 * default user data folder, ~/.config/chromium). A value put into Local State is kept by chromium
 * when it rewrites the file on exit, and the check reads that rewritten file. As root, a managed
 * policy file is added in a folder that did not exist before, and removed.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumCheck } from '../../checks/catalogue/dns/chromium.check.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import type { RawResult } from '../../checks/core/report/model.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { keyed } from '../support/seen.js'
import { runChromium } from '../support/chromium.js'

const hasChromium = spawnSync('sh', ['-c', 'command -v chromium']).status === 0
if (!hasChromium && process.env.CI) throw new Error('chromium is missing, and CI must run this test (apt-get install chromium)')

const isRoot = process.getuid?.() === 0
const POLICY_ROOT = '/etc/chromium/policies'
const POLICY_FILE = path.join(POLICY_ROOT, 'managed', `bulwark-test-${process.pid}.json`)

describe.skipIf(!hasChromium)('dns.chromium with a Local State written by chromium', () => {
  let tmp: string
  let home: string
  let userData: string
  let localState: string
  const timings: Record<string, number> = {}
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') })
  const scan = (): Promise<RawResult> => runCheck(chromiumCheck, createNodeHost(env()))
  const chromium = (label: string): void => {
    const started = Date.now()
    runChromium(userData, env(), 20000)
    timings[label] = Date.now() - started
  }
  /** Puts a value into Local State and lets chromium rewrite the file, as a user's change would be saved. */
  const seed = (label: string, doh: unknown): void => {
    const state = JSON.parse(readFileSync(localState, 'utf8')) as Record<string, unknown>
    writeFileSync(localState, JSON.stringify({ ...state, dns_over_https: doh }))
    chromium(label)
  }
  /** Evidence as message keys and parameters, not English wording. */
  const evidence = (r: RawResult): string => r.evidence.map((e) => `${keyed(e.label)} | ${e.source} | ${keyed(e.observed)}`).join('\n')

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-cr-doh-'))
    home = path.join(tmp, 'home')
    userData = path.join(home, '.config', 'chromium')
    localState = path.join(userData, 'Local State')
    mkdirSync(home, { recursive: true })
    chromium('first run')
    if (!existsSync(localState)) throw new Error('chromium did not write Local State')
  })

  afterAll(() => {
    console.info(`chromium run times (ms): ${JSON.stringify(timings)}`)
    rmSync(tmp, { recursive: true, force: true })
  })

  it('warns on a fresh Local State with no secure DNS setting (the default can fall back)', async () => {
    const r = await scan()
    expect(r.status).toBe('warn')
    expect(r.summary).toMatchObject({ key: 'dns.chromium.r_default_automatic', params: { browser: 'Chromium' } })
    expect(evidence(r)).toContain(`dns.chromium.modeLabel(browser=Chromium) | ${localState} | dns.chromium.obsDefault`)
    expect(r.durationMs).toBeLessThan(1000)
  })

  it('passes once Local State holds secure mode with a template, as chromium rewrote it', async () => {
    seed('secure', { mode: 'secure', templates: 'https://dns.quad9.net/dns-query' })
    expect(readFileSync(localState, 'utf8')).toContain('"dns_over_https":{"mode":"secure","templates":"https://dns.quad9.net/dns-query"}')
    const r = await scan()
    expect(r.status).toBe('pass')
    expect(evidence(r)).toContain(
      `dns.chromium.templatesLabel(browser=Chromium) | ${localState} | dns.chromium.obsLocalState(value="https://dns.quad9.net/dns-query")`,
    )
  })

  it('fails when secure DNS is off', async () => {
    seed('off', { mode: 'off', templates: '' })
    const r = await scan()
    expect(r.status).toBe('fail')
    expect(r.summary).toMatchObject({ key: 'dns.chromium.r_off', params: { browser: 'Chromium', count: 1 } })
  })

  describe.skipIf(!isRoot)('with a managed policy (root only)', () => {
    // Only a folder that did not exist is used, so cleaning up cannot touch the machine's own policy.
    const preexisting = existsSync(POLICY_ROOT)

    beforeAll(() => {
      if (preexisting) return
      mkdirSync(path.dirname(POLICY_FILE), { recursive: true })
      writeFileSync(
        POLICY_FILE,
        JSON.stringify({ DnsOverHttpsMode: 'secure', DnsOverHttpsTemplates: 'https://dns.quad9.net/dns-query{?dns}' }),
      )
    })

    afterAll(() => {
      if (!preexisting) rmSync(POLICY_ROOT, { recursive: true, force: true })
    })

    it.skipIf(preexisting)('lets the policy win over Local State "off"', async () => {
      chromium('with policy')
      const r = await scan()
      expect(r.status).toBe('pass')
      expect(evidence(r)).toContain(`dns.chromium.modeLabel(browser=Chromium) | ${POLICY_FILE} | dns.chromium.obsPolicy(value="secure")`)
    })
  })
})
