import { BrowserWindow } from 'electron'

/**
 * Prints a self-contained HTML report to PDF in a hidden window that can do even less than the main
 * one: no preload, no JavaScript, and the same guards (installed for every webContents). The page
 * comes from a data: URL, so no copy of the report is left in a temp file.
 */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  // Written out like the main window's (a test keeps the two equal): Electronegativity reads them literally.
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      javascript: false,
    },
  })
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`)
    return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' })
  } finally {
    win.destroy()
  }
}
