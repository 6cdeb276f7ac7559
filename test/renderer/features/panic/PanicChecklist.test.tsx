// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { render } from '../../../../checks/core/i18n/locale.js'
import { PanicChecklist } from '../../../../src-renderer/features/panic/PanicChecklist.js'
import { PANIC_ITEMS } from '../../../../src-renderer/features/panic/panic-items.js'
import { renderUi } from '../../support/render.js'

afterEach(cleanup)

describe('PanicChecklist', () => {
  it('has 8 to 12 concrete items, each with a one-line why and a key the store accepts', () => {
    expect(PANIC_ITEMS.length).toBeGreaterThanOrEqual(8)
    expect(PANIC_ITEMS.length).toBeLessThanOrEqual(12)
    for (const item of PANIC_ITEMS) {
      expect(`panic.${item.id}`).toMatch(/^[a-z0-9.#-]+$/)
      expect(render(item.why, 'en')).not.toMatch(/\n/)
    }
    expect(PANIC_ITEMS.map((i) => i.id)).toEqual(
      expect.arrayContaining(['encryption', 'power-off', 'biometrics', 'quick-exit', 'contacts']),
    )
  })

  it('shows saved ticks and progress, and saves a tick under panic.<item>', () => {
    const onTick = vi.fn()
    renderUi(<PanicChecklist checklist={{ 'panic.encryption': '2026-01-01T00:00:00Z' }} onTick={onTick} />)
    expect(screen.getByRole('status').textContent).toBe(`1 of ${PANIC_ITEMS.length} done`)
    const power = screen.getByRole('checkbox', { name: /Power the device fully off/ })
    expect(power.getAttribute('aria-describedby')).toBe('why-power-off')
    fireEvent.click(power)
    expect(onTick).toHaveBeenCalledWith(['panic.power-off'], true)
    fireEvent.click(screen.getByRole('button', { name: 'Untick everything' }))
    expect(onTick).toHaveBeenLastCalledWith(['panic.encryption'], false)
  })

  it('opens the walkthrough of the check behind each item that has one (disk encryption, screen lock, updates), and only from them', () => {
    const onOpenCheck = vi.fn()
    renderUi(<PanicChecklist checklist={{}} onTick={vi.fn()} onOpenCheck={onOpenCheck} />)
    const links = screen.getAllByRole('button', { name: 'See what Bulwark found' })
    expect(links.map((b) => b.closest('li')?.getAttribute('data-item'))).toEqual(['encryption', 'screen-lock', 'updates'])
    for (const link of links) fireEvent.click(link)
    expect(onOpenCheck.mock.calls).toEqual([['disk.encryption'], ['screen.lock'], ['os.updates']])
  })
})
