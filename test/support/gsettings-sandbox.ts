/**
 * Real gsettings and dconf in a temporary home: writes go through a private `dbus-run-session` (so the
 * dconf-service it starts writes to the temporary XDG_CONFIG_HOME, never the real user's), reads straight from
 * the dconf database there. The Host and the fix writer's runner are the real ones with that environment added.
 */
import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Host } from '../../checks/core/types.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import type { SettingRunner } from '../../src-main/node/fix/writer.js'

export interface GsettingsSandbox {
  home: string
  /** `gsettings set`, as the user would. */
  set(schema: string, key: string, value: string): void
  /** What dconf holds for the key: the user's own value, '' when unset. */
  userValue(schema: string, key: string): string
  /** The real Host with gsettings and dconf pointed at the temporary home; the environment as given otherwise. */
  host(env: Record<string, string | undefined>): Host
  /** The fix writer's runner, writing through a private session bus into the temporary home. */
  run: SettingRunner
  remove(): void
}

export function gsettingsSandbox(): GsettingsSandbox {
  const home = mkdtempSync(path.join(os.tmpdir(), 'bulwark-gsettings-'))
  const vars = [`HOME=${home}`, `XDG_CONFIG_HOME=${home}/.config`, 'GSETTINGS_BACKEND=dconf']
  // The environment goes before dbus-run-session so the dconf-service the bus starts writes into the temporary home.
  const viaBus = (file: string, args: readonly string[]): string[] => [...vars, 'dbus-run-session', '--', file, ...args]
  return {
    home,
    set: (schema, key, value) => void execFileSync('env', viaBus('gsettings', ['set', schema, key, value]), { stdio: 'pipe' }),
    userValue: (schema, key) =>
      execFileSync('env', [...vars, 'dconf', 'read', `/${schema.split('.').join('/')}/${key}`], { encoding: 'utf8' }).trim(),
    host(env) {
      const real = createNodeHost({ ...process.env, ...env })
      return {
        ...real,
        exec: (file, args, options) =>
          file === 'gsettings' || file === 'dconf' ? real.exec('env', [...vars, file, ...args], options) : real.exec(file, args, options),
      }
    },
    run: (file, args) =>
      new Promise((resolve) => {
        execFile('env', viaBus(file, args), { encoding: 'utf8', timeout: 20_000 }, (error, stdout, stderr) => {
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr })
        })
      }),
    remove: () => rmSync(home, { recursive: true, force: true }),
  }
}
