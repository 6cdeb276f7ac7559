import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseGeoclueConfig, parseGsettingsBoolean } from '../../../../checks/catalogue/os/location.parse.js'

const DEBIAN = readFileSync(
  fileURLToPath(new URL('../../../fixtures/os.location/linux/debian-12/etc/geoclue/geoclue.conf', import.meta.url)),
  'utf8',
)
const conf = (text: string, path = '/etc/geoclue/geoclue.conf') => ({ path, text })

describe('parseGeoclueConfig', () => {
  it("reads Debian's shipped file: agents, Wi-Fi on with the default URL, no upload, eight pre-allowed apps", () => {
    const c = parseGeoclueConfig([conf(DEBIAN)])
    expect(c.agents).toEqual(['geoclue-demo-agent', 'gnome-shell', 'io.elementary.desktop.agent-geoclue2', 'sm.puri.Phosh', 'lipstick'])
    expect([c.wifi, c.wifiUrl, c.submitData, c.bad]).toEqual([true, null, false, []])
    expect(c.preAllowed.find((a) => a.id === 'firefox')).toEqual({ id: 'firefox', allowed: true, system: false, users: '' })
    expect(c.preAllowed.find((a) => a.id === 'org.gnome.Shell')?.system).toBe(true)
  })

  it.each([
    [
      'a later file overrides a key',
      [conf('[wifi]\nenable=true\n'), conf('[wifi]\nenable=false\n', '/etc/geoclue/conf.d/90.conf')],
      'wifi',
      false,
    ],
    ['GLib reads 1 as true', [conf('[wifi]\nsubmit-data=1\n')], 'submitData', true],
    ['a missing enable key means on', [conf('[agent]\nwhitelist=\n')], 'wifi', true],
    ['an empty url is the default', [conf('[wifi]\nurl=   \n')], 'wifiUrl', null],
  ] as const)('%s', (_n, files, key, want) => {
    expect(parseGeoclueConfig(files)[key]).toEqual(want)
  })

  it('an app denied by a drop-in is no longer pre-allowed', () => {
    const c = parseGeoclueConfig([conf(DEBIAN), conf('[firefox]\nallowed=false\n', '/etc/geoclue/conf.d/90-firefox.conf')])
    expect(c.preAllowed.map((a) => a.id)).not.toContain('firefox')
  })

  it.each([
    ['binary garbage', '\u0000\u0001\u0002\u0003', [1]],
    ['a key before any section', 'enable=true\n[wifi]\n', [1]],
    ['a line with no =', '[wifi]\nenable\n', [2]],
  ])('malformed: %s is reported with its line', (_n, text, lines) => {
    expect(parseGeoclueConfig([conf(text)]).bad.map((b) => b.line)).toEqual(lines)
  })

  it('huge input (4 MiB of distinct app sections) stays bounded and fast', () => {
    const text = Array.from({ length: 250_000 }, (_, i) => `[app${i}]\nallowed=true\n`)
      .join('')
      .slice(0, 4 * 1024 * 1024)
    const started = Date.now()
    const c = parseGeoclueConfig([conf(text)])
    expect(c.preAllowed.length).toBeLessThanOrEqual(64)
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('hostile input: many distinct app sections are capped; __proto__ is only a name', () => {
    const text = Array.from({ length: 500 }, (_, i) => `[app${i}]\nallowed=true\n`).join('') + '[__proto__]\nallowed=true\n'
    const c = parseGeoclueConfig([conf(text)])
    expect(c.preAllowed).toHaveLength(64)
    expect(({} as Record<string, unknown>).allowed).toBeUndefined()
  })

  it('a damaged file reports at most 16 bad lines', () => {
    expect(parseGeoclueConfig([conf('garbage\n'.repeat(10_000))]).bad).toHaveLength(16)
  })
})

describe('parseGsettingsBoolean', () => {
  it.each([
    ['true\n', true],
    ['false', false],
    ['', null],
    ["'true'", null],
    ['No such schema', null],
  ])('%j → %s', (text, want) => expect(parseGsettingsBoolean(text)).toBe(want))
})
