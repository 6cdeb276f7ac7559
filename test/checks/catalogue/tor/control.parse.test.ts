import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  controlReplyComplete,
  parseAuthenticatedInfo,
  parseBootstrapPhase,
  parseKeyValues,
  parseProtocolInfo,
  parseReplyLines,
} from '../../../../checks/catalogue/tor/control.parse.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const recording = (name: string): string =>
  readFileSync(new URL(`../../../fixtures/tor.service/recordings/${name}`, import.meta.url), 'latin1')

describe('parseProtocolInfo', () => {
  it('reads methods, cookie file and version from tor 0.4.9.11 with CookieAuthentication 1', () => {
    expect(parseProtocolInfo(recording('protocolinfo-cookie.txt'))).toEqual({
      ok: true,
      value: {
        methods: ['COOKIE', 'SAFECOOKIE'],
        cookieFile: '/tmp/tortest/data/control_auth_cookie',
        version: '0.4.9.11',
      },
    })
  })

  it('reads METHODS=NULL from a control port without authentication', () => {
    expect(parseProtocolInfo(recording('protocolinfo-null.txt'))).toMatchObject({
      ok: true,
      value: { methods: ['NULL'], cookieFile: null },
    })
  })

  it('decodes escapes in a quoted cookie path (Windows backslashes, spaces)', () => {
    const reply =
      '250-PROTOCOLINFO 1\r\n250-AUTH METHODS=COOKIE,SAFECOOKIE COOKIEFILE="C:\\\\Users\\\\a b\\\\Tor\\\\control_auth_cookie"\r\n250 OK\r\n'
    expect(parseProtocolInfo(reply)).toMatchObject({
      ok: true,
      value: { cookieFile: 'C:\\Users\\a b\\Tor\\control_auth_cookie', version: null },
    })
  })

  it.each([
    ['empty', '', 'empty'],
    ['an SSH banner', 'SSH-2.0-OpenSSH_9.2p1\r\n', 'not_tor'],
    ['an HTTP server', 'HTTP/1.1 400 Bad Request\r\n\r\n', 'not_tor'],
    ['binary garbage', '\u0005\u0000\u00ff\u00fe', 'not_tor'],
    ['an error reply', '514 Authentication required.\r\n', 'error_reply'],
    ['another 250 reply', '250 OK\r\n', 'not_tor'],
    ['a reply cut before AUTH', '250-PROTOCOLINFO 1\r\n250-AU', 'truncated'],
  ])('rejects %s', (_name, text, reason) => {
    expect(parseProtocolInfo(text)).toMatchObject({ ok: false, reason: { problem: reason } })
  })

  it('keeps an unterminated COOKIEFILE quote from leaking a half path', () => {
    const r = parseProtocolInfo('250-PROTOCOLINFO 1\r\n250-AUTH METHODS=COOKIE COOKIEFILE="/run/tor/con\r\n')
    expect(r).toEqual({ ok: true, value: { methods: ['COOKIE'], cookieFile: null, version: null } })
  })
})

describe('parseAuthenticatedInfo', () => {
  it('reads version and bootstrap from a real tor stuck at 5%', () => {
    expect(parseAuthenticatedInfo(recording('getinfo-bootstrap-warn.txt'))).toEqual({
      ok: true,
      value: {
        version: '0.4.9.11',
        bootstrap: { progress: 5, tag: 'conn', summary: 'Connecting to a relay', warning: 'Connection refused' },
      },
    })
  })

  it('reads a finished bootstrap', () => {
    expect(parseAuthenticatedInfo(recording('getinfo-bootstrap-done.txt'))).toMatchObject({
      ok: true,
      value: {
        bootstrap: { progress: 100, tag: 'done' },
      },
    })
  })

  it('reports a rejected cookie', () => {
    expect(parseAuthenticatedInfo(recording('authenticate-bad-cookie.txt'))).toMatchObject({
      ok: false,
      reason: { problem: 'auth_failed' },
    })
  })

  it.each([
    ['empty', '', { ok: false, reason: { problem: 'empty' } }],
    ['garbage', 'xyz\n\u0000', { ok: false, reason: { problem: 'not_tor' } }],
    ['cut after AUTHENTICATE', '250 OK\r\n250-versi', { ok: true, value: { version: null, bootstrap: null } }],
    [
      'a bootstrap value that is not one',
      '250 OK\r\n250-status/bootstrap-phase=NOTICE BOOTSTRAP PROGRESS=abc\r\n',
      { ok: true, value: { bootstrap: null } },
    ],
  ])('handles %s', (_name, text, expected) => {
    expect(parseAuthenticatedInfo(text)).toMatchObject(expected)
  })
})

