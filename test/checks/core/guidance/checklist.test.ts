import { describe, expect, it } from 'vitest'
import {
  CHECKLIST,
  CHECKLIST_ITEM_IDS,
  checklistEntries,
  checklistFor,
  checklistKey,
  isChecklistItemId,
  type ChecklistHint,
} from '../../../../checks/core/guidance/checklist.js'
import { PROFILE_IDS } from '../../../../checks/core/guidance/profiles.js'

describe('the self-assessed checklist', () => {
  it('lists every id once, each with a title, what it protects, its limits and steps', () => {
    expect(CHECKLIST.map((i) => i.id).sort()).toEqual([...CHECKLIST_ITEM_IDS].sort())
    for (const item of CHECKLIST) {
      expect(item.title.key).toMatch(/^guidance\.checklist\.\w+Title$/)
      expect(item.protects.key).toMatch(/Protects$/)
      expect(item.limits.key).toMatch(/Limits$/)
      expect(item.steps.map((s) => s.key)).toHaveLength(3)
      expect(item.profiles.length).toBeGreaterThan(0)
    }
  })

  it('says plainly that random timing by hand gives little protection', () => {
    const patterns = CHECKLIST.find((i) => i.id === 'patterns')
    expect(patterns?.limits.key).toBe('guidance.checklist.patternsLimits')
    expect(patterns?.limits.en).toMatch(/Random timing by hand gives little protection/)
  })

  it.each([
    ['everyday', ['messenger', 'identities', 'share-less', 'masked-cards', 'vpn-provider']],
    ['it-baseline', ['messenger', 'identities', 'vpn-provider', 'account-keys']],
    ['high-risk', ['messenger', 'identities', 'share-less', 'masked-cards', 'vpn-provider', 'account-keys', 'tor-browser', 'patterns']],
    [null, CHECKLIST.map((i) => i.id)],
  ] as const)('profile %s lists its items in order', (profile, ids) => {
    expect(checklistFor(profile).map((i) => i.id)).toEqual(ids)
  })

  it('gives every profile the advice the issue names', () => {
    for (const profile of PROFILE_IDS)
      expect(checklistFor(profile).map((i) => i.id)).toEqual(expect.arrayContaining(['messenger', 'identities']))
  })

  it('keys a tick apart from step and panic ticks', () => {
    expect(checklistKey('masked-cards')).toBe('advice.masked-cards')
    expect(isChecklistItemId('masked-cards')).toBe(true)
    expect(isChecklistItemId('dns.firefox')).toBe(false)
    expect(isChecklistItemId('__proto__')).toBe(false)
  })

  it('pairs each item with its tick date and hints, and nothing else', () => {
    const hint: ChecklistHint = {
      item: 'messenger',
      text: { key: 'guidance.checklist.hintSignal', en: '' },
      source: '/opt/Signal/signal-desktop',
    }
    const entries = checklistEntries(
      'everyday',
      {
        'advice.messenger': '2026-12-01T10:00:00.000Z',
        'panic.encryption': '2026-12-01T10:00:00.000Z',
        'dns.firefox#1': '2026-12-01T10:00:00.000Z',
      },
      [hint],
    )
    expect(entries.map((e) => [e.item.id, e.doneAt, e.hints.length])).toEqual([
      ['messenger', '2026-12-01T10:00:00.000Z', 1],
      ['identities', null, 0],
      ['share-less', null, 0],
      ['masked-cards', null, 0],
      ['vpn-provider', null, 0],
    ])
  })

  it('a hint never ticks an item', () => {
    const hint: ChecklistHint = { item: 'identities', text: { key: 'guidance.checklist.hintContainers', en: '' }, source: 'x' }
    expect(checklistEntries('high-risk', {}, [hint]).every((e) => e.doneAt === null)).toBe(true)
  })
})
