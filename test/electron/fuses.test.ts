import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { applyFuses, electronBinaryPath, FUSES, type PackagedApp } from '../../scripts/package/fuses.js'
import { DEFAULT_WIRE, fakeBinary, FILLER, HARDENED_WIRE, SENTINEL, wire, wiresIn } from '../support/fake-electron-binary.js'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../..')

let base: string
beforeAll(() => void (base = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-fuses-'))))
afterAll(() => fs.rmSync(base, { recursive: true, force: true }))

const folder = (name: string): string => path.join(base, name)

describe('FUSES', () => {
  it('is exactly the hardened set: no Node entry points, encrypted cookies, ASAR-only with integrity checks', () => {
    expect(FUSES).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    })
  })
})

describe('electronBinaryPath', () => {
  it.each([
    ['linux', '/dist/linux-unpacked/bulwark'],
    ['darwin', '/dist/mac-arm64/bulwark.app'],
    ['win32', '/dist/win-unpacked/bulwark.exe'],
  ] as const)('%s: %s', (platform, expected) => {
    const appOutDir = path.dirname(expected)
    expect(electronBinaryPath({ appOutDir, platform, name: 'bulwark' })).toBe(expected)
  })
})

describe('applyFuses with the fuse tools mocked', () => {
  it.each<[PackagedApp, string, boolean]>([
    [{ appOutDir: '/dist/linux-unpacked', platform: 'linux', arch: 'x64', name: 'bulwark' }, '/dist/linux-unpacked/bulwark', false],
    [{ appOutDir: '/dist/mac', platform: 'darwin', arch: 'x64', name: 'Bulwark' }, '/dist/mac/Bulwark.app', false],
    [{ appOutDir: '/dist/mac-arm64', platform: 'darwin', arch: 'arm64', name: 'bulwark' }, '/dist/mac-arm64/bulwark.app', true],
    [{ appOutDir: '/dist/win-unpacked', platform: 'win32', arch: 'arm64', name: 'bulwark' }, '/dist/win-unpacked/bulwark.exe', false],
  ])('flips the fuses of %o on %s (ad-hoc re-sign: %s) and reads them back', async (app, binary, resign) => {
    const flip = vi.fn(async () => 1)
    const read = vi.fn(async () => ({ version: FuseVersion.V1, 0: 48, 1: 49, 2: 48, 3: 48, 4: 49, 5: 49, 6: 48, 7: 48 }))
    await expect(applyFuses(app, { flip, read })).resolves.toBe(binary)
    expect(flip.mock.calls).toEqual([[binary, { ...FUSES, resetAdHocDarwinSignature: resign }]])
    expect(read.mock.calls).toEqual([[binary], [binary]])
  })
})

