import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checklistText } from '../../checks/core/guidance/checklist.js'
import { createGuidanceService } from '../../src-main/electron/guidance-service.js'
import { openConfStore } from '../../src-main/node/store/conf-store.js'
import { readChecklistHints } from '../../checks/readers/hints/checklist-hints.io.js'
import { createFixtureHost } from '../support/fixture-host.js'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-hints-service-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('checklist hints in the app', () => {
  it('are read through the Host and never tick an item or touch the store', async () => {
    const host = createFixtureHost({ platform: 'darwin', home: '/Users/alex', files: { '/Applications/Signal.app': 'x' } })
    const store = openConfStore({ cwd: dir })
    const g = createGuidanceService({ store, readHints: () => readChecklistHints(host) })
    const hints = await g.checklistHints()
    expect(hints.map((h) => [h.item, h.text.key, h.source])).toEqual([
      ['messenger', checklistText('hintSignal').key, '/Applications/Signal.app'],
    ])
    expect(g.get().checklist).toEqual({})
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it('a failing read gives no hint, not an error', async () => {
    const g = createGuidanceService({ store: openConfStore({ cwd: dir }), readHints: () => Promise.reject(new Error('boom')) })
    expect(await g.checklistHints()).toEqual([])
    expect(await createGuidanceService({ store: openConfStore({ cwd: dir }) }).checklistHints()).toEqual([])
  })

  it('ticks an advice item with its date, and Forget everything (reset) removes it', () => {
    const store = openConfStore({ cwd: dir })
    const g = createGuidanceService({ store, now: () => new Date('2026-12-07T10:00:00.000Z') })
    expect(g.setChecklistItem({ key: 'advice.masked-cards', done: true }).checklist).toEqual({
      'advice.masked-cards': '2026-12-07T10:00:00.000Z',
    })
    store.reset()
    expect(openConfStore({ cwd: dir }).guidance().checklist).toEqual({})
  })
})
