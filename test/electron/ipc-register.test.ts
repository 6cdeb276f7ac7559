import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createRegister } from '../../src-main/electron/ipc/register.js'
import { createSenderCheck, isAppUrl, type AppLocation, type FrameLike, type SenderEvent } from '../../src-main/electron/ipc/sender.js'
import { err, ok, type Result } from '../../src-main/shared/result.js'

const INDEX = 'app://bulwark/index.html'
const BUILT_APP: AppLocation = { kind: 'app', rootDir: '/opt/Bulwark/resources/app.asar/out/renderer' }
const DEV_APP: AppLocation = { kind: 'dev', url: 'http://localhost:5173/' }

function frame(url: string, overrides: Partial<FrameLike> = {}): FrameLike {
  return { url, parent: null, frameToken: 'main-token', detached: false, ...overrides }
}

function setup(location: AppLocation = BUILT_APP) {
  const mainFrame = frame(INDEX)
  const contents = { mainFrame }
  const handlers = new Map<string, (event: SenderEvent, ...args: unknown[]) => Promise<unknown>>()
  const ipcMain = {
    handle: (channel: string, listener: (event: SenderEvent, ...args: unknown[]) => Promise<unknown>) =>
      void handlers.set(channel, listener),
  }
  const register = createRegister(
    ipcMain,
    createSenderCheck(() => contents, location),
  )
  const call = (channel: string, event: SenderEvent, ...args: unknown[]) =>
    handlers.get(channel)?.(event, ...args) as Promise<Result<unknown>>
  const trusted: SenderEvent = { sender: contents, senderFrame: mainFrame }
  return { register, call, contents, mainFrame, trusted }
}

describe('isAppUrl', () => {
  it.each([
    [INDEX, true],
    [`${INDEX}#/detail/dns.firefox`, true],
    [`${INDEX}?x=1`, true],
    ['app://bulwark/other.html', false],
    ['app://bulwark/assets/index.js', false],
    ['app://bulwark/', false],
    ['app://evil/index.html', false],
    ['app://bulwark:8080/index.html', false],
    ['app://user@bulwark/index.html', false],
    ['file:///opt/Bulwark/resources/app.asar/out/renderer/index.html', false],
    ['file:///etc/passwd', false],
    ['http://localhost:5173/', false],
    ['https://bulwark/index.html', false],
    ['https://support.mozilla.org/', false],
    ['about:blank', false],
    ['not a url', false],
  ])('built app: %s → %s', (url, expected) => {
    expect(isAppUrl(url, BUILT_APP)).toBe(expected)
  })

  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/index.html#x', true],
    ['http://localhost:5174/', false],
    ['http://127.0.0.1:5173/', false],
    ['https://localhost:5173/', false],
    [INDEX, false],
  ])('dev app: %s → %s', (url, expected) => {
    expect(isAppUrl(url, DEV_APP)).toBe(expected)
  })

  it('does not depend on where the app is installed (spaces, non-ASCII): the page is always app://bulwark/index.html', () => {
    expect(isAppUrl(INDEX, { kind: 'app', rootDir: '/home/zoë/My Apps/out/renderer' })).toBe(true)
  })
})

