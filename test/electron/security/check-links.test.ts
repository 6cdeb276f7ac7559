import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { CHECKS } from '../../../checks/registry.js'
import type { Check, Platform } from '../../../checks/core/types.js'
import { EXTERNAL_HTTPS_HOSTS } from '../../../src-main/electron/security/external-hosts.js'
import { allowedExternalUrl } from '../../../src-main/electron/security/external-links.js'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const PLATFORMS: readonly Platform[] = ['linux', 'darwin', 'win32']

interface Cited {
  where: string
  url: string
  /** The OS whose window may be asked to open it (settings deep links are per-OS). */
  platform: Platform | 'any'
}

/** Every link a check's definition cites: its references and every default step, per platform. */
function definitionLinks(checks: readonly Check[]): Cited[] {
  return checks.flatMap((check) => [
    ...check.remediation.references.map((ref) => ({ where: `${check.id} reference`, url: ref.url, platform: 'any' as const })),
    ...PLATFORMS.flatMap((platform) =>
      (check.remediation.byPlatform[platform] ?? []).flatMap((step) =>
        step.link ? [{ where: `${check.id} ${platform} step`, url: step.link, platform }] : [],
      ),
    ),
  ])
}

/**
 * Links written anywhere in the catalogue's source as `link: '...'` or `url: '...'`, which covers the
 * steps a verdict returns for what it found (those are built in code, not in the definition).
 */
export function linksInSource(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAssignment(node) &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
      (node.name.text === 'link' || node.name.text === 'url') &&
      ts.isStringLiteralLike(node.initializer)
    ) {
      found.push(node.initializer.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sources(full)
    return entry.name.endsWith('.ts') ? [full] : []
  })
}

function sourceLinks(): Cited[] {
  return sources(path.join(ROOT, 'checks/catalogue')).flatMap((file) => {
    const rel = path.relative(ROOT, file)
    const platform = PLATFORMS.find((p) => path.basename(file).includes(`.${p}.`)) ?? 'any'
    return linksInSource(file, fs.readFileSync(file, 'utf8')).map((url) => ({ where: rel, url, platform }))
  })
}

/** The cited links the app would refuse to open; a settings deep link must open on its own OS. */
export function refused(cited: readonly Cited[]): string[] {
  return cited
    .filter(({ url, platform }) =>
      platform === 'any'
        ? url.startsWith('https:')
          ? allowedExternalUrl(url, 'linux') === null
          : PLATFORMS.every((p) => allowedExternalUrl(url, p) === null)
        : allowedExternalUrl(url, platform) === null,
    )
    .map(({ where, url }) => `${where}: ${url}`)
}

describe('every link a check cites opens', () => {
  it('finds links in the definitions and the catalogue source', () => {
    expect(definitionLinks(CHECKS).length).toBeGreaterThan(20)
    expect(sourceLinks().length).toBeGreaterThan(20)
  })

  it('references and default steps pass the external-link allowlist', () => {
    expect(refused(definitionLinks(CHECKS))).toEqual([])
  })

  it('links built in the catalogue (the steps a verdict returns) pass it too', () => {
    expect(refused(sourceLinks())).toEqual([])
  })

  it('the allowlist stays exact hosts for https only', () => {
    for (const host of EXTERNAL_HTTPS_HOSTS) {
      expect(host).toMatch(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/)
      expect(allowedExternalUrl(`https://${host}/`, 'linux')).toBe(`https://${host}/`)
      expect(allowedExternalUrl(`http://${host}/`, 'linux')).toBeNull()
      expect(allowedExternalUrl(`https://evil.${host}/`, 'linux')).toBeNull()
      expect(allowedExternalUrl(`https://${host}.evil.example/`, 'linux')).toBeNull()
    }
    expect(new Set(EXTERNAL_HTTPS_HOSTS).size).toBe(EXTERNAL_HTTPS_HOSTS.length)
  })
})

describe('the link test would catch a bad link', () => {
  it('refuses an unlisted host, http, a lookalike, and a settings link on the wrong OS', () => {
    expect(
      refused([
        { where: 'a', url: 'https://example.com/guide', platform: 'any' },
        { where: 'b', url: 'http://support.mozilla.org/', platform: 'any' },
        { where: 'c', url: 'https://support.mozilla.org.example.com/', platform: 'any' },
        { where: 'd', url: 'ms-settings:privacy-location', platform: 'linux' },
        { where: 'e', url: 'ms-settings:privacy-location', platform: 'win32' },
        { where: 'f', url: 'https://support.mozilla.org/kb/dns-over-https', platform: 'any' },
      ]),
    ).toEqual([
      'a: https://example.com/guide',
      'b: http://support.mozilla.org/',
      'c: https://support.mozilla.org.example.com/',
      'd: ms-settings:privacy-location',
    ])
  })

  it('reads links out of source', () => {
    const text =
      "const steps = [{ text: t('x'), link: 'https://a.example/' }]\nconst refs = [{ title: 'T', url: 'https://b.example/' }]\nconst doh = 'https://dns.example/dns-query'"
    expect(linksInSource('x.ts', text)).toEqual(['https://a.example/', 'https://b.example/'])
  })
})
