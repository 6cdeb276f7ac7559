import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createGuidanceService } from '../../src-main/electron/guidance-service.js'
import { openConfStore } from '../../src-main/node/store/conf-store.js'

const NOW = new Date('2026-03-04T05:06:07.000Z')
let dir: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-guidance-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const open = () => createGuidanceService({ store: openConfStore({ cwd: dir }), now: () => NOW })

describe('guidance service', () => {
  it('starts with no profile, and stores the chosen profile and answers for the next start', () => {
    expect(open().get()).toEqual({ profile: null, answers: {}, checklist: {}, acceptedRisks: [] })
    open().setProfile({ profile: 'high-risk', answers: { targeted: 'yes', borders: 'not-sure' } })
    expect(open().get()).toMatchObject({ profile: 'high-risk', answers: { targeted: 'yes', borders: 'not-sure' } })
  })

  it('changes the profile any time, keeping the answers unless new ones come with it', () => {
    const g = open()
    g.setProfile({ profile: 'high-risk', answers: { targeted: 'yes' } })
    expect(g.setProfile({ profile: 'everyday' })).toMatchObject({ profile: 'everyday', answers: { targeted: 'yes' } })
    expect(g.setProfile({ profile: 'it-baseline', answers: { managed: 'yes' } })).toMatchObject({
      profile: 'it-baseline',
      answers: { managed: 'yes' },
    })
  })

  it('ticks a checklist item with the time it was done and unticks it by removing it', () => {
    const g = open()
    expect(g.setChecklistItem({ key: 'dns.firefox#1', done: true }).checklist).toEqual({ 'dns.firefox#1': NOW.toISOString() })
    g.setChecklistItem({ key: 'panic.wipe-browser', done: true })
    expect(g.setChecklistItem({ key: 'dns.firefox#1', done: false }).checklist).toEqual({ 'panic.wipe-browser': NOW.toISOString() })
    expect(open().get().checklist).toEqual({ 'panic.wipe-browser': NOW.toISOString() })
  })

  it('accepts a risk with a reason and a future date to ask again, replacing an earlier acceptance of the same check', () => {
    const g = open()
    const first = g.acceptRisk({ id: 'tor.service', reason: 'I do not use Tor.', reviewAt: '2026-06-01T00:00:00.000Z' })
    expect(first).toEqual({
      ok: true,
      value: expect.objectContaining({
        acceptedRisks: [
          { id: 'tor.service', reason: 'I do not use Tor.', acceptedAt: NOW.toISOString(), reviewAt: '2026-06-01T00:00:00.000Z' },
        ],
      }),
    })
    g.acceptRisk({ id: 'keys.hardware', reason: 'Cannot buy one yet.', reviewAt: '2026-04-01T00:00:00.000Z' })
    g.acceptRisk({ id: 'tor.service', reason: 'Still no Tor.', reviewAt: '2026-09-01T00:00:00.000Z' })
    expect(
      open()
        .get()
        .acceptedRisks.map((r) => [r.id, r.reason, r.reviewAt]),
    ).toEqual([
      ['keys.hardware', 'Cannot buy one yet.', '2026-04-01T00:00:00.000Z'],
      ['tor.service', 'Still no Tor.', '2026-09-01T00:00:00.000Z'],
    ])
  })

  it.each(['2026-03-04T05:06:07.000Z', '2026-03-04T05:06:06.999Z', '2020-01-01T00:00:00.000Z'])(
    'refuses a date to ask again that is not in the future (%s), and stores nothing',
    (reviewAt) => {
      const g = open()
      expect(g.acceptRisk({ id: 'tor.service', reason: 'Because.', reviewAt })).toEqual({
        ok: false,
        error: { code: 'bad_request', message: `The date to ask again (${reviewAt}) must be in the future.` },
      })
      expect(g.get().acceptedRisks).toEqual([])
    },
  )

  it('revokes an acceptance, and revoking one that does not exist changes nothing', () => {
    const g = open()
    g.acceptRisk({ id: 'tor.service', reason: 'Because.', reviewAt: '2027-01-01T00:00:00.000Z' })
    expect(g.revokeRisk({ id: 'vpn.wireguard' }).acceptedRisks).toHaveLength(1)
    expect(g.revokeRisk({ id: 'tor.service' }).acceptedRisks).toEqual([])
    expect(open().get().acceptedRisks).toEqual([])
  })

  it('hands out copies: changing a returned state does not change the store', () => {
    const g = open()
    g.get().checklist['sneaky.item'] = 'x'
    expect(g.get().checklist).toEqual({})
  })
})
