import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineCheck } from '../../checks/core/define-check.js'
import { render } from '../../checks/core/i18n/locale.js'
import { defineMessages } from '../../checks/core/i18n/message.js'
import { t as cliText } from '../../src-main/cli/messages.js'
import { t as reportText } from '../../checks/core/report/messages.js'
import type { Check, Platform } from '../../checks/core/types.js'
import { forgetEverything } from '../../src-main/electron/at-risk.js'
import { createExportService } from '../../src-main/electron/export-service.js'
import { createFixService } from '../../src-main/electron/fix-service.js'
import { inProcessFixWork } from '../../src-main/electron/fix-worker/work.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { createGuidanceService } from '../../src-main/electron/guidance-service.js'
import { registerHandlers, type InvokeEvent } from '../../src-main/electron/ipc/handlers.js'
import { createRegister } from '../../src-main/electron/ipc/register.js'
import { createScanService } from '../../src-main/electron/scan-service.js'
import { EVENT_CHANNELS, INVOKE_CHANNELS, type ProgressEvent } from '../../src-main/shared/ipc-contract.js'
import type { Result } from '../../src-main/shared/result.js'
import { openConfStore } from '../../src-main/node/store/conf-store.js'
import type { StorePort } from '../../src-main/node/store/port.js'
import { rawReport } from '../node/store/support/raw-report.js'
import { createFixtureHost } from '../support/fixture-host.js'

const t = defineMessages('test.service', {
  title: 'Sample',
  rationale: 'Because.',
  observer: 'What an observer learns: little.',
  step: 'Do the thing.',
})
// Texts that the shipped catalogues translate, so localisation is tested against real Spanish.
const title = (n: number) => cliText('listHeading', { count: n })
const ok = reportText('statusPass')

function sample(n: number, platforms: Platform[] = ['linux'], run?: Check['run']): Check {
  const defined = defineCheck({
    id: `test.sample-${n}`,
    texts: t,
    category: 'test',
    severity: 'low',
    platforms,
    effort: 1,
    remediation: { byPlatform: { linux: [{ text: t('step') }] }, references: [] },
    run: run ?? (async () => ({ status: 'pass', summary: ok, evidence: [] })),
  })
  return { ...defined, title: title(n) }
}

let dir: string
let store: StorePort

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-service-'))
  store = openConfStore({ cwd: dir })
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

function service(checks: Check[] = [sample(1), sample(2, ['win32'])], systemLocale = 'en_US.UTF-8') {
  return createScanService({
    checks,
    createHost: () => createFixtureHost({ platform: 'linux' }),
    platform: 'linux',
    store,
    systemLocale: () => systemLocale,
    tool: { name: 'bulwark', version: '9.9.9' },
  })
}

