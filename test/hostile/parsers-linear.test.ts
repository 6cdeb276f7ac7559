// Promise 4: a file any program can write never stalls a scan. Each parser's time on 1, 2 and 4 MiB
// of hostile input must grow no faster than the input (a backtracking or quadratic parser quadruples).
import { describe, it } from 'vitest'
import { configEnablesProxyDns, unitRunsProxyDns } from '../../checks/catalogue/dns/cloudflared.parse.js'
import { parsePrefs } from '../../checks/readers/browsers/firefox-prefs.parse.js'
import { parseResolvedConf } from '../../checks/catalogue/dns/resolved-conf.parse.js'
import { parseStubbyYaml } from '../../checks/catalogue/dns/stubby.parse.js'
import { parseDnscryptToml, parseSocketUnitListen } from '../../checks/catalogue/dns/dnscrypt.parse.js'
import { parseSocketAddress } from '../../checks/catalogue/dns/resolver-text.parse.js'
import { parseKeyFile } from '../../checks/catalogue/permissions/keyfile.parse.js'
import { parseTorrc } from '../../checks/catalogue/tor/torrc.parse.js'
import { parseIni } from '../../checks/catalogue/vpn/wg-conf.parse.js'
import { decodeNative, encodeNative, showNative } from '../../checks/core/host/native-names.js'
import { expectLinearTime } from '../support/linear-time.js'

const MiB = 1024 * 1024

/** Input generators, each a shape that once made a parser super-linear or deep. */
const CASES: ReadonlyArray<[string, (text: string) => unknown, (size: number) => string]> = [
  ['prefs.js of "("', (t) => parsePrefs(t), (n) => '('.repeat(n)],
  ['prefs.js of statements without semicolons', (t) => parsePrefs(t), (n) => 'user_pref("a", 1)\n'.repeat(n / 18)],
  ['prefs.js of one unterminated string', (t) => parsePrefs(t), (n) => `user_pref("a", "${'x'.repeat(n)}`],
  ['prefs.js of escapes', (t) => parsePrefs(t), (n) => `user_pref("a", "${'\\x41'.repeat(n / 4)}");`],
  ['prefs.js of newlines', (t) => parsePrefs(t), (n) => '\n'.repeat(n)],
  ['~/.cloudflared/config.yml of newlines', configEnablesProxyDns, (n) => '\n'.repeat(n)],
  ['a cloudflared unit naming cloudflared over and over', unitRunsProxyDns, (n) => `ExecStart=${'cloudflared '.repeat(n / 12)}`],
  ['a torrc line of spaces ending in a backslash', parseTorrc, (n) => `SocksPort${' '.repeat(n)}\\`],
  ['a torrc of continuation lines', parseTorrc, (n) => 'SocksPort 9050 \\\n'.repeat(n / 16)],
  ['a torrc line of spaces, then a value and a line separator', parseTorrc, (n) => `SocksPort${' '.repeat(n)}9050\u2028x`],
  ['a torrc keyword of one long word and line separators', parseTorrc, (n) => `${'a'.repeat(n)}\u2028b\u2028c`],
  ['a Flatpak override with one long line and no "="', parseKeyFile, (n) => `[Context]\nfilesystems${' '.repeat(n)}x`],
  ['a stubby.yml line of spaces', parseStubbyYaml, (n) => `round_robin_upstreams: ${' '.repeat(n)}x`],
  [
    'a stubby.yml line of spaces, then a value and a stray carriage return',
    parseStubbyYaml,
    (n) => `tls_authentication:${' '.repeat(n)}x\ry`,
  ],
  [
    'a dnscrypt-proxy.toml line of spaces, then a value and a stray carriage return',
    parseDnscryptToml,
    (n) => `server_names =${' '.repeat(n)}x\ry`,
  ],
  [
    'a dnscrypt-proxy.toml array that never closes',
    parseDnscryptToml,
    (n) => `listen_addresses = [\n${"'127.0.0.1:53',\n".repeat(n / 16)}`,
  ],
  [
    'a dnscrypt-proxy.toml address of "%" before a line separator',
    parseDnscryptToml,
    (n) => `listen_addresses = ['${'%'.repeat(n)}\u2028x']`,
  ],
  ['an address of "%" before a line separator', parseSocketAddress, (n) => `${'%'.repeat(n)}\u2028x`],
  [
    'a socket unit listening on many addresses',
    parseSocketUnitListen,
    (n) => Array.from({ length: n / 32 }, (_, i) => `ListenStream=10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}:53`).join('\n'),
  ],
  ['a resolved.conf with a long DNS= line', parseResolvedConf, (n) => `[Resolve]\nDNS=${'1.1.1.1 '.repeat(n / 8)}`],
  ['a WireGuard config line of spaces', parseIni, (n) => `[Interface]\nPrivateKey = ${' '.repeat(n)}x`],
  ['a file name of Latin-1 bytes', (t) => decodeNative(Buffer.from(t, 'latin1')), (n) => '\xe9'.repeat(n)],
  ['a file name of escaped bytes, written back', encodeNative, (n) => 'a\udce9'.repeat(n / 2)],
  ['a file name of escaped bytes, shown', showNative, (n) => '\udce9'.repeat(n)],
]

describe.each(CASES)('%s', (_name, parse, make) => {
  it('takes time linear in its size (1, 2, 4 MiB)', () => {
    expectLinearTime((scale) => make(scale * MiB), parse)
  })
})
