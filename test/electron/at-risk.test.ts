import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { forgetEverything, quickExit } from '../../src-main/electron/at-risk.js'
import { openConfStore } from '../../src-main/node/store/conf-store.js'
import { rawReport } from '../node/store/support/raw-report.js'

describe('Quick Exit', () => {
  it.each(['linux', 'win32'] as const)('hides every window at once on %s, without hiding the app', (platform) => {
    const windows = [{ hide: vi.fn() }, { hide: vi.fn() }]
    const hideApp = vi.fn()
    quickExit({ platform, windows: () => windows, hideApp })
    for (const w of windows) expect(w.hide).toHaveBeenCalledTimes(1)
    expect(hideApp).not.toHaveBeenCalled()
  })

  it('also hides the app on macOS, so another app comes to the front', () => {
    const win = { hide: vi.fn() }
    const hideApp = vi.fn()
    quickExit({ platform: 'darwin', windows: () => [win], hideApp })
    expect(win.hide).toHaveBeenCalled()
    expect(hideApp).toHaveBeenCalled()
  })
})

describe('forget everything', () => {
  it('leaves the store at its defaults and clears the window’s browsing data', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-forget-'))
    try {
      const store = openConfStore({ cwd: dir })
      store.updateSettings({ locale: 'fa', timeoutMs: 3000 })
      store.addReport(rawReport(1))
      store.setGuidance({
        profile: 'high-risk',
        answers: { targeted: 'yes' },
        checklist: { 'dns.firefox#1': '2026-01-01T00:00:00.000Z' },
        acceptedRisks: [],
      })
      const clearBrowsingData = vi.fn(async () => undefined)
      await forgetEverything({ store, clearBrowsingData })
      expect(clearBrowsingData).toHaveBeenCalledTimes(1)
      const again = openConfStore({ cwd: dir })
      expect(again.settings()).toEqual({ locale: null, timeoutMs: 5000 })
      expect(again.reports()).toEqual([])
      expect(again.notices()).toEqual([])
      expect(again.guidance()).toEqual({ profile: null, answers: {}, checklist: {}, acceptedRisks: [] })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
