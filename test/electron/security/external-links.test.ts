import { describe, expect, it } from 'vitest'
import { EXTERNAL_HTTPS_HOSTS } from '../../../src-main/electron/security/external-hosts.js'
import { allowedExternalUrl } from '../../../src-main/electron/security/external-links.js'

describe('allowedExternalUrl', () => {
  it.each([
    ['https://support.mozilla.org/kb/dns-over-https', 'https://support.mozilla.org/kb/dns-over-https'],
    [
      'https://firefox-source-docs.mozilla.org/networking/dns/dns-over-https-trr.html',
      'https://firefox-source-docs.mozilla.org/networking/dns/dns-over-https-trr.html',
    ],
    ['https://www.torproject.org/download/', 'https://www.torproject.org/download/'],
    ['https://ssd.eff.org/', 'https://ssd.eff.org/'],
    ['https://learn.microsoft.com/en-us/windows/?a=1#x', 'https://learn.microsoft.com/en-us/windows/?a=1#x'],
    // The URL parser lower-cases the host and adds the path, so the href handed to the OS is canonical.
    ['HTTPS://SUPPORT.APPLE.COM', 'https://support.apple.com/'],
    ['https://support.google.com:443/chrome', 'https://support.google.com/chrome'],
  ])('opens %s as %s on every OS', (raw, expected) => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) expect(allowedExternalUrl(raw, platform)).toBe(expected)
  })

  it.each([
    ['http (not https)', 'http://support.mozilla.org/'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: with an allowed host in a comment', 'javascript://support.mozilla.org/%0aalert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['file: UNC', 'file://server/share/x.exe'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['blob:', 'blob:https://support.mozilla.org/uuid'],
    ['custom scheme', 'vscode://file/etc/passwd'],
    ['smb:', 'smb://attacker/share'],
    ['unlisted host', 'https://example.com/'],
    ['lookalike suffix', 'https://support.mozilla.org.attacker.com/'],
    ['lookalike prefix', 'https://evilsupport.mozilla.org/'],
    ['subdomain of a listed host', 'https://x.support.mozilla.org/'],
    ['listed host as userinfo', 'https://support.mozilla.org@attacker.com/'],
    ['userinfo in front of a listed host', 'https://attacker@support.mozilla.org/'],
    ['password in front of a listed host', 'https://a:b@support.mozilla.org/'],
    ['non-default port', 'https://support.mozilla.org:8443/'],
    ['trailing-dot host', 'https://support.mozilla.org./'],
    ['backslash trick', 'https:\\\\attacker.com\\support.mozilla.org'],
    ['punycode lookalike', 'https://suppοrt.mozilla.org/'],
    ['IP address', 'https://127.0.0.1/'],
    ['not a URL', 'support.mozilla.org'],
    ['empty', ''],
    ['too long', `https://support.mozilla.org/${'a'.repeat(2100)}`],
  ])('refuses %s', (_name, raw) => {
    expect(allowedExternalUrl(raw, 'linux')).toBeNull()
    expect(allowedExternalUrl(raw, 'win32')).toBeNull()
    expect(allowedExternalUrl(raw, 'darwin')).toBeNull()
  })

  it('opens ms-settings: deep links on Windows only', () => {
    expect(allowedExternalUrl('ms-settings:privacy-webcam', 'win32')).toBe('ms-settings:privacy-webcam')
    expect(allowedExternalUrl('ms-settings:privacy-webcam', 'linux')).toBeNull()
    expect(allowedExternalUrl('ms-settings:privacy-webcam', 'darwin')).toBeNull()
  })

  it('opens x-apple.systempreferences: deep links on macOS only', () => {
    const link = 'x-apple.systempreferences:com.apple.preference.security?Privacy_AllFiles'
    expect(allowedExternalUrl(link, 'darwin')).toBe(link)
    expect(allowedExternalUrl(link, 'win32')).toBeNull()
    expect(allowedExternalUrl(link, 'linux')).toBeNull()
  })

  it.each([
    ['ms-settings:privacy-webcam&x=1', 'win32'],
    ['ms-settings:privacy webcam', 'win32'],
    ['ms-settings://evil/x', 'win32'],
    ['ms-settings:', 'win32'],
    ['x-apple.systempreferences:com.apple.preference.security?Privacy_AllFiles&x=/bin/sh', 'darwin'],
    ['x-apple.systempreferences:/Applications/Calculator.app', 'darwin'],
    ['x-apple.systempreferences:', 'darwin'],
  ] as const)('refuses a settings link with extra parts: %s', (raw, platform) => {
    expect(allowedExternalUrl(raw, platform)).toBeNull()
  })

  it('keeps every listed host an exact lower-case host name', () => {
    for (const host of EXTERNAL_HTTPS_HOSTS) {
      expect(new URL(`https://${host}/`).hostname).toBe(host)
    }
    expect(new Set(EXTERNAL_HTTPS_HOSTS).size).toBe(EXTERNAL_HTTPS_HOSTS.length)
  })
})
