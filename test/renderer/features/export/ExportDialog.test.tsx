// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { err, ok } from '../../../../src-main/shared/result.js'
import { ExportDialog } from '../../../../src-renderer/features/export/ExportDialog.js'
import { fakeApi } from '../../support/fake-api.js'
import { renderUi } from '../../support/render.js'

afterEach(cleanup)

describe('ExportDialog', () => {
  it('exports in the chosen format without personal details by default, and shows where it was saved', async () => {
    const exportReport = vi.fn(async () => ok({ saved: true as const, path: '/home/ana/Desktop/bulwark-report-2026-01-02.pdf' }))
    renderUi(<ExportDialog onClose={() => undefined} />, { api: fakeApi({ exportReport }) })
    const dialog = screen.getByRole('dialog', { name: 'Export a report' })
    expect((within(dialog).getByRole('checkbox', { name: /Remove personal details/ }) as HTMLInputElement).checked).toBe(true)
    fireEvent.click(within(dialog).getByRole('radio', { name: /^PDF/ }))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save…' }))
    expect(exportReport).toHaveBeenCalledWith({ format: 'pdf', redact: true })
    const code = await within(dialog).findByText('/home/ana/Desktop/bulwark-report-2026-01-02.pdf')
    expect(code.getAttribute('dir')).toBe('ltr')
  })

  it('can keep personal details, says when the save dialog was closed, and shows an error value', async () => {
    const exportReport = vi
      .fn()
      .mockResolvedValueOnce(ok({ saved: false as const }))
      .mockResolvedValueOnce(err('no_report', 'Run a scan first: there is no report to export yet.'))
    renderUi(<ExportDialog onClose={() => undefined} />, { api: fakeApi({ exportReport }) })
    fireEvent.click(screen.getByRole('checkbox', { name: /Remove personal details/ }))
    fireEvent.click(screen.getByRole('button', { name: 'Save…' }))
    expect(exportReport).toHaveBeenCalledWith({ format: 'html', redact: false })
    expect(await screen.findByText('Not saved: the save dialog was closed.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Save…' }))
    expect((await screen.findByRole('alert')).textContent).toContain('Run a scan first')
  })
})
