import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CSP_HEADER, CSP_META, devServerCsp } from '../../../src-main/electron/security/csp.js'

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/)
      return [name, sources]
    }),
  )
}

describe('content security policy', () => {
  it('allows only the app itself for scripts, styles and connections', () => {
    const d = directives(CSP_HEADER)
    expect(d.get('default-src')).toEqual(["'self'"])
    expect(d.get('script-src')).toEqual(["'self'"])
    expect(d.get('style-src')).toEqual(["'self'"])
    expect(d.get('connect-src')).toEqual(["'self'"])
    expect(d.get('img-src')).toEqual(["'self'", 'data:'])
    expect(d.get('object-src')).toEqual(["'none'"])
    expect(d.get('base-uri')).toEqual(["'none'"])
    expect(d.get('form-action')).toEqual(["'none'"])
    expect(d.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('never allows inline or eval scripts, or remote origins, in the shipped policy', () => {
    for (const policy of [CSP_HEADER, CSP_META]) {
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
    }
  })

  it('leaves frame-ancestors out of the meta policy (Chromium ignores it there)', () => {
    expect(directives(CSP_META).has('frame-ancestors')).toBe(false)
    expect(CSP_HEADER.startsWith(CSP_META)).toBe(true)
  })

  it('relaxes only what the dev server needs, for its own origin', () => {
    const d = directives(devServerCsp('http://localhost:5173'))
    expect(d.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173'])
    expect(d.get('script-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(d.get('object-src')).toEqual(["'none'"])
    expect(d.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('is, byte for byte, the policy shipped when the page loaded from file:// (moving to app:// changed no directive)', () => {
    const meta =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
      "object-src 'none'; frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'"
    expect(CSP_META).toBe(meta)
    expect(CSP_HEADER).toBe(`${meta}; frame-ancestors 'none'`)
  })

  it('is the policy the renderer page declares in its meta tag', () => {
    const html = fs.readFileSync(path.resolve(import.meta.dirname, '../../../src-renderer/index.html'), 'utf8')
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)
    expect(meta?.[1]).toBe(CSP_META)
  })
})
