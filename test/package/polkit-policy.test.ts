/**
 * pkexec's action for the administrator helper: it names the program the .deb installs (where the app looks for
 * it), asks for an administrator every time, and is the file electron-builder's .deb installs.
 */
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const POLICY = 'scripts/package/polkit/org.bulwark.apply-plan.policy'
const policy = readFileSync(POLICY, 'utf8')
const builder = readFileSync('scripts/package/electron-builder.yml', 'utf8')

describe('the polkit action for the helper', () => {
  it('names the helper at the path the .deb installs it to (/opt/<productName>/resources/helper/bulwark)', () => {
    const product = /^productName: (.+)$/m.exec(builder)?.[1]
    expect(product).toBe('Bulwark')
    expect(/<annotate key="org.freedesktop.policykit.exec.path">([^<]+)<\/annotate>/.exec(policy)?.[1]).toBe(
      `/opt/${product}/resources/helper/bulwark`,
    )
    // The app looks for the helper in the same place (resources/helper).
    expect(readFileSync('src-main/electron/index.ts', 'utf8')).toContain("path.join(process.resourcesPath, 'helper',")
    expect(builder).toMatch(/extraResources:\n {2}- from: out\/standalone\n {4}to: helper\n/)
  })

  it('asks for an administrator on every run, never keeps the authorisation, and never allows without asking', () => {
    expect(policy).toContain('<action id="org.bulwark.apply-plan">')
    const defaults = [...policy.matchAll(/<(allow_any|allow_inactive|allow_active)>([^<]+)</g)].map((m) => [m[1], m[2]])
    expect(defaults).toEqual([
      ['allow_any', 'auth_admin'],
      ['allow_inactive', 'auth_admin'],
      ['allow_active', 'auth_admin'],
    ])
  })

  it('is the file the .deb installs into polkit’s actions folder', () => {
    expect(builder).toContain(`${POLICY}=/usr/share/polkit-1/actions/org.bulwark.apply-plan.policy`)
    expect(existsSync(POLICY)).toBe(true)
  })
})
