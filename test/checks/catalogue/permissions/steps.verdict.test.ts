import { describe, expect, it } from 'vitest'
import { judgeApps, type LinuxSystem } from '../../../../checks/catalogue/permissions/apps.verdict.js'
import { judgeBrowsers, type BrowserFacts } from '../../../../checks/catalogue/permissions/browser.verdict.js'
import type { ChromiumBrowserId } from '../../../../checks/readers/browsers/chromium-browsers.io.js'
import type { Outcome, Platform } from '../../../../checks/core/types.js'

const keys = (o: Outcome): string[] | undefined => o.steps?.map((s) => s.text.key)
const A = (k: string): string => `permissions.apps.${k}`
const FLATPAK = ['linuxBackup', 'linuxHome', 'linuxDevices', 'linuxEscape', 'linuxUndo', 'linuxPortal'].map(A)

describe('permissions.apps steps fit the sandboxes found', () => {
  it.each<[Platform, LinuxSystem[] | undefined, string[] | undefined]>([
    ['linux', ['flatpak', 'snap'], undefined],
    ['linux', ['flatpak'], FLATPAK],
    ['linux', ['snap'], [A('linuxSnap')]],
    ['linux', [], []],
    ['darwin', undefined, undefined],
    ['win32', undefined, undefined],
  ])('%s with %j', (platform, systems, expected) => {
    const o = judgeApps({ platform, collected: { findings: [] }, ...(systems ? { systems } : {}) })
    expect(keys(o)).toEqual(expected)
  })
})

describe('permissions.browser steps fit the browsers found', () => {
  const facts = (profiles: number, browsers: ChromiumBrowserId[]): BrowserFacts => ({
    firefox: { findings: [], profiles },
    chromium: { findings: [], browsers },
  })
  const B = (k: string): string => `permissions.browser.${k}`
  it.each<[Platform, number, ChromiumBrowserId[], string[] | undefined]>([
    ['linux', 1, [], [B('ffStep')]],
    ['linux', 0, ['chromium'], [B('crStep')]],
    ['darwin', 1, ['chrome', 'brave'], [B('ffStep'), B('crStep'), B('braveStep')]],
    ['win32', 0, ['edge'], [B('edgeStep')]],
    ['win32', 2, ['chrome', 'edge', 'brave', 'vivaldi'], undefined],
    ['linux', 0, [], []],
  ])('%s: %d Firefox profiles and %j', (_, profiles, browsers, expected) => {
    expect(keys(judgeBrowsers(facts(profiles, browsers)))).toEqual(expected)
  })
})
