import { describe, expect, it } from 'vitest'
import type { ScanReport } from '../../../../checks/core/report/model.js'
import { redactReport, redactText, type RedactionContext } from '../../../../checks/core/report/redact.js'

const ctx: RedactionContext = {
  usernames: ['alex', 'Alex Doe'],
  hostnames: ['alex-thinkpad', 'alex-thinkpad.local'],
  homes: ['/home/alex', 'C:\\Users\\alex'],
}

// Each entry is an identifier that must not survive redaction, in a realistic sentence.
const MUST_NOT_SURVIVE: readonly [string, string][] = [
  ['/home/alex/.mozilla/firefox/abcd.default/prefs.js', '/home/alex'],
  ['C:\\Users\\alex\\AppData\\Roaming\\Mozilla\\Firefox', 'alex'],
  ['c:\\users\\ALEX\\Downloads\\wg0.conf', 'ALEX'],
  ['/Users/sam.smith/Library/Application Support/Firefox', 'sam.smith'],
  ['/home/other-user/.ssh/id_ed25519_sk.pub', 'other-user'],
  ['owned by alex (uid 1000)', 'alex'],
  ['ssh key comment alex@alex-thinkpad', 'alex-thinkpad'],
  ['hostname alex-thinkpad.local answered', 'alex-thinkpad'],
  ['inet 192.168.1.23/24 brd 192.168.1.255', '192.168.1.23'],
  ['default via 10.0.0.1 dev wlp3s0', '10.0.0.1'],
  ['peer endpoint 203.0.113.7:51820', '203.0.113.7'],
  ['inet6 2001:db8:85a3::8a2e:370:7334/64', '2001:db8:85a3::8a2e:370:7334'],
  ['inet6 fe80::1c2b:3cff:fe4d:5e6f%wlp3s0', 'fe80::1c2b:3cff:fe4d:5e6f'],
  ['link/ether 3c:22:fb:12:34:56 brd ff:ff:ff:ff:ff:ff', '3c:22:fb:12:34:56'],
  ['MacAddress 3C-22-FB-12-34-56', '3C-22-FB-12-34-56'],
  ['Serial Number: C02XK1ZHJG5J', 'C02XK1ZHJG5J'],
  ['"IOPlatformSerialNumber" = "C02XK1ZHJG5J"', 'C02XK1ZHJG5J'],
  ['serial=0001234567', '0001234567'],
  ['InterfaceSpecificParameters\\{1F6C2B1A-4E1B-4C0B-9E3A-7A2D3B4C5D6E}\\DohInterfaceSettings', '1F6C2B1A-4E1B-4C0B-9E3A-7A2D3B4C5D6E'],
  ['account alex.doe@example.org enrolled', 'alex.doe@example.org'],
  ['sam@workstation:~$ wg show', 'sam@workstation'],
  ['ssh-ed25519 AAAAC3Nza… sam@workstation', 'workstation'],
  ['/media/sam/KEYS/wg0.conf', '/media/sam'],
  ['/run/media/sam/USB/prefs.js', '/run/media/sam'],
  ['Hardware is Ethernet, address is dead.beef.0003', 'dead.beef.0003'],
  ['YubiKey 5 NFC serial 12345678', '12345678'],
  ['Nitrokey 3 S/N 9F3A21C0', '9F3A21C0'],
  ['S/N: 00AB12', '00AB12'],
]

describe('redactText', () => {
  it.each(MUST_NOT_SURVIVE)('removes the identifier from %j', (text, identifier) => {
    expect(redactText(text, ctx)).not.toContain(identifier)
    expect(redactText(text, ctx).toLowerCase()).not.toContain(identifier.toLowerCase())
  })

  it.each([
    ['SocksPort 127.0.0.1:9050', 'SocksPort 127.0.0.1:9050'],
    ['SocksPort 0.0.0.0:9050 is open to the network', 'SocksPort 0.0.0.0:9050 is open to the network'],
    ['ip -j route get 1.1.1.1', 'ip -j route get 1.1.1.1'],
    ['ControlPort [::1]:9051', 'ControlPort [::1]:9051'],
    ['network.trr.mode = 3', 'network.trr.mode = 3'],
    ['last used 12:30:45', 'last used 12:30:45'],
    ['version 0.4.9.3', 'version 0.4.9.3'],
    ['/etc/wireguard/wg0.conf mode 0644', '/etc/wireguard/wg0.conf mode 0644'],
    ['a serial port', 'a serial port'],
    ['systemctl is-active wg-quick@wg0', 'systemctl is-active wg-quick@wg0'],
    ['tor@default is running', 'tor@default is running'],
  ])('keeps evidence that identifies nobody: %j', (text, expected) => {
    expect(redactText(text, ctx)).toBe(expected)
  })

  it('replaces the current home with ~ so paths stay readable', () => {
    expect(redactText('/home/alex/.config/mozilla/firefox', ctx)).toBe('~/.config/mozilla/firefox')
  })

  it('keeps system accounts so fix commands still work when run as root', () => {
    const asRoot: RedactionContext = { usernames: ['root'], hostnames: ['alex-thinkpad'], homes: ['/root'] }
    expect(redactText('sudo chown root:root /etc/wireguard && chmod 700 /etc/wireguard', asRoot)).toBe(
      'sudo chown root:root /etc/wireguard && chmod 700 /etc/wireguard',
    )
  })

  it('does not redact a user name inside a longer word', () => {
    expect(redactText('alexandria library', { ...ctx, homes: [] })).toBe('alexandria library')
  })
})

describe('redactReport', () => {
  const report: ScanReport = {
    schemaVersion: 1,
    tool: { name: 'bulwark', version: '0.1.0' },
    host: { platform: 'linux', release: '6.1.0-alex-thinkpad', arch: 'x64' },
    startedAt: '2026-11-23T10:00:00.000Z',
    durationMs: 120,
    locale: 'en',
    results: [
      {
        id: 'keys.hardware',
        title: 'Hardware security keys',
        category: 'keys',
        severity: 'medium',
        status: 'warn',
        summary: 'A key is plugged in at /home/alex but not used',
        evidence: [
          { label: 'Serial number', source: '/sys/class/hidraw/hidraw0/device/uevent', observed: '12345678' },
          { label: 'Authfile', source: '/home/alex/.config/Yubico/u2f_keys', observed: 'alex:abc', expected: 'mode 0600 for alex' },
          { label: 'Count', source: 'x', observed: 2 },
        ],
        durationMs: 3,
        rationale: 'Why',
        observer: 'What an observer learns: where you go.',
        effort: 1,
        remediation: {
          steps: [{ text: 'Run as alex', command: { shell: 'sh', line: 'pamu2fcfg -u alex >> /home/alex/.config/Yubico/u2f_keys' } }],
          references: [],
        },
      },
    ],
  }

  it('redacts every string field and leaves numbers and structure alone', () => {
    const red = redactReport(report, ctx)
    const text = JSON.stringify(red)
    expect(text).not.toMatch(/alex/i)
    expect(text).not.toContain('12345678')
    expect(red.results[0]?.evidence[2]?.observed).toBe(2)
    expect(red.results[0]?.evidence[0]?.observed).toBe('<serial>')
    expect(red.results).toHaveLength(1)
    expect(JSON.stringify(report)).toContain('alex')
  })
})
