/**
 * Finds cloudflared's DNS-over-HTTPS proxy, removed in cloudflared 2026.2.0. Pure: no I/O.
 * Set up either in config.yml (`proxy-dns: true`) or on a unit's command line (`cloudflared proxy-dns`).
 */
import { stripBom } from './resolver-text.parse.js'

export function configEnablesProxyDns(text: string): boolean {
  return /^\s*proxy-dns\s*:\s*["']?(true|yes|on)["']?\s*(#.*)?$/im.test(stripBom(text))
}

/** The ExecStart line of a unit that runs `cloudflared ... proxy-dns`, if any. */
export function unitRunsProxyDns(text: string): string | undefined {
  for (const line of stripBom(text).split(/\r?\n/)) {
    if (/^\s*ExecStart\s*=.*cloudflared.*\bproxy-dns\b/.test(line)) return line.trim()
  }
  return undefined
}
