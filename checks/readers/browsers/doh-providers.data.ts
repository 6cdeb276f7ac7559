/**
 * The DNS-over-HTTPS resolvers the browser fixes offer (dns.firefox's user.js, dns.chromium's Local State and
 * policy): each publishes a no-logging DoH endpoint that Firefox and Chromium both accept (https, /dns-query).
 */
export const DOH_PROVIDERS = {
  quad9: 'https://dns.quad9.net/dns-query',
  mullvad: 'https://dns.mullvad.net/dns-query',
  cloudflare: 'https://mozilla.cloudflare-dns.com/dns-query',
} as const
export type DohProvider = keyof typeof DOH_PROVIDERS
export const isDohProvider = (v: string): v is DohProvider => Object.hasOwn(DOH_PROVIDERS, v)
