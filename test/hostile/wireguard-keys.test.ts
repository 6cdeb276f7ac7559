// Promise 3: vpn.wireguard-keys never passes a stray config it could not really look at.
import { describe, expect, it } from 'vitest'
import { wireguardKeysCheck } from '../../checks/catalogue/vpn/wireguard-keys.check.js'
import type { Outcome } from '../../checks/core/types.js'
import { createFixtureHost, type FixtureFile } from '../support/fixture-host.js'

const DL = '/home/alex/Downloads'
const KEY = '[Interface]\nPrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\nAddress = 10.0.0.2/32\n'
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff)

async function scan(files: Record<string, FixtureFile>): Promise<Outcome> {
  const host = createFixtureHost({
    platform: 'linux',
    home: '/home/alex',
    files: { '/proc/self/status': 'Uid:\t1000\t1000\t1000\t1000\n', ...files },
  })
  return wireguardKeysCheck.run(host, new AbortController().signal)
}

const harmless = Object.fromEntries(
  Array.from({ length: 51 }, (_, i) => [`${DL}/site-${String(i).padStart(2, '0')}.conf`, 'server { listen 80; }\n']),
)

describe('a stray config in Downloads that may hold a key', () => {
  it.each<[string, Record<string, FixtureFile>, string]>([
    ['unreadable', { [`${DL}/vpn.conf`]: { error: 'permission_denied' } }, 'vpn.wireguard-keys.strayUnread'],
    ['over 64 KiB', { [`${DL}/vpn.conf`]: `${KEY}${'#'.repeat(70 * 1024)}\n` }, 'vpn.wireguard-keys.strayTooLarge'],
    ['with a NUL byte', { [`${DL}/vpn.conf`]: `${KEY}\0\n` }, 'vpn.wireguard-keys.strayDamaged'],
    [
      'in Latin-1 where the key is',
      { [`${DL}/vpn.conf`]: latin1(`[Interface]\nPrivateKey = cl\u00e9${KEY.slice(26)}`) },
      'vpn.wireguard-keys.strayDamaged',
    ],
    ['past the first 50 files', harmless, 'vpn.wireguard-keys.notOpened'],
  ])('%s is unknown with the reason, never a silent pass', async (_name, files, reason) => {
    const o = await scan(files)
    expect(o.status).toBe('unknown')
    expect(o.summary.key).toBe('vpn.wireguard-keys.unknown')
    expect(JSON.stringify(o.summary.params)).toContain(`"key":"${reason}"`)
  })

  it('a key in a Latin-1 file is still found', async () => {
    expect((await scan({ [`${DL}/vpn.conf`]: latin1(`# Café VPN\n${KEY}`) })).status).not.toBe('pass')
  })

  it.each<[string, Record<string, FixtureFile>]>([
    ['no stray files at all', {}],
    ['a Latin-1 file that names no key', { [`${DL}/notes.conf`]: latin1('# Café\nserver { listen 80; }\n') }],
    ['exactly 50 harmless files', Object.fromEntries(Object.entries(harmless).slice(0, 50))],
  ])('%s still passes', async (_name, files) => {
    expect((await scan(files)).status).toBe('pass')
  })
})
