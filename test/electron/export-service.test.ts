import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RawReport } from '../../checks/core/report/model.js'
import { createExportService, defaultExportName, type SaveDialog } from '../../src-main/electron/export-service.js'
import type { ExportRequest, GuidanceState } from '../../src-main/shared/ipc-contract.js'
import { openConfStore } from '../../src-main/node/store/conf-store.js'
import type { StorePort } from '../../src-main/node/store/port.js'
import { scanReportSchema } from '../support/report-schema.js'
import { rawReport } from '../node/store/support/raw-report.js'

const CONTEXT = { usernames: ['zoë'], hostnames: ['zoe-laptop'], homes: ['/home/zoë'] }
const SECRETS = ['zoë', 'zoe-laptop', '192.168.4.20', 'a4:5e:60:c2:19:7f', 'C02XK1ABJGH5']

/** A report whose evidence names the user, the host, a LAN address, a MAC and a serial number. */
function identifyingReport(): RawReport {
  const base = rawReport(3)
  const [first] = base.results
  if (!first) throw new Error('fixture has a result')
  return {
    ...base,
    results: [
      {
        ...first,
        evidence: [
          ...first.evidence,
          {
            label: { key: 'x.route', en: 'Route' },
            source: 'ip -j route get 1.1.1.1',
            observed: 'via 192.168.4.20 dev wlan0 on zoe-laptop',
          },
          { label: { key: 'x.mac', en: 'Adapter' }, source: '/sys/class/net/wlan0/address', observed: 'a4:5e:60:c2:19:7f' },
          { label: { key: 'x.serial', en: 'Serial number' }, source: 'ioreg -l', observed: 'C02XK1ABJGH5' },
        ],
      },
      { ...first, id: 'test.outside-profiles', severity: 'low', status: 'pass' },
    ],
  }
}

let dir: string
let store: StorePort
let chosen: string | null
let dialog: ReturnType<typeof vi.fn<SaveDialog>>
let printToPdf: ReturnType<typeof vi.fn<(html: string) => Promise<Uint8Array>>>

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-export-'))
  store = openConfStore({ cwd: path.join(dir, 'store') })
  chosen = path.join(dir, 'my report ü')
  dialog = vi.fn<SaveDialog>(async () => (chosen ? { canceled: false, filePath: chosen } : { canceled: true }))
  printToPdf = vi.fn(async (html: string) => new TextEncoder().encode(`%PDF-1.7 fake of ${html.length} chars`))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

function exporter(locale: 'en' | 'es' = 'en') {
  return createExportService({ store, locale: () => locale, showSaveDialog: dialog, printToPdf, redactionContext: () => CONTEXT })
}

async function exportAs(request: ExportRequest): Promise<string> {
  const result = await exporter().exportReport(request)
  expect(result).toEqual({ ok: true, value: { saved: true, path: chosen } })
  return fs.readFileSync(chosen ?? '', 'utf8')
}

