// @vitest-environment jsdom
import { act, cleanup, fireEvent, render as renderDom, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RawReport } from '../../src-main/shared/report.js'
import { render, type Locale } from '../../checks/core/i18n/locale.js'
import { verbatim } from '../../checks/core/i18n/message.js'
import { findCheck } from '../../checks/registry.js'
import type { SettingsPatch } from '../../src-main/shared/ipc-contract.js'
import { ApiProvider } from '../../src-renderer/api-context.js'
import { shellText } from '../../src-renderer/features/shell/messages.js'
import { LocaleGate } from '../../src-renderer/i18n/LocaleGate.js'
import { err, ok, type Result } from '../../src-main/shared/result.js'
import { getApi } from '../../src-renderer/api.js'
import { App } from '../../src-renderer/App.js'
import { checkInfo, fakeApi, guidance, raw, report, result } from './support/fake-api.js'
import { renderUi } from './support/render.js'

afterEach(cleanup)

const checks = [checkInfo('dns.firefox', 'Firefox encrypted DNS'), checkInfo('tor.socks', 'Tor SOCKS port')]

const firefoxFail = result({
  id: 'dns.firefox',
  status: 'fail',
  evidence: [{ label: 'DNS over HTTPS mode', source: '~/.mozilla/firefox/x/prefs.js', observed: 0 }],
  remediation: { steps: [{ text: 'Turn on DNS over HTTPS.', requiresAdmin: false }], references: [] },
})
const torPass = result({ id: 'tor.socks', title: 'Tor SOCKS port', status: 'pass', summary: 'Tor answers on 127.0.0.1:9050.' })

const everyday = async () => ok(guidance({ profile: 'everyday' }))

/** The scan view sits behind the "All results" tab once a profile is chosen. */
async function openResults(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'All results' }))
}