describe('scan service', () => {
  it('lists checks as messages, with whether each applies here', () => {
    expect(service().listChecks()).toEqual([
      { id: 'test.sample-1', title: title(1), category: 'test', severity: 'low', applicable: true },
      { id: 'test.sample-2', title: title(2), category: 'test', severity: 'low', applicable: false },
    ])
  })

  it('follows the OS language until a language is chosen; the texts it sends do not depend on it', () => {
    const s = service(undefined, 'es_ES.UTF-8')
    expect(s.settings()).toEqual({ locale: null, timeoutMs: 5000, effectiveLocale: 'es' })
    const before = s.listChecks()
    expect(render(before[0]?.title ?? ok, s.settings().effectiveLocale)).toBe('Comprobaciones (1)')
    expect(s.updateSettings({ locale: 'en' })).toEqual({ locale: 'en', timeoutMs: 5000, effectiveLocale: 'en' })
    expect(s.listChecks()).toEqual(before)
    expect(render(before[0]?.title ?? ok, s.settings().effectiveLocale)).toBe('Checks (1)')
  })

  it('scans, reports progress and returns the report as messages, the same the store keeps', async () => {
    const s = service(undefined, 'es')
    const events: ProgressEvent[] = []
    const result = await s.scan({}, (e) => events.push(e))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.tool).toEqual({ name: 'bulwark', version: '9.9.9' })
    expect(result.value.results.map((r) => [r.id, r.status, r.summary.key, r.summary.params])).toEqual([
      ['test.sample-1', 'pass', 'report.statusPass', undefined],
      ['test.sample-2', 'not_applicable', 'engine.notApplicable', { platform: 'linux' }],
    ])
    // The renderer shows them in the chosen language.
    expect(result.value.results.map((r) => render(r.summary, 'es'))).toEqual(['Correcto', 'Esta comprobación no se aplica a linux.'])
    expect(events[0]).toEqual({ type: 'scan-started', ids: ['test.sample-1', 'test.sample-2'] })
    expect(events.at(-1)).toMatchObject({ type: 'scan-finished' })
    const finished = events.find((e) => e.type === 'check-finished' && e.id === 'test.sample-1')
    expect(finished).toMatchObject({ result: { summary: ok } })
    expect(store.reports()[0]?.results[0]?.summary).toEqual({ key: 'report.statusPass', en: 'Pass' })
    s.updateSettings({ locale: 'en' })
    expect(s.lastReport()).toEqual(result.value)
    expect(s.history()).toEqual([
      {
        startedAt: result.value.startedAt,
        durationMs: result.value.durationMs,
        counts: { pass: 1, warn: 0, fail: 0, unknown: 0, not_applicable: 1, error: 0 },
        score: 100,
      },
    ])
  })

  it('scores each history entry by the current threat profile, unweighted until one is chosen', () => {
    // dns.firefox fails (high) and tor.service fails; high-risk weighs tor.service as a warning and
    // everyday leaves it out.
    const result = (id: string, severity: 'high' | 'low', status: 'pass' | 'fail') => ({
      ...rawReport(0).results[0]!,
      id,
      severity,
      status,
    })
    store.addReport({
      ...rawReport(1),
      results: [result('dns.firefox', 'high', 'pass'), result('tor.service', 'low', 'fail'), result('test.other', 'high', 'fail')],
    })
    const s = service()
    // Unweighted: 4 of 4 + 1 + 4 = 44%.
    expect(s.history().map((h) => h.score)).toEqual([44])
    store.setGuidance({ ...store.guidance(), profile: 'high-risk' })
    // dns.firefox high 4/4, tor.service medium warn 1/2: 5 of 6.
    expect(s.history().map((h) => h.score)).toEqual([83])
    store.setGuidance({ ...store.guidance(), profile: 'everyday' })
    expect(s.history().map((h) => h.score)).toEqual([100])
    store.addReport({ ...rawReport(2), results: [result('test.other', 'high', 'fail')] })
    expect(s.history().map((h) => h.score)).toEqual([null, 100])
  })

  it('scans only the checks asked for (all for an empty list), and refuses unknown ids', async () => {
    const s = service()
    const only = await s.scan({ only: ['test.sample-2'] }, () => undefined)
    expect(only.ok && only.value.results.map((r) => r.id)).toEqual(['test.sample-2'])
    const empty = await s.scan({ only: [] }, () => undefined)
    expect(empty.ok && empty.value.results.map((r) => r.id)).toEqual(['test.sample-1', 'test.sample-2'])
    expect(await s.scan({ only: ['test.nope'] }, () => undefined)).toMatchObject({ ok: false, error: { code: 'unknown_check' } })
  })

  it('runs one scan at a time', async () => {
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const slow = sample(3, ['linux'], async () => {
      await gate
      return { status: 'pass', summary: ok, evidence: [] }
    })
    const s = service([slow])
    const first = s.scan({}, () => undefined)
    expect(await s.scan({}, () => undefined)).toMatchObject({ ok: false, error: { code: 'busy' } })
    release()
    expect((await first).ok).toBe(true)
    expect((await s.scan({}, () => undefined)).ok).toBe(true)
  })

  it('uses the stored per-check timeout', async () => {
    store.updateSettings({ timeoutMs: 100 })
    const hang = sample(4, ['linux'], () => new Promise(() => undefined))
    const result = await service([hang]).runCheck({ id: 'test.sample-4' })
    expect(result).toMatchObject({
      ok: true,
      value: { status: 'error', summary: { key: 'engine.timedOut', params: { ms: 100 } } },
    })
  })

  it('re-runs one check without touching the history', async () => {
    const s = service()
    expect(await s.runCheck({ id: 'test.sample-1' })).toMatchObject({ ok: true, value: { id: 'test.sample-1', status: 'pass' } })
    expect(await s.runCheck({ id: 'test.nope' })).toMatchObject({ ok: false, error: { code: 'unknown_check' } })
    expect(store.reports()).toEqual([])
    expect(s.lastReport()).toBeNull()
  })

  it('lists store notices as messages and dismisses them', () => {
    fs.writeFileSync(path.join(dir, 'cli-store.json'), '{ nope')
    store = openConfStore({ cwd: dir })
    const s = service()
    const [notice] = s.notices()
    expect(notice?.kind).toBe('corrupt')
    expect(notice?.message.key).toBe('store.corrupt')
    expect(render(notice?.message ?? ok, 'en')).toMatch(
      /^Bulwark could not read its data file \(.+\), so it started with default settings and an empty scan history\. The damaged file was kept at .+cli-store\.corrupt-.+\.json\.$/,
    )
    s.dismissNotice(notice?.id ?? '')
    expect(s.notices()).toEqual([])
  })
})

