import { describe, expect, it } from 'vitest'
import { queryRegistry } from '../../../../checks/readers/windows/registry.io.js'
import { createFixtureHost, type FixtureCommand } from '../../../support/fixture-host.js'

const KEY = 'HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox'
const REG = `reg query ${KEY} /s`
const testPath = (key: string): string => `powershell -NoProfile -NonInteractive -Command Test-Path -LiteralPath 'Registry::${key}'`

// reg's message for a missing key as printed on English Windows (https://github.com/adamralph/simple-exec/issues/533)
// and on Chinese Windows (https://github.com/malaohu/reset-navicat-premium/issues/2), the latter as it arrives
// when the console's GBK bytes are read as UTF-8.
const ENGLISH_ABSENT: FixtureCommand = { code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' }
const CHINESE_ABSENT: FixtureCommand = { code: 1, stderr: '错误: 系统找不到指定的注册表项或值。\r\n' }
const MOJIBAKE_ABSENT: FixtureCommand = { code: 1, stderr: '\uFFFD\uFFFD\uFFFD\uFFFD: \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\r\n' }

function read(commands: Record<string, FixtureCommand>) {
  const host = createFixtureHost({ platform: 'win32', commands })
  return { host, result: queryRegistry(host, KEY) }
}

describe('queryRegistry', () => {
  it('reads the values of a key that exists', async () => {
    const { result } = read({ [REG]: `\r\n${KEY}\r\n    Enabled    REG_DWORD    0x1\r\n` })
    await expect(result).resolves.toMatchObject({ status: 'ok', keys: [{ path: KEY, values: [{ name: 'Enabled', data: 1 }] }] })
  })

  it('takes the English "unable to find" as absent without asking PowerShell', async () => {
    const { host, result } = read({ [REG]: ENGLISH_ABSENT })
    await expect(result).resolves.toEqual({ status: 'absent', command: REG })
    expect(host.calls.some((c) => c.startsWith('powershell'))).toBe(false)
  })

  it.each([
    ['a Chinese message', CHINESE_ABSENT],
    ['a message in another code page', MOJIBAKE_ABSENT],
  ])('asks Test-Path when reg words the error in %s; False → absent', async (_name, reg) => {
    const { result } = read({ [REG]: reg, [testPath(KEY)]: 'False\r\n' })
    await expect(result).resolves.toEqual({ status: 'absent', command: REG })
  })

  it('keeps a localized error as unreadable when the key exists (access denied in another language)', async () => {
    const { result } = read({ [REG]: { code: 1, stderr: '错误: 拒绝访问。\r\n' }, [testPath(KEY)]: 'True\r\n' })
    await expect(result).resolves.toMatchObject({ status: 'unreadable', reason: { key: '', en: '错误: 拒绝访问。' } })
  })

  it.each([
    ['PowerShell is missing', { error: 'not_found' } as FixtureCommand],
    ['PowerShell prints something else', 'Test-Path : Cannot bind argument\r\n'],
    ['PowerShell fails', { code: 1, stderr: 'boom' }],
  ])('leaves the key unreadable, never absent, when %s', async (_name, ps) => {
    const { result } = read({ [REG]: CHINESE_ABSENT, [testPath(KEY)]: ps })
    await expect(result).resolves.toMatchObject({ status: 'unreadable' })
  })

  it('doubles quote characters so a key name cannot end the PowerShell string', async () => {
    const odd = "HKCU\\Software\\O'Brien\u2019s"
    const host = createFixtureHost({
      platform: 'win32',
      commands: {
        [`reg query ${odd} /s`]: CHINESE_ABSENT,
        [testPath("HKCU\\Software\\O''Brien\u2019\u2019s")]: 'False\r\n',
      },
    })
    await expect(queryRegistry(host, odd)).resolves.toMatchObject({ status: 'absent' })
  })
})
