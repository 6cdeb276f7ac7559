import path from 'node:path'
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire, type FuseV1Config } from '@electron/fuses'

/**
 * Bulwark's Electron fuses, the one place they are set. Fuses are bits in the Electron binary that
 * nothing at run time can turn back: a packaged Bulwark cannot be started as a plain Node
 * (ELECTRON_RUN_AS_NODE), cannot be handed code through NODE_OPTIONS or --inspect, encrypts its
 * cookies with the OS key store, checks app.asar against the hash the packager embedded,
 * loads its code only from that app.asar, and gives file:// pages no privileges beyond the web's. Fuses this list leaves out keep Electron's default.
 */
export const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The page comes from app://bulwark (src-main/electron/app-protocol.ts): file:// needs none of its old extras.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const satisfies FuseV1Config

export type PackagedPlatform = 'linux' | 'darwin' | 'win32'

export const PACKAGED_PLATFORMS: readonly PackagedPlatform[] = ['linux', 'darwin', 'win32']

/** A packaged app as packagers lay it out: the output folder, and the executable's name in it (`bulwark` by default). */
export interface PackagedApp {
  appOutDir: string
  platform: PackagedPlatform
  arch: string
  name: string
}

/** The path flipFuses takes: the executable on Linux and Windows, the .app bundle on macOS (the fuses live in its Electron Framework). */
export function electronBinaryPath(app: Pick<PackagedApp, 'appOutDir' | 'platform' | 'name'>): string {
  switch (app.platform) {
    case 'linux':
      return path.join(app.appOutDir, app.name)
    case 'darwin':
      return path.join(app.appOutDir, `${app.name}.app`)
    case 'win32':
      return path.join(app.appOutDir, `${app.name}.exe`)
  }
}

/** How the fuse wire stores a fuse: the ASCII digits '1' and '0', and 'r' for one this Electron removed. */
const WIRE_STATE = { true: '1'.charCodeAt(0), false: '0'.charCodeAt(0) } as const
const REMOVED = 'r'.charCodeAt(0)

type FuseOption = Exclude<keyof typeof FUSES, 'version'>

const NAMED_FUSES = Object.entries(FUSES).flatMap(([key, value]) =>
  key === 'version' || typeof value !== 'boolean' ? [] : [{ option: Number(key) as FuseOption, value }],
)

const names = (fuses: readonly { option: FuseOption }[]): string => fuses.map(({ option }) => FuseV1Options[option]).join(', ')

export interface FuseTools {
  flip: typeof flipFuses
  read: typeof getCurrentFuseWire
}

/**
 * Sets FUSES on a packaged app and reads the binary back. It fails, naming the fuse, when one of
 * ours is marked removed in this Electron (flipFuses would only warn, and the bit would do nothing)
 * or did not take; a wire too short for them fails in flipFuses itself. On Apple silicon the ad-hoc
 * signature is redone, since the changed bytes break it and macOS refuses to start an arm64 binary
 * without one; a real signature is applied after this step. Returns the binary it changed.
 */
export async function applyFuses(app: PackagedApp, tools: FuseTools = { flip: flipFuses, read: getCurrentFuseWire }): Promise<string> {
  const binary = electronBinaryPath(app)
  const shipped = await tools.read(binary)
  const removed = NAMED_FUSES.filter(({ option }) => shipped[option] === REMOVED)
  if (removed.length > 0) {
    throw new Error(`this Electron no longer has these fuses, so ${binary} would not be protected by them: ${names(removed)}`)
  }
  await tools.flip(binary, { ...FUSES, resetAdHocDarwinSignature: app.platform === 'darwin' && app.arch === 'arm64' })
  const wire = await tools.read(binary)
  const wrong = NAMED_FUSES.filter(({ option, value }) => wire[option] !== WIRE_STATE[`${value}`])
  if (wrong.length > 0) {
    throw new Error(`these fuses did not take in ${binary}: ${names(wrong)}`)
  }
  return binary
}

/** One line per fuse, for the packaging log. */
export function describeFuses(): string[] {
  return NAMED_FUSES.map(({ option, value }) => `${FuseV1Options[option]}: ${value ? 'on' : 'off'}`)
}