describe('IPC handlers', () => {
  function wire() {
    const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>()
    const register = createRegister<InvokeEvent>({ handle: (c, l) => void handlers.set(c, l) }, () => true)
    const opener = { platform: 'linux' as const, shell: { openExternal: vi.fn(async () => undefined) } }
    const quickExit = vi.fn()
    const scans = service()
    registerHandlers(
      register,
      {
        scan: scans,
        guidance: createGuidanceService({ store }),
        exporter: createExportService({
          store,
          locale: scans.locale,
          showSaveDialog: async () => ({ canceled: true }),
          printToPdf: async () => new Uint8Array(),
          redactionContext: () => ({ usernames: [], hostnames: [], homes: [] }),
        }),
        quickExit,
        fix: createFixService({
          checks: [],
          work: inProcessFixWork({
            checks: [],
            createHost: () => createFixtureHost({ platform: 'linux' }),
            writer: createNodeFixWriter(),
            journal: openFixJournal(dir),
          }),
          journal: openFixJournal(dir),
          uid: null,
          elevator: null,
          timeoutMs: () => 1000,
        }),
        forgetEverything: () => forgetEverything({ store, clearBrowsingData: async () => undefined }),
      },
      opener,
    )
    const sent: [string, ProgressEvent][] = []
    const event: InvokeEvent = {
      senderFrame: null,
      sender: { isDestroyed: () => false, send: (channel, payload) => void sent.push([channel, payload]) },
    }
    const call = (channel: string, ...args: unknown[]) => handlers.get(channel)?.(event, ...args) as Promise<Result<unknown>>
    return { handlers, call, sent, opener, quickExit }
  }

  it('registers every contract channel', () => {
    expect([...wire().handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort())
  })

  it.each([
    [INVOKE_CHANNELS.listChecks, undefined],
    [INVOKE_CHANNELS.lastReport, undefined],
    [INVOKE_CHANNELS.getSettings, undefined],
    [INVOKE_CHANNELS.setSettings, { timeoutMs: 2000 }],
    [INVOKE_CHANNELS.listHistory, undefined],
    [INVOKE_CHANNELS.clearHistory, undefined],
    [INVOKE_CHANNELS.listNotices, undefined],
    [INVOKE_CHANNELS.dismissNotice, { id: 'none' }],
    [INVOKE_CHANNELS.runCheck, { id: 'test.sample-1' }],
    [INVOKE_CHANNELS.getGuidance, undefined],
    [INVOKE_CHANNELS.setProfile, { profile: 'high-risk', answers: { targeted: 'yes', borders: 'not-sure' } }],
    [INVOKE_CHANNELS.setProfile, { profile: 'everyday' }],
    [INVOKE_CHANNELS.setChecklistItem, { key: 'dns.firefox#2', done: true }],
    [INVOKE_CHANNELS.setChecklistItem, { key: 'panic.wipe-browser', done: false }],
    [INVOKE_CHANNELS.acceptRisk, { id: 'tor.service', reason: 'I never use Tor.', reviewAt: '2999-01-01T00:00:00.000Z' }],
    [INVOKE_CHANNELS.revokeRisk, { id: 'tor.service' }],
    [INVOKE_CHANNELS.forgetEverything, undefined],
    [INVOKE_CHANNELS.quickExit, undefined],
  ])('%s answers ok for a valid request', async (channel, request) => {
    expect(await wire().call(channel, request)).toMatchObject({ ok: true })
  })

  it.each([
    [INVOKE_CHANNELS.listChecks, { sneaky: 1 }],
    [INVOKE_CHANNELS.scan, undefined],
    [INVOKE_CHANNELS.scan, { only: ['../../etc'] }],
    [INVOKE_CHANNELS.runCheck, { id: 'DNS FIREFOX' }],
    [INVOKE_CHANNELS.setSettings, { timeoutMs: 10 }],
    [INVOKE_CHANNELS.setSettings, { locale: 'xx' }],
    [INVOKE_CHANNELS.setSettings, { theme: 'dark' }],
    [INVOKE_CHANNELS.openExternal, { url: 'not a url' }],
    [INVOKE_CHANNELS.dismissNotice, { id: '' }],
    [INVOKE_CHANNELS.getGuidance, { all: true }],
    [INVOKE_CHANNELS.setProfile, { profile: 'paranoid' }],
    [INVOKE_CHANNELS.setProfile, { profile: 'everyday', answers: { targeted: 'maybe' } }],
    [INVOKE_CHANNELS.setProfile, { profile: 'everyday', answers: { pets: 'yes' } }],
    [INVOKE_CHANNELS.setProfile, undefined],
    [INVOKE_CHANNELS.setChecklistItem, { key: 'DNS Firefox', done: true }],
    [INVOKE_CHANNELS.setChecklistItem, { key: '../../etc/passwd', done: true }],
    [INVOKE_CHANNELS.setChecklistItem, { key: 'x'.repeat(97), done: true }],
    [INVOKE_CHANNELS.setChecklistItem, { key: 'dns.firefox#1', done: 'yes' }],
    [INVOKE_CHANNELS.acceptRisk, { id: 'Tor Service', reason: 'ok', reviewAt: '2999-01-01T00:00:00.000Z' }],
    [INVOKE_CHANNELS.acceptRisk, { id: 'tor.service', reason: '', reviewAt: '2999-01-01T00:00:00.000Z' }],
    [INVOKE_CHANNELS.acceptRisk, { id: 'tor.service', reason: '   ', reviewAt: '2999-01-01T00:00:00.000Z' }],
    [INVOKE_CHANNELS.acceptRisk, { id: 'tor.service', reason: 'x'.repeat(501), reviewAt: '2999-01-01T00:00:00.000Z' }],
    [INVOKE_CHANNELS.acceptRisk, { id: 'tor.service', reason: 'ok', reviewAt: 'next year' }],
    [INVOKE_CHANNELS.acceptRisk, { id: 'tor.service', reason: 'ok', reviewAt: '2000-01-01T00:00:00.000Z' }],
    [INVOKE_CHANNELS.acceptRisk, { id: 'tor.service', reason: 'ok' }],
    [INVOKE_CHANNELS.revokeRisk, { id: '' }],
    [INVOKE_CHANNELS.forgetEverything, { confirm: true }],
    [INVOKE_CHANNELS.exportReport, { format: 'docx', redact: false }],
    [INVOKE_CHANNELS.exportReport, { format: 'html' }],
    [INVOKE_CHANNELS.exportReport, { format: 'html', redact: false, path: '/etc/passwd' }],
    [INVOKE_CHANNELS.quickExit, { now: true }],
  ])('%s answers bad_request for %o', async (channel, request) => {
    expect(await wire().call(channel, request)).toMatchObject({ ok: false, error: { code: 'bad_request' } })
  })

  it('sends scan progress back to the asking window only', async () => {
    const w = wire()
    expect(await w.call(INVOKE_CHANNELS.scan, {})).toMatchObject({ ok: true })
    expect(w.sent.map(([channel]) => channel).every((c) => c === EVENT_CHANNELS.progress)).toBe(true)
    expect(w.sent.map(([, e]) => e.type)).toEqual([
      'scan-started',
      'check-started',
      'check-started',
      'check-finished',
      'check-finished',
      'scan-finished',
    ])
  })

  it('hides the windows on Quick Exit, and refuses an export before any scan', async () => {
    const w = wire()
    expect(await w.call(INVOKE_CHANNELS.quickExit)).toEqual({ ok: true, value: null })
    expect(w.quickExit).toHaveBeenCalledTimes(1)
    expect(await w.call(INVOKE_CHANNELS.exportReport, { format: 'html', redact: true })).toMatchObject({
      ok: false,
      error: { code: 'no_report', message: expect.stringMatching(/^Run a scan first/) },
    })
  })

  it('keeps guidance across requests and forgets everything on request', async () => {
    const w = wire()
    await w.call(INVOKE_CHANNELS.setProfile, { profile: 'it-baseline', answers: { managed: 'yes' } })
    await w.call(INVOKE_CHANNELS.setChecklistItem, { key: 'dns.firefox#1', done: true })
    await w.call(INVOKE_CHANNELS.scan, {})
    expect(await w.call(INVOKE_CHANNELS.getGuidance)).toMatchObject({
      ok: true,
      value: { profile: 'it-baseline', answers: { managed: 'yes' } },
    })
    expect(await w.call(INVOKE_CHANNELS.forgetEverything)).toEqual({ ok: true, value: null })
    expect(await w.call(INVOKE_CHANNELS.getGuidance)).toEqual({
      ok: true,
      value: { profile: null, answers: {}, checklist: {}, acceptedRisks: [] },
    })
    expect(await w.call(INVOKE_CHANNELS.listHistory)).toEqual({ ok: true, value: [] })
  })

  it('opens an allowlisted link and refuses any other', async () => {
    const w = wire()
    expect(await w.call(INVOKE_CHANNELS.openExternal, { url: 'https://ssd.eff.org/' })).toEqual({ ok: true, value: null })
    expect(await w.call(INVOKE_CHANNELS.openExternal, { url: 'https://evil.example/' })).toMatchObject({
      ok: false,
      error: { code: 'link_not_allowed' },
    })
    expect(await w.call(INVOKE_CHANNELS.openExternal, { url: 'file:///etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'link_not_allowed' },
    })
    expect(w.opener.shell.openExternal).toHaveBeenCalledTimes(1)
  })
})
