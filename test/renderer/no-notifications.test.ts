import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sources(full)
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : []
  })
}

describe('at-risk promises in the renderer', () => {
  it('never uses the Notification API, so no finding can appear on a lock screen', () => {
    const offenders = sources(path.resolve('src-renderer')).filter((file) =>
      /\bNotification\b|showNotification|\bnew\s+Notification/.test(readFileSync(file, 'utf8')),
    )
    expect(offenders).toEqual([])
  })
})
