/**
 * Finds cloudflared's DNS-over-HTTPS proxy, removed in cloudflared 2026.2.0. Pure: no I/O.
 * Set up either in config.yml (`proxy-dns: true`) or on a unit's command line (`cloudflared proxy-dns`).
 */
import { stripBom } from './resolver-text.parse.js'

// Line by line with anchored patterns: a multi-line `^\s*` crosses newlines and backtracks on a file of blank lines.
const PROXY_DNS_ON = /^[ \t]*proxy-dns[ \t]*:[ \t]*["']?(true|yes|on)["']?[ \t]*(#.*)?$/i

export function configEnablesProxyDns(text: string): boolean {
  return stripBom(text)
    .split(/\r?\n/)
    .some((line) => PROXY_DNS_ON.test(line))
}

/** The ExecStart line of a unit that runs `cloudflared ... proxy-dns`, if any. */
export function unitRunsProxyDns(text: string): string | undefined {
  for (const line of stripBom(text).split(/\r?\n/)) {
    if (!/^\s*ExecStart\s*=/.test(line)) continue
    const program = line.indexOf('cloudflared')
    if (program >= 0 && /\bproxy-dns\b/.test(line.slice(program))) return line.trim()
  }
  return undefined
}
