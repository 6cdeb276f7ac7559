// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SettingsPatch } from '../../../../src-main/shared/ipc-contract.js'
import { ok } from '../../../../src-main/shared/result.js'
import { ApiProvider } from '../../../../src-renderer/api-context.js'
import { SettingsView } from '../../../../src-renderer/features/settings/SettingsView.js'
import { LocaleGate } from '../../../../src-renderer/i18n/LocaleGate.js'
import { fakeApi } from '../../support/fake-api.js'

afterEach(cleanup)

describe('SettingsView', () => {
  it('switches the language through main’s settings and lays Persian out right-to-left; "follow the system" saves null', async () => {
    const setSettings = vi.fn(async ({ locale }: SettingsPatch) =>
      ok({ locale: locale ?? null, timeoutMs: 5000, effectiveLocale: locale ?? ('es' as const) }),
    )
    const api = fakeApi({ getSettings: async () => ok({ locale: null, timeoutMs: 5000, effectiveLocale: 'es' as const }), setSettings })
    render(
      <ApiProvider api={api}>
        <LocaleGate api={api}>
          <SettingsView profile="high-risk" onChangeProfile={() => undefined} onExport={() => undefined} />
        </LocaleGate>
      </ApiProvider>,
    )
    const system = await screen.findByRole('radio', { name: /\(Español\)$/ })
    expect((system as HTMLInputElement).checked).toBe(true)
    fireEvent.click(screen.getByRole('radio', { name: 'فارسی' }))
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'))
    expect(document.documentElement.lang).toBe('fa')
    expect(setSettings).toHaveBeenCalledWith({ locale: 'fa' })
    // In Persian the language's name sits in Unicode isolates, like every value inside a right-to-left sentence.
    fireEvent.click(screen.getByRole('radio', { name: /\(\u2068Español\u2069\)$/ }))
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'))
    expect(setSettings).toHaveBeenLastCalledWith({ locale: null })
  })

  it('re-opens the questionnaire, opens the export and explains Quick Exit', () => {
    const onChangeProfile = vi.fn()
    const onExport = vi.fn()
    const api = fakeApi()
    render(
      <ApiProvider api={api}>
        <LocaleGate api={api}>
          <SettingsView profile="everyday" onChangeProfile={onChangeProfile} onExport={onExport} />
        </LocaleGate>
      </ApiProvider>,
    )
    expect(screen.getByText('Current profile: Everyday privacy')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Answer the questions again' }))
    fireEvent.click(screen.getByRole('button', { name: 'Export a report…' }))
    expect(onChangeProfile).toHaveBeenCalled()
    expect(onExport).toHaveBeenCalled()
    expect(screen.getByText(/Press Escape \(when no dialog is open\)/)).toBeTruthy()
  })
})
