import { describe, expect, it } from 'vitest'
import { nmHasWireguardPrivateKey, parseIni, postUpBlocksTraffic, wgConfigFacts } from '../../../../checks/catalogue/vpn/wg-conf.parse.js'

const KEY = 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk='

const facts = (text: string) => {
  const ini = parseIni(text)
  if (!ini.ok) throw new Error('binary')
  return wgConfigFacts(ini.value)
}

describe('parseIni / wgConfigFacts', () => {
  it.each([
    ['plain wg-quick config', `[Interface]\nPrivateKey = ${KEY}\nAddress = 10.0.0.2/32\n\n[Peer]\nAllowedIPs = 0.0.0.0/0\n`, true],
    ['CRLF line endings', `[Interface]\r\nPrivateKey = ${KEY}\r\n`, true],
    ['UTF-8 BOM before the section', `\ufeff[Interface]\nPrivateKey=${KEY}\n`, true],
    ['lower-case keys and sections (wg-quick is case-insensitive)', `[interface]\nprivatekey = ${KEY}\n`, true],
    ['trailing comment after the key', `[Interface]\nPrivateKey = ${KEY} # laptop\n`, true],
    ['commented-out key', `[Interface]\n# PrivateKey = ${KEY}\n`, false],
    ['empty key value', '[Interface]\nPrivateKey =\n', false],
    ['key outside [Interface]', `[Peer]\nPrivateKey = ${KEY}\n`, false],
    ['key before any section', `PrivateKey = ${KEY}\n`, false],
    ['truncated mid-line', '[Interface]\nPrivateK', false],
    ['old Mac line endings (CR only)', `[Interface]\rPrivateKey = ${KEY}\r`, true],
  ])('%s → hasPrivateKey %s', (_name, text, expected) => {
    expect(facts(text).hasPrivateKey).toBe(expected)
  })

  it('never returns the key material itself', () => {
    expect(JSON.stringify(facts(`[Interface]\nPrivateKey = ${KEY}\n`))).not.toContain(KEY)
  })

  it('rejects binary garbage', () => {
    expect(parseIni('\u0000\u0001\u0002ELF\u0003').ok).toBe(false)
    expect(parseIni('\ufffd\ufffd\ufffd\ufffdabc').ok).toBe(false)
  })

  it('ignores junk lines and unterminated headers without throwing', () => {
    const f = facts(`[Interface\ngarbage line\n=novalue\n[Interface]\nPrivateKey = ${KEY}\n`)
    expect(f.hasInterface).toBe(true)
    expect(f.hasPrivateKey).toBe(true)
  })

  it('spots the wg-quick(8) kill-switch PostUp rule', () => {
    const ks =
      '[Interface]\nPostUp = iptables -I OUTPUT ! -o %i -m mark ! --mark $(wg show %i fwmark) -m addrtype ! --dst-type LOCAL -j REJECT\n'
    expect(postUpBlocksTraffic(facts(ks))).toBe(true)
    expect(postUpBlocksTraffic(facts('[Interface]\nPostUp = echo up\n'))).toBe(false)
  })
})

describe('nmHasWireguardPrivateKey', () => {
  it.each([
    ['keyfile with private-key', `[connection]\nid=wg0\ntype=wireguard\n\n[wireguard]\nprivate-key=${KEY}\n`, true],
    ['agent-owned key (no value in the file)', '[connection]\ntype=wireguard\n[wireguard]\nprivate-key-flags=1\n', false],
    ['a Wi-Fi connection', '[connection]\ntype=wifi\n[wifi-security]\npsk=hunter2\n', false],
  ])('%s → %s', (_name, text, expected) => {
    const ini = parseIni(text)
    expect(ini.ok && nmHasWireguardPrivateKey(ini.value)).toBe(expected)
  })
})