describe('parseBootstrapPhase', () => {
  it.each([
    ['NOTICE BOOTSTRAP PROGRESS=100 TAG=done SUMMARY="Done"', { progress: 100, tag: 'done', summary: 'Done', warning: null }],
    ['NOTICE BOOTSTRAP PROGRESS=0 TAG=starting SUMMARY="Starting"', { progress: 0, tag: 'starting', summary: 'Starting', warning: null }],
    ['NOTICE BOOTSTRAP PROGRESS=150 TAG=done', null],
    ['NOTICE CIRCUIT_ESTABLISHED', null],
    ['', null],
    [
      'WARN BOOTSTRAP PROGRESS=5 TAG=conn SUMMARY="Connecting to a relay" WARNING="Connection refused" REASON=CONNECTREFUSED',
      { progress: 5, tag: 'conn', summary: 'Connecting to a relay', warning: 'Connection refused' },
    ],
    // Escapes decode to control characters and bidi overrides: none may reach a terminal or a summary.
    ['WARN BOOTSTRAP PROGRESS=5 WARNING="a\\x1b[2Jb\\nc\u202ed"', { progress: 5, tag: null, summary: null, warning: 'a?[2Jb?c?d' }],
    ['WARN BOOTSTRAP PROGRESS=5 WARNING=""', { progress: 5, tag: null, summary: null, warning: null }],
  ])('%s', (value, expected) => {
    expect(parseBootstrapPhase(value)).toEqual(expected)
  })

  const warning = (size: number): string => `WARN BOOTSTRAP PROGRESS=5 WARNING="${'x'.repeat(size)}"`

  it('cuts a huge warning short', () => {
    expect(parseBootstrapPhase(warning(200_000))?.warning).toHaveLength(161)
  })

  it.each([
    ['a huge warning', warning],
    ['a warning of escapes', (n: number) => `WARN BOOTSTRAP PROGRESS=5 WARNING="${'\\x41'.repeat(n / 4)}"`],
    ['many keys', (n: number) => `WARN BOOTSTRAP ${'K=v '.repeat(n / 4)}`],
  ])('reads %s in time linear in its size (256 KiB, 512 KiB, 1 MiB)', (_name, make) => {
    expectLinearTime((scale) => make(scale * 256 * 1024), parseBootstrapPhase)
  })

  it.each([['PROGRESS=-1'], ['PROGRESS=1000'], ['PROGRESS=5x'], ['PROGRESS=']])('rejects malformed %s', (p) => {
    expect(parseBootstrapPhase(`NOTICE BOOTSTRAP ${p} TAG=conn`)).toBeNull()
  })
})

describe('parseReplyLines and helpers', () => {
  it('folds a 250+ data reply', () => {
    const r = parseReplyLines('250+config-text=\r\nSocksPort 9050\r\n..leading dot\r\n.\r\n250 OK\r\n')
    expect(r.lines).toEqual([
      { code: 250, sep: '+', text: 'config-text=\nSocksPort 9050\n.leading dot' },
      { code: 250, sep: ' ', text: 'OK' },
    ])
    expect(r.garbage).toBe(false)
  })

  it('parses bare words and quoted values', () => {
    expect([...parseKeyValues('BOOTSTRAP PROGRESS=5 SUMMARY="a \\"b\\""')]).toEqual([
      ['BOOTSTRAP', ''],
      ['PROGRESS', '5'],
      ['SUMMARY', 'a "b"'],
    ])
  })

  it('knows when the last reply arrived, and stops early on an error', () => {
    expect(controlReplyComplete('250-PROTOCOLINFO 1\r\n250 OK\r\n', 2)).toBe(false)
    expect(controlReplyComplete('250-PROTOCOLINFO 1\r\n250 OK\r\n250 closing connection\r\n', 2)).toBe(true)
    expect(controlReplyComplete('250 OK\r\n250 closing conn', 2)).toBe(false)
    expect(controlReplyComplete('515 Authentication failed\r\n', 3)).toBe(true)
  })
})