describe('report export', () => {
  it('asks to run a scan first when there is nothing to export, without opening a dialog', async () => {
    expect(await exporter().exportReport({ format: 'html', redact: false })).toEqual({
      ok: false,
      error: { code: 'no_report', message: 'Run a scan first: there is no report to export yet.' },
    })
    expect(dialog).not.toHaveBeenCalled()
  })

  it.each([
    ['html', 'HTML'],
    ['md', 'Markdown'],
    ['json', 'JSON'],
    ['pdf', 'PDF'],
  ] as const)('offers bulwark-report-<date>.%s with a %s filter', async (format, name) => {
    store.addReport(identifyingReport())
    chosen = null
    expect(await exporter().exportReport({ format, redact: false })).toEqual({ ok: true, value: { saved: false } })
    expect(dialog).toHaveBeenCalledWith({ defaultPath: `bulwark-report-2026-01-01.${format}`, filters: [{ name, extensions: [format] }] })
    expect(fs.readdirSync(dir)).toEqual(['store'])
    expect(printToPdf).not.toHaveBeenCalled()
  })

  it('exports the last scan as self-contained HTML with every check, status, evidence and remediation', async () => {
    store.addReport(rawReport(1))
    store.addReport(identifyingReport())
    const html = await exportAs({ format: 'html', redact: false })
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`)
    expect(html).not.toMatch(/<script|<link|src="http|url\(/i)
    for (const text of [
      'dns.firefox',
      'test.outside-profiles',
      'TRR mode',
      'Turn on DNS over HTTPS.',
      'Your ISP sees every name you look up.',
      ...SECRETS,
    ]) {
      expect(html).toContain(text)
    }
    if (process.platform !== 'win32') expect(fs.statSync(chosen ?? '').mode & 0o777).toBe(0o600)
  })

  it('weighs the export by the current threat profile and writes it in the reader’s language', async () => {
    store.addReport(identifyingReport())
    const guidance: GuidanceState = { ...store.guidance(), profile: 'everyday' }
    store.setGuidance(guidance)
    const result = await createExportService({
      store,
      locale: () => 'es',
      showSaveDialog: dialog,
      printToPdf,
      redactionContext: () => CONTEXT,
    }).exportReport({
      format: 'json',
      redact: false,
    })
    expect(result.ok).toBe(true)
    const report = scanReportSchema.parse(JSON.parse(fs.readFileSync(chosen ?? '', 'utf8')))
    expect(report).toMatchObject({ profile: 'everyday', locale: 'es' })
    // everyday weighs dns.firefox as medium and leaves checks outside it out.
    expect(report.results.map((r) => [r.id, r.severity])).toEqual([['dns.firefox', 'medium']])
  })

  it.each(['html', 'md', 'json'] as const)(
    'removes user and host names, addresses, MACs, serials and home paths from %s with redact',
    async (format) => {
      store.addReport(identifyingReport())
      const text = await exportAs({ format, redact: true })
      for (const secret of SECRETS) expect(text).not.toContain(secret)
      if (format !== 'json')
        expect(text).toContain('User names, host names, addresses, serial numbers and home folders were removed from this report.')
      else
        expect(JSON.parse(text)).toMatchObject({
          results: [
            {
              evidence: [
                { source: '~/.mozilla/firefox/x.default-release/prefs.js' },
                { observed: 'via <ip> dev wlan0 on <host>' },
                { observed: '<mac>' },
                { observed: '<serial>' },
              ],
            },
            {},
          ],
        })
    },
  )

  it('prints the same (redacted) HTML to PDF and writes the PDF bytes privately', async () => {
    store.addReport(identifyingReport())
    chosen = path.join(dir, 'report.pdf')
    // An existing, world-readable file is replaced and made private.
    fs.writeFileSync(chosen, 'old', { mode: 0o644 })
    const result = await exporter().exportReport({ format: 'pdf', redact: true })
    expect(result).toEqual({ ok: true, value: { saved: true, path: chosen } })
    expect(printToPdf).toHaveBeenCalledTimes(1)
    const html = printToPdf.mock.calls[0]?.[0] ?? ''
    expect(html).toMatch(/^<!doctype html>/)
    for (const secret of SECRETS) expect(html).not.toContain(secret)
    expect(fs.readFileSync(chosen, 'utf8')).toBe(`%PDF-1.7 fake of ${html.length} chars`)
    if (process.platform !== 'win32') expect(fs.statSync(chosen).mode & 0o777).toBe(0o600)
  })

  it('says where it could not write instead of failing silently', async () => {
    store.addReport(identifyingReport())
    chosen = path.join(dir, 'missing folder', 'r.html')
    expect(await exporter().exportReport({ format: 'html', redact: false })).toMatchObject({
      ok: false,
      error: { code: 'write_failed', message: expect.stringContaining(`Could not save the report to ${chosen}`) },
    })
  })

  it('names the file after the day of the scan', () => {
    expect(defaultExportName({ startedAt: '2026-12-31T23:59:59.000Z' }, 'md')).toBe('bulwark-report-2026-12-31.md')
  })
})
