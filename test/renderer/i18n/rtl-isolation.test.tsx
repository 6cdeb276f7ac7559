// @vitest-environment jsdom
// Promise: in a right-to-left language a path or a command inside a sentence reads as written ("/usr/sbin/tor",
// not "usr/sbin/tor/"): every value set into a sentence is isolated, the way <bdi> isolates markup.
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { t as torText } from '../../../checks/catalogue/tor/service.messages.js'
import { LOCALES, render, type Locale } from '../../../checks/core/i18n/locale.js'
import { joinMessages, verbatim } from '../../../checks/core/i18n/message.js'
import type { RawResult } from '../../../src-main/shared/report.js'
import { localizeScanState, type RawScanState } from '../../../src-renderer/features/scan/scan-state.js'
import { Walkthrough } from '../../../src-renderer/features/walkthrough/Walkthrough.js'
import { renderForWindow } from '../../../src-renderer/i18n/i18n.js'
import { guidance } from '../support/fake-api.js'
import { renderUi } from '../support/render.js'

afterEach(cleanup)

const FSI = '\u2068'
const PDI = '\u2069'
const notRunning = torText('warnDaemonNotRunning', { path: '/usr/sbin/tor', command: 'sudo systemctl start tor' })

const torResult: RawResult = {
  id: 'tor.service',
  title: torText('title'),
  category: 'tor',
  severity: 'medium',
  status: 'warn',
  summary: notRunning,
  evidence: [{ label: verbatim('tor binary'), source: '/usr/sbin/tor', observed: verbatim('/usr/sbin/tor') }],
  durationMs: 3,
  rationale: verbatim('Tor hides where you go.'),
  observer: verbatim('What an observer learns: where you go.'),
  effort: 2,
  remediation: { steps: [{ text: torText('stepStartDaemon') }], references: [] },
}

describe('values inside right-to-left sentences are isolated', () => {
  it('Persian: the path and the command of a summary sit in first-strong isolates', () => {
    const text = renderForWindow(notRunning, 'fa')
    expect(text).toContain(`(${FSI}/usr/sbin/tor${PDI})`)
    expect(text).toContain(`${FSI}sudo systemctl start tor${PDI}`)
    expect(text.replaceAll(FSI, '').replaceAll(PDI, '')).toBe(render(notRunning, 'fa'))
  })

  it.each(LOCALES.filter((l): l is Exclude<Locale, 'fa'> => l !== 'fa'))('%s: left-to-right text is unchanged', (locale) => {
    expect(renderForWindow(notRunning, locale)).toBe(render(notRunning, locale))
  })

  it('a literal shown alone is isolated; a message inside a message isolates its own values, not its words', () => {
    expect(renderForWindow(verbatim('/etc/tor/torrc'), 'fa')).toBe(`${FSI}/etc/tor/torrc${PDI}`)
    const joined = renderForWindow(joinMessages([notRunning, verbatim('/run/tor/control')]), 'fa')
    expect(joined.startsWith('Tor')).toBe(true)
    expect(joined).toContain(`${FSI}/usr/sbin/tor${PDI}`)
    expect(joined.endsWith(`${FSI}/run/tor/control${PDI}`)).toBe(true)
  })

  it('the window shows a Persian result with its summary and evidence isolated', () => {
    const state: RawScanState = {
      order: ['tor.service'],
      entries: { 'tor.service': { id: 'tor.service', title: torResult.title, phase: 'done', result: torResult } },
      scan: null,
      rerunning: [],
      lastScan: null,
    }
    const entry = localizeScanState(state, 'fa').entries['tor.service']
    if (!entry?.result) throw new Error('no result')
    expect(entry.result.summary).toContain(`${FSI}/usr/sbin/tor${PDI}`)
    expect(entry.result.evidence[0]?.observed).toBe(`${FSI}/usr/sbin/tor${PDI}`)
    const { container } = renderUi(
      <Walkthrough
        entry={entry}
        platform="linux"
        guidance={guidance({ profile: 'everyday' })}
        busy={false}
        now={new Date(2026, 2, 1)}
        onBack={() => undefined}
        onCheckAgain={async () => null}
        onTick={() => undefined}
        onAllDone={() => undefined}
        onAccept={async () => true}
        onRevoke={() => undefined}
      />,
      { locale: 'fa' },
    )
    expect(container.querySelector('.detail-summary')?.textContent).toContain(`(${FSI}/usr/sbin/tor${PDI})`)
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(render(torResult.title, 'fa'))
    expect(container.querySelector('.evidence-source')?.getAttribute('dir')).toBe('ltr')
  })
})
