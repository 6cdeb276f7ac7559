import { describe, expect, it } from 'vitest'
import { isQuickExitKey } from '../../../../src-renderer/features/quick-exit/useQuickExit.js'

const noDialog = { querySelector: () => null }
const openDialog = { querySelector: (s: string) => (s === 'dialog[open]' ? ({} as Element) : null) }
const key = (k: string, extra: Partial<{ defaultPrevented: boolean; repeat: boolean }> = {}) => ({
  key: k,
  defaultPrevented: false,
  repeat: false,
  ...extra,
})

describe('isQuickExitKey', () => {
  it('is Escape alone, when no dialog is open and nothing else handled the key', () => {
    expect(isQuickExitKey(key('Escape'), noDialog)).toBe(true)
    expect(isQuickExitKey(key('Escape'), openDialog)).toBe(false)
    expect(isQuickExitKey(key('Escape', { defaultPrevented: true }), noDialog)).toBe(false)
    expect(isQuickExitKey(key('Escape', { repeat: true }), noDialog)).toBe(false)
    expect(isQuickExitKey(key('Enter'), noDialog)).toBe(false)
  })
})
