// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SetProfileRequest } from '../../src-main/shared/ipc-contract.js'
import { ok } from '../../src-main/shared/result.js'
import { App } from '../../src-renderer/App.js'
import { fakeApi, guidance, report, result } from './support/fake-api.js'
import { renderUi } from './support/render.js'

afterEach(cleanup)

const results = [
  result({ id: 'dns.firefox', title: 'Firefox encrypted DNS', category: 'dns', status: 'warn', summary: 'Falls back to plain DNS.' }),
  result({
    id: 'permissions.apps',
    title: 'App permissions',
    category: 'permissions',
    status: 'fail',
    summary: 'Two apps can use the camera.',
  }),
  result({ id: 'keys.hardware', title: 'Hardware keys', category: 'keys', status: 'pass', summary: 'A key is set up.' }),
]

describe('App: guided flow', () => {
  it('opens the questionnaire on first run and lands on the plan with the chosen profile', async () => {
    const setProfile = vi.fn(async ({ profile, answers }: SetProfileRequest) => ok(guidance({ profile, answers: answers ?? {} })))
    renderUi(<App />, { api: fakeApi({ lastReport: async () => ok(report(results)), setProfile }) })
    expect(await screen.findByRole('heading', { name: 'A few questions first' })).toBeTruthy()
    expect(screen.queryByRole('navigation')).toBeNull()
    for (let i = 0; i < 5; i += 1) {
      fireEvent.click(screen.getByRole('radio', { name: i === 1 ? 'Yes' : 'No' }))
      fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    }
    expect(screen.getByRole('radio', { name: /High-risk/ })).toHaveProperty('checked', true)
    fireEvent.click(screen.getByRole('button', { name: 'Use this profile' }))
    await waitFor(() =>
      expect(setProfile).toHaveBeenCalledWith({
        profile: 'high-risk',
        answers: { targeted: 'no', borders: 'yes', sources: 'no', managed: 'no', shared: 'no' },
      }),
    )
    expect(await screen.findByRole('heading', { name: 'Your plan' })).toBeTruthy()
    const nav = screen.getByRole('navigation', { name: 'Sections' })
    expect(within(nav).getByRole('button', { name: 'Panic checklist' })).toBeTruthy()
    expect(within(nav).getByRole('button', { name: 'Plan' }).getAttribute('aria-current')).toBe('page')
  })

  it('offers the panic checklist only to the high-risk profile', async () => {
    renderUi(<App />, { api: fakeApi({ getGuidance: async () => ok(guidance({ profile: 'everyday' })) }) })
    const nav = await screen.findByRole('navigation', { name: 'Sections' })
    expect(within(nav).queryByRole('button', { name: 'Panic checklist' })).toBeNull()
    expect(within(nav).getByRole('button', { name: 'History' })).toBeTruthy()
  })

  it('goes from "Do this first" to the walk-through and back', async () => {
    renderUi(<App />, {
      api: fakeApi({ lastReport: async () => ok(report(results)), getGuidance: async () => ok(guidance({ profile: 'everyday' })) }),
    })
    const first = await screen.findByRole('region', { name: 'Do this first' })
    expect(first.getAttribute('data-check-id')).toBe('permissions.apps')
    fireEvent.click(within(first).getByRole('button', { name: 'Show me how App permissions' }))
    const heading = await screen.findByRole('heading', { level: 2, name: 'App permissions' })
    expect(document.activeElement).toBe(heading)
    fireEvent.click(screen.getByRole('button', { name: 'Back to the plan' }))
    expect(await screen.findByRole('heading', { name: 'Your plan' })).toBeTruthy()
  })

  it('Quick exit blanks the window at once and asks main to hide it, from the button or Escape', async () => {
    const quickExit = vi.fn(async () => ok(null))
    const { container } = renderUi(<App />, { api: fakeApi({ quickExit, getGuidance: async () => ok(guidance({ profile: 'everyday' })) }) })
    await screen.findByRole('heading', { name: 'Your plan' })
    fireEvent.keyDown(window, { key: 'Escape' })
    expect(container.querySelector('[data-quick-exit]')).not.toBeNull()
    expect(container.textContent).toBe('')
    expect(quickExit).toHaveBeenCalledTimes(1)
    cleanup()
    const again = renderUi(<App />, { api: fakeApi({ quickExit, getGuidance: async () => ok(guidance({ profile: 'everyday' })) }) })
    fireEvent.click(await screen.findByRole('button', { name: /Quick exit/ }))
    expect(again.container.textContent).toBe('')
    expect(quickExit).toHaveBeenCalledTimes(2)
  })

  it('leaves Escape to an open dialog instead of exiting', async () => {
    const quickExit = vi.fn(async () => ok(null))
    renderUi(<App />, { api: fakeApi({ quickExit, getGuidance: async () => ok(guidance({ profile: 'everyday' })) }) })
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }))
    fireEvent.click(screen.getByRole('button', { name: 'Export a report…' }))
    expect(screen.getByRole('dialog', { name: 'Export a report' })).toBeTruthy()
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' })
    expect(quickExit).not.toHaveBeenCalled()
  })

  it('"Forget everything" clears the store and brings back the questionnaire', async () => {
    let state = guidance({ profile: 'everyday' })
    const forgetEverything = vi.fn(async () => {
      state = guidance({})
      return ok(null)
    })
    renderUi(<App />, { api: fakeApi({ forgetEverything, getGuidance: async () => ok(state) }) })
    fireEvent.click(await screen.findByRole('button', { name: 'History' }))
    fireEvent.click(screen.getByRole('button', { name: 'Forget everything' }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Forget everything' }))
    expect(await screen.findByRole('heading', { name: 'A few questions first' })).toBeTruthy()
    expect(forgetEverything).toHaveBeenCalledTimes(1)
  })
})
