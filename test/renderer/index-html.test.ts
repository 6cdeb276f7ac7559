import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CSP_META } from '../../src-main/electron/security/csp.js'

const html = readFileSync('src-renderer/index.html', 'utf8')

describe('src-renderer/index.html', () => {
  it('carries exactly main’s meta Content-Security-Policy, so file:// pages get the same policy as the header', () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta?.[1]).toBe(CSP_META)
  })

  it('has no inline script or style for the CSP to block, and nothing remote', () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html).not.toMatch(/<style|\sstyle=/)
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//)
  })
})
