import { describe, expect, it, vi } from 'vitest'
import { printHtmlToPdf } from '../../src-main/electron/pdf.js'
import { createMainWindow } from '../../src-main/electron/window.js'

const electron = vi.hoisted(() => {
  class FakeWindow {
    static created: FakeWindow[] = []
    static failPrint = false
    loadedUrl = ''
    destroyed = false
    readonly webContents = {
      printToPDF: vi.fn(async (_options: Record<string, unknown>) => {
        if (FakeWindow.failPrint) throw new Error('printing failed')
        return Buffer.from('%PDF-1.7')
      }),
    }
    constructor(readonly options: { show: boolean; webPreferences: Record<string, unknown> }) {
      FakeWindow.created.push(this)
    }
    async loadURL(url: string) {
      this.loadedUrl = url
    }
    once() {}
    destroy() {
      this.destroyed = true
    }
  }
  return { BrowserWindow: FakeWindow }
})
vi.mock('electron', () => ({ default: electron, ...electron }))

const HTML = '<!doctype html><meta charset="utf-8"><title>Informe — zoë</title><p>ünïcode</p>'

describe('printing the report to PDF', () => {
  it('uses a hidden, sandboxed window without JavaScript or preload, loads the HTML from a data: URL, prints A4 and closes', async () => {
    const pdf = await printHtmlToPdf(HTML)
    const win = electron.BrowserWindow.created.at(-1)
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7')
    expect(win?.options.show).toBe(false)
    expect(win?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      spellcheck: false,
      javascript: false,
    })
    expect(win?.options.webPreferences).not.toHaveProperty('preload')
    const prefix = 'data:text/html;charset=utf-8;base64,'
    expect(win?.loadedUrl.startsWith(prefix)).toBe(true)
    expect(Buffer.from(win?.loadedUrl.slice(prefix.length) ?? '', 'base64').toString('utf8')).toBe(HTML)
    expect(win?.webContents.printToPDF).toHaveBeenCalledWith({ printBackground: true, pageSize: 'A4' })
    expect(win?.destroyed).toBe(true)
  })

  it('has exactly the main window’s hardened webPreferences, minus the preload, plus no JavaScript', async () => {
    createMainWindow('/p.cjs', { kind: 'app', rootDir: '/r' }, () => undefined)
    const { preload: _preload, ...main } = electron.BrowserWindow.created.at(-1)?.options.webPreferences ?? {}
    await printHtmlToPdf(HTML)
    expect(electron.BrowserWindow.created.at(-1)?.options.webPreferences).toEqual({ ...main, javascript: false })
  })

  it('closes the window when printing fails, and lets the error through', async () => {
    electron.BrowserWindow.failPrint = true
    await expect(printHtmlToPdf(HTML)).rejects.toThrow('printing failed')
    electron.BrowserWindow.failPrint = false
    expect(electron.BrowserWindow.created.at(-1)?.destroyed).toBe(true)
  })
})