describe('register', () => {
  it('runs the handler for our window’s main frame and returns its Result', async () => {
    const t = setup()
    const handler = vi.fn(async (request: { n: number }) => ok(request.n * 2))
    t.register('double', z.object({ n: z.number() }).strict(), handler)
    expect(await t.call('double', t.trusted, { n: 21 })).toEqual({ ok: true, value: 42 })
    expect(handler).toHaveBeenCalledWith({ n: 21 }, t.trusted)
  })

  it.each<[string, (t: ReturnType<typeof setup>) => SenderEvent]>([
    ['no sender frame (destroyed)', (t) => ({ sender: t.contents, senderFrame: null })],
    ['another webContents', (t) => ({ sender: { mainFrame: t.mainFrame }, senderFrame: t.mainFrame })],
    ['an iframe', (t) => ({ sender: t.contents, senderFrame: frame(t.mainFrame.url, { parent: t.mainFrame, frameToken: 'child' }) })],
    ['a frame that is not the main frame', (t) => ({ sender: t.contents, senderFrame: frame(t.mainFrame.url, { frameToken: 'other' }) })],
    ['a detached frame', (t) => ({ sender: t.contents, senderFrame: frame(t.mainFrame.url, { detached: true }) })],
    ['the main frame navigated to a remote page', (t) => ({ sender: t.contents, senderFrame: frame('https://evil.example/') })],
    ['the main frame on a local file', (t) => ({ sender: t.contents, senderFrame: frame('file:///tmp/evil.html') })],
    ['the main frame on another app:// file', (t) => ({ sender: t.contents, senderFrame: frame('app://bulwark/assets/evil.html') })],
    ['the main frame on a data: URL', (t) => ({ sender: t.contents, senderFrame: frame('data:text/html,x') })],
  ])('refuses a request from %s without running the handler', async (_name, makeEvent) => {
    const t = setup()
    const handler = vi.fn(async () => ok(1))
    t.register('x', z.undefined(), handler)
    const result = await t.call('x', makeEvent(t))
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } })
    expect(handler).not.toHaveBeenCalled()
  })

  it('refuses everything when the window is gone', async () => {
    const handlers = new Map<string, (event: SenderEvent, ...args: unknown[]) => Promise<unknown>>()
    const register = createRegister(
      { handle: (c, l) => void handlers.set(c, l) },
      createSenderCheck(() => null, BUILT_APP),
    )
    register('x', z.undefined(), async () => ok(1))
    expect(await handlers.get('x')?.({ sender: {}, senderFrame: frame(INDEX) })).toMatchObject({
      ok: false,
      error: { code: 'untrusted_sender' },
    })
  })

  it.each<[string, unknown[]]>([
    ['a wrong type', [{ n: 'one' }]],
    ['an extra key', [{ n: 1, extra: true }]],
    ['a missing request', []],
    ['null', [null]],
    ['a prototype-pollution key', [JSON.parse('{"n":1,"__proto__":{"polluted":true}}')]],
    ['two arguments', [{ n: 1 }, { n: 2 }]],
  ])('turns %s into a bad_request Result, never a throw', async (_name, args) => {
    const t = setup()
    const handler = vi.fn(async () => ok(1))
    t.register('x', z.object({ n: z.number() }).strict(), handler)
    const result = await t.call('x', t.trusted, ...args)
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(handler).not.toHaveBeenCalled()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('names the failing field in the bad_request message', async () => {
    const t = setup()
    t.register('x', z.object({ n: z.number() }).strict(), async () => ok(1))
    const result = await t.call('x', t.trusted, { n: 'one' })
    expect(result.ok ? '' : result.error.message).toMatch(/^x: n: /)
  })

  it.each<[string, () => Result<unknown> | Promise<Result<unknown>>]>([
    [
      'throws',
      () => {
        throw new Error('boom')
      },
    ],
    ['rejects', () => Promise.reject(new Error('boom'))],
    [
      'throws a non-Error',
      () => {
        throw 'boom'
      },
    ],
  ])('turns a handler that %s into an internal Result', async (_name, handler) => {
    const t = setup()
    t.register('x', z.undefined(), handler)
    const result = await t.call('x', t.trusted, undefined)
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'x failed: boom' } })
  })

  it('passes a handler’s own error Result through unchanged', async () => {
    const t = setup()
    t.register('x', z.undefined(), () => err('busy', 'A scan is already running.'))
    expect(await t.call('x', t.trusted)).toEqual({ ok: false, error: { code: 'busy', message: 'A scan is already running.' } })
  })

  it('turns a sender check that throws (a disposed frame) into a Result', async () => {
    const handlers = new Map<string, (event: SenderEvent, ...args: unknown[]) => Promise<unknown>>()
    const register = createRegister({ handle: (c, l) => void handlers.set(c, l) }, () => {
      throw new Error('Render frame was disposed before WebFrameMain could be accessed')
    })
    register('x', z.undefined(), async () => ok(1))
    expect(await handlers.get('x')?.({ sender: {}, senderFrame: null })).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})