describe('App', () => {
  it('scans on first open, shows live per-check progress, then each result grouped worst first', async () => {
    let finish: (r: Result<RawReport>) => void = () => undefined
    const scan = vi.fn(() => new Promise<Result<RawReport>>((resolve) => (finish = resolve)))
    const api = fakeApi({ listChecks: async () => ok(checks), scan, getGuidance: everyday })
    renderUi(<App />, { api })
    await openResults()
    await waitFor(() => expect(scan).toHaveBeenCalledTimes(1))
    act(() => api.emit({ type: 'scan-started', ids: ['dns.firefox', 'tor.socks'] }))
    act(() => api.emit({ type: 'check-started', id: 'dns.firefox' }))
    expect(screen.getByRole('status').textContent).toBe('0 of 2 checks')
    expect(screen.getByText('Checking…')).toBeTruthy()
    expect(screen.getByText('Waiting')).toBeTruthy()
    act(() => api.emit({ type: 'check-finished', id: 'tor.socks', result: raw(torPass) }))
    expect(screen.getByRole('status').textContent).toBe('1 of 2 checks')
    await act(async () => finish(ok(report([firefoxFail, torPass]))))
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)
    expect(headings).toEqual(['Fail (1)', 'Pass (1)'])
    expect(screen.getByText('Tor answers on 127.0.0.1:9050.')).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Scan again' }) as HTMLButtonElement).disabled).toBe(false)
  })

  it('shows the saved report instead of scanning when there is one', async () => {
    const scan = vi.fn(async () => ok(report([])))
    renderUi(<App />, {
      api: fakeApi({
        listChecks: async () => ok(checks),
        lastReport: async () => ok(report([firefoxFail, torPass])),
        scan,
        getGuidance: everyday,
      }),
    })
    await openResults()
    await screen.findByText('Fail (1)')
    expect(scan).not.toHaveBeenCalled()
  })

  it('opens a result in the detail panel and re-runs only that check', async () => {
    const runCheck = vi.fn(async () => ok(raw({ ...firefoxFail, status: 'pass', summary: 'Now encrypted.' })))
    renderUi(<App />, {
      api: fakeApi({
        listChecks: async () => ok(checks),
        lastReport: async () => ok(report([firefoxFail, torPass])),
        runCheck,
        getGuidance: everyday,
      }),
    })
    await openResults()
    fireEvent.click(await screen.findByRole('button', { name: /Firefox encrypted DNS/ }))
    const detail = screen.getByRole('region', { name: 'Firefox encrypted DNS' })
    expect(within(detail).getByRole('heading', { level: 2 })).toBe(document.activeElement)
    expect(within(detail).getByRole('table')).toBeTruthy()
    expect(within(detail).getByText('How to fix it on Linux')).toBeTruthy()
    fireEvent.click(within(detail).getByRole('button', { name: 'Run this check again' }))
    expect(runCheck).toHaveBeenCalledWith({ id: 'dns.firefox' })
    await waitFor(() => expect(screen.getAllByText('Now encrypted.').length).toBeGreaterThan(0))
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toContain('Pass (2)')
  })

  it('turns an error value into a friendly message and keeps the last results', async () => {
    const api = fakeApi({
      listChecks: async () => ok(checks),
      lastReport: async () => ok(report([firefoxFail])),
      scan: async () => err('store_unwritable', 'The history file is read-only'),
      getGuidance: everyday,
    })
    renderUi(<App />, { api })
    await openResults()
    await screen.findByText('Fail (1)')
    fireEvent.click(screen.getByRole('button', { name: 'Scan again' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Something went wrong: The history file is read-only')
    expect(alert.textContent).toContain('store_unwritable')
    expect(screen.getByText('Fail (1)')).toBeTruthy()
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('says the engine is not connected when window.api is missing', async () => {
    renderUi(<App />, { api: getApi({}) })
    expect((await screen.findByRole('alert')).textContent).toContain('engine is not connected')
  })

  it('lays the window out right-to-left for Persian', async () => {
    const { container } = renderUi(<App />, { locale: 'fa' })
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'))
    expect(container.querySelector('.app')?.getAttribute('dir')).toBe('rtl')
    expect(document.documentElement.lang).toBe('fa')
  })

  it('shows what the store had to do and lets the person dismiss it', async () => {
    const dismissNotice = vi.fn(async () => ok(null))
    const notice = {
      id: 'n1',
      kind: 'corrupt' as const,
      at: '2026-01-02T10:00:00Z',
      movedTo: '/home/ana/.config/bulwark/config.json.bad',
      message: verbatim('Your settings file was damaged and was reset.'),
    }
    renderUi(<App />, { api: fakeApi({ listNotices: async () => ok([notice]), dismissNotice }) })
    expect(await screen.findByText('Your settings file was damaged and was reset.')).toBeTruthy()
    expect(screen.getByText('The original file was kept at /home/ana/.config/bulwark/config.json.bad.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    await waitFor(() => expect(screen.queryByText('Your settings file was damaged and was reset.')).toBeNull())
    expect(dismissNotice).toHaveBeenCalledWith({ id: 'n1' })
  })

  it('renders every result again in a newly chosen language without running or fetching anything again', async () => {
    const check = findCheck('dns.firefox')
    if (!check) throw new Error('dns.firefox is not registered')
    // What main really sends: the check's own messages, not text.
    const firefox = { ...raw(firefoxFail), title: check.title, observer: check.observer }
    const scan = vi.fn(async () => ok(report([firefox])))
    const runCheck = vi.fn(async () => ok(firefox))
    const lastReport = vi.fn(async () => ok(report([firefox])))
    let locale: Locale | null = null
    const settings = () => ok({ locale, timeoutMs: 5000, effectiveLocale: locale ?? ('en' as const) })
    const setSettings = vi.fn(async (patch: SettingsPatch) => {
      locale = patch.locale ?? null
      return settings()
    })
    const api = fakeApi({
      listChecks: async () => ok([{ ...checkInfo('dns.firefox', ''), title: check.title }]),
      lastReport,
      scan,
      runCheck,
      getSettings: async () => settings(),
      setSettings,
      getGuidance: everyday,
    })
    renderDom(
      <ApiProvider api={api}>
        <LocaleGate api={api}>
          <App />
        </LocaleGate>
      </ApiProvider>,
    )
    await openResults()
    expect(await screen.findByText(render(check.title, 'en'))).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: render(shellText('settings'), 'en') }))
    fireEvent.click(await screen.findByRole('radio', { name: 'Español' }))
    await waitFor(() => expect(document.documentElement.lang).toBe('es'))
    fireEvent.click(screen.getByRole('button', { name: render(shellText('results'), 'es') }))
    const spanish = render(check.title, 'es')
    expect(spanish).not.toBe(render(check.title, 'en'))
    expect(await screen.findByText(spanish)).toBeTruthy()
    expect(screen.queryByText(render(check.title, 'en'))).toBeNull()
    expect(setSettings).toHaveBeenCalledWith({ locale: 'es' })
    expect(scan).not.toHaveBeenCalled()
    expect(runCheck).not.toHaveBeenCalled()
    expect(lastReport).toHaveBeenCalledTimes(1)
  })
})
