import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../../..')

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sources(full)
    return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) ? [full] : []
  })
}

// A notification can show a finding (or the mere fact that Bulwark runs) on a locked screen, to
// anyone holding the device. Bulwark sends none: neither Electron's Notification in main nor the web
// Notification API in the renderer.
const NOTIFYING = /\bNotification\b|showNotification|setBadgeCount|\.flashFrame\(|setOverlayIcon|setProgressBar/

describe('Bulwark shows nothing on a lock screen', () => {
  it.each(['src-main', 'src-renderer'])('no file in %s uses notifications, badges or attention requests', (folder) => {
    const offenders = sources(path.join(ROOT, folder))
      .filter((file) => NOTIFYING.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file))
    expect(offenders).toEqual([])
  })

  it('would catch one', () => {
    expect(NOTIFYING.test("import { app, Notification } from 'electron'\nnew Notification({ title })")).toBe(true)
    expect(NOTIFYING.test('new window.Notification("1 check failed")')).toBe(true)
  })
})
