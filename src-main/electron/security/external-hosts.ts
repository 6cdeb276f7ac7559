/**
 * Hosts whose https pages Bulwark may open in the system browser: the documentation that check
 * remediation and references link to. Exact host names only (no wildcards), so a lookalike such as
 * support.mozilla.org.example.com never matches. Add a host here when a check cites a new site.
 */
export const EXTERNAL_HTTPS_HOSTS: readonly string[] = [
  // Mozilla
  'support.mozilla.org',
  'firefox-source-docs.mozilla.org',
  'mozilla.github.io',
  'bugzilla.mozilla.org',
  // Chromium, Google
  'www.chromium.org',
  'chromium.googlesource.com',
  'chromeenterprise.google',
  'support.google.com',
  // Microsoft
  'learn.microsoft.com',
  'support.microsoft.com',
  'techcommunity.microsoft.com',
  // Apple
  'support.apple.com',
  'developer.apple.com',
  // Tor
  'www.torproject.org',
  'support.torproject.org',
  'community.torproject.org',
  'tb-manual.torproject.org',
  'spec.torproject.org',
  // WireGuard, VPNs
  'www.wireguard.com',
  'mullvad.net',
  // Linux and its components
  'www.freedesktop.org',
  'man7.org',
  'networkmanager.dev',
  'wiki.archlinux.org',
  'wiki.debian.org',
  'help.ubuntu.com',
  'docs.fedoraproject.org',
  'docs.flatpak.org',
  // Keys, SSH
  'developers.yubico.com',
  'support.yubico.com',
  'www.openssh.com',
  'man.openbsd.org',
  // DNS providers' docs
  'developers.cloudflare.com',
  // General privacy guidance
  'ssd.eff.org',
  'www.eff.org',
  // Project pages cited as sources
  'github.com',
]
