// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { render } from '../../../../checks/core/i18n/locale.js'
import type { RawReport } from '../../../../src-main/shared/report.js'
import { err, ok, type Result } from '../../../../src-main/shared/result.js'
import type { CheckInfo } from '../../../../src-main/shared/ipc-contract.js'
import { App } from '../../../../src-renderer/App.js'
import { componentText } from '../../../../src-renderer/components/messages.js'
import { shellText } from '../../../../src-renderer/features/shell/messages.js'
import { checkInfo, fakeApi, guidance, report, result } from '../../support/fake-api.js'
import { renderUi } from '../../support/render.js'

afterEach(cleanup)

const checks = [checkInfo('dns.firefox', 'Firefox encrypted DNS')]
const saved = report([result({ id: 'dns.firefox', status: 'fail' })])
const scanned = report([result({ id: 'dns.firefox', status: 'pass' })])

const cases: {
  name: string
  catalogue: Result<CheckInfo[]>
  lastReport: RawReport | null
  scans: number
  /** The row's verdict once the app has settled; null: no row. */
  status: string | null
  error: string | null
}[] = [
  {
    name: 'a saved report is shown as it is, without scanning',
    catalogue: ok(checks),
    lastReport: saved,
    scans: 0,
    status: 'fail',
    error: null,
  },
  {
    name: 'without a saved report the app scans once and shows that',
    catalogue: ok(checks),
    lastReport: null,
    scans: 1,
    status: 'pass',
    error: null,
  },
  {
    name: 'a catalogue that fails to load is reported and nothing is scanned',
    catalogue: err('ipc_failed', 'main did not answer'),
    lastReport: saved,
    scans: 0,
    status: null,
    error: 'ipc_failed',
  },
]

describe('opening the app', () => {
  it.each(cases)('$name; the catalogue and the saved report are asked for together', async (c) => {
    const asked: string[] = []
    // The catalogue answers only once the saved report has been asked for: one round trip to main, not two.
    let lastReportAsked = (): void => undefined
    const bothAsked = new Promise<void>((resolve) => (lastReportAsked = resolve))
    const scan = vi.fn(async () => ok(scanned))
    const api = fakeApi({
      listChecks: async () => {
        asked.push('listChecks')
        await bothAsked
        return c.catalogue
      },
      lastReport: async () => {
        asked.push('lastReport')
        lastReportAsked()
        return ok(c.lastReport)
      },
      scan,
      getGuidance: async () => ok(guidance({ profile: 'everyday' })),
    })
    const { container } = renderUi(<App />, { api })
    fireEvent.click(await screen.findByRole('button', { name: render(shellText('results'), 'en') }))
    const row = () => container.querySelector('.result-row[data-check-id="dns.firefox"]')
    if (c.error) {
      const code = render(componentText('errorCode', { code: c.error }), 'en')
      await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(code))
    } else await waitFor(() => expect(row()?.getAttribute('data-status')).toBe(c.status))
    expect(asked).toEqual(['listChecks', 'lastReport'])
    expect(scan).toHaveBeenCalledTimes(c.scans)
    if (c.status === null) expect(row()).toBeNull()
  })
})