describe('applyFuses on fake Electron binaries', () => {
  it.each([
    ['linux', 'bulwark'],
    ['win32', 'bulwark.exe'],
    ['darwin', 'bulwark.app/Contents/Frameworks/Electron Framework.framework/Electron Framework'],
  ] as const)('%s: sets the wire in %s and leaves every other byte alone', async (platform, fuseFile) => {
    const appOutDir = folder(`out-${platform}`)
    const file = path.join(appOutDir, fuseFile)
    fakeBinary(file)
    const before = fs.readFileSync(file)
    await applyFuses({ appOutDir, platform, arch: 'x64', name: 'bulwark' })
    const after = fs.readFileSync(file)
    expect(wiresIn(file)).toEqual([HARDENED_WIRE])
    expect(after.length).toBe(before.length)
    const changed = [...after.keys()].filter((i) => after[i] !== before[i]).map((i) => i - FILLER.length - SENTINEL.length - 2)
    expect(changed).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].filter((i) => DEFAULT_WIRE[i] !== HARDENED_WIRE[i]))
  })

  it('sets both slices of a universal macOS binary', async () => {
    const appOutDir = folder('out-universal')
    const file = path.join(appOutDir, 'bulwark.app/Contents/Frameworks/Electron Framework.framework/Electron Framework')
    fakeBinary(file, [wire(DEFAULT_WIRE), wire(DEFAULT_WIRE)])
    await applyFuses({ appOutDir, platform: 'darwin', arch: 'x64', name: 'bulwark' })
    expect(wiresIn(file)).toEqual([HARDENED_WIRE, HARDENED_WIRE])
  })

  it('is the same wire whether set once or again (a re-run of the packaging step)', async () => {
    const appOutDir = folder('out-twice')
    fakeBinary(path.join(appOutDir, 'bulwark'))
    await applyFuses({ appOutDir, platform: 'linux', arch: 'x64', name: 'bulwark' })
    await applyFuses({ appOutDir, platform: 'linux', arch: 'x64', name: 'bulwark' })
    expect(wiresIn(path.join(appOutDir, 'bulwark'))).toEqual([HARDENED_WIRE])
  })

  it('fails, naming the fuse and changing nothing, when this Electron has removed one of ours (flipping it would do nothing)', async () => {
    const appOutDir = folder('out-removed')
    // 'r' marks a removed fuse: OnlyLoadAppFromAsar (index 5) here.
    fakeBinary(path.join(appOutDir, 'bulwark'), [wire('10110r011')])
    await expect(applyFuses({ appOutDir, platform: 'linux', arch: 'x64', name: 'bulwark' })).rejects.toThrow(
      /this Electron no longer has these fuses, so .*bulwark would not be protected by them: OnlyLoadAppFromAsar$/,
    )
    expect(wiresIn(path.join(appOutDir, 'bulwark'))).toEqual(['10110r011'])
  })

  it('fails, naming the fuse, when a fuse reads back other than set', async () => {
    const read = vi.fn(async () => ({ version: FuseVersion.V1, 0: 49, 1: 49, 2: 48, 3: 48, 4: 49, 5: 48 }))
    const app: PackagedApp = { appOutDir: '/d', platform: 'linux', arch: 'x64', name: 'bulwark' }
    await expect(applyFuses(app, { flip: vi.fn(async () => 1), read })).rejects.toThrow(
      'these fuses did not take in /d/bulwark: RunAsNode, OnlyLoadAppFromAsar',
    )
  })

  it('fails, naming the fuses, when the wire is too short to hold them', async () => {
    const appOutDir = folder('out-short')
    fakeBinary(path.join(appOutDir, 'bulwark'), [wire('1011')])
    await expect(applyFuses({ appOutDir, platform: 'linux', arch: 'x64', name: 'bulwark' })).rejects.toThrow(/not long enough/)
  })

  it.each([
    [
      'a file with no fuse wire (not Electron, or older than 12)',
      () => fs.writeFileSync(path.join(folder('out-plain'), 'bulwark'), FILLER),
      'out-plain',
      /Could not find sentinel/,
    ],
    ['no executable where the packager should have put it', () => undefined, 'out-missing', /ENOENT/],
  ])('fails on %s', async (_name, prepare, name, message) => {
    fs.mkdirSync(folder(name), { recursive: true })
    prepare()
    await expect(applyFuses({ appOutDir: folder(name), platform: 'linux', arch: 'x64', name: 'bulwark' })).rejects.toThrow(message)
  })

  it('uses the real @electron/fuses by default (the same bytes its own reader reports)', async () => {
    const appOutDir = folder('out-default-tools')
    fakeBinary(path.join(appOutDir, 'bulwark'))
    await applyFuses({ appOutDir, platform: 'linux', arch: 'x64', name: 'bulwark' })
    const read = await getCurrentFuseWire(path.join(appOutDir, 'bulwark'))
    expect(read[FuseV1Options.RunAsNode]).toBe('0'.charCodeAt(0))
    expect(read[FuseV1Options.OnlyLoadAppFromAsar]).toBe('1'.charCodeAt(0))
  })
})

describe('npm run package:fuses', () => {
  it('sets the fuses on a packaged folder and lists them', async () => {
    const appOutDir = folder('out-command')
    fakeBinary(path.join(appOutDir, 'bulwark'))
    const { stdout } = await run('npm', ['run', '-s', 'package:fuses', '--', appOutDir, '--platform', 'linux'], { cwd: ROOT })
    expect(wiresIn(path.join(appOutDir, 'bulwark'))).toEqual([HARDENED_WIRE])
    expect(stdout).toContain(`Electron fuses set on ${path.join(appOutDir, 'bulwark')}`)
    expect(stdout).toMatch(/RunAsNode: off[\s\S]*OnlyLoadAppFromAsar: on/)
  }, 60000)

  it.each([
    [['/nonexistent/bulwark-dist', '--platform', 'linux'], 1, /^Could not set the Electron fuses in \/nonexistent\/bulwark-dist: ENOENT/],
    [['/tmp', '--platform', 'aix'], 2, /^Fuses are set only for linux, darwin, win32, not aix\./],
    [[], 2, /^usage: npm run package:fuses/],
  ])(
    '%j exits %i with a plain message and no stack trace',
    async (args, code, message) => {
      const failure = await run('npm', ['run', '-s', 'package:fuses', '--', ...args], { cwd: ROOT }).catch((e: unknown) => e)
      expect(failure).toMatchObject({ code })
      const stderr = (failure as { stderr: string }).stderr
      expect(stderr).toMatch(message)
      expect(stderr).not.toMatch(/^\s+at /m)
    },
    60000,
  )
})
