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
  'wiki.mozilla.org', // Mozilla's own wiki: the WebRTC team's page on what each ICE privacy pref hides
  'developer.mozilla.org', // MDN, Mozilla's reference: the privacy.network WebRTC IP-handling values
  'www.rfc-editor.org', // the IETF's RFC archive: RFC 8828, the WebRTC IP address handling modes
  // Chromium, Google
  'www.chromium.org',
  'chromium.googlesource.com',
  'chromeenterprise.google',
  'support.google.com',
  'source.chromium.org', // Google's official Chromium code search: where pref and policy names are defined
  // Microsoft
  'learn.microsoft.com',
  'support.microsoft.com',
  'techcommunity.microsoft.com',
  // Apple
  'support.apple.com',
  'developer.apple.com',
  'apps.apple.com', // Apple's App Store: the official WireGuard client for macOS is distributed there
  // Tor
  'www.torproject.org',
  'support.torproject.org',
  'community.torproject.org',
  'tb-manual.torproject.org',
  'spec.torproject.org',
  'manpages.debian.org', // Debian's official manual-page archive (tor(1) and its options)
  // WireGuard, VPNs
  'www.wireguard.com',
  'mullvad.net',
  'git.zx2c4.com', // WireGuard's upstream repositories, where its own manual pages and Windows docs live
  'tailscale.com', // a WireGuard-based VPN's own documentation of exit nodes, cited for routing all traffic
  // Linux and its components
  'www.freedesktop.org',
  'man7.org',
  'networkmanager.dev',
  'wiki.archlinux.org',
  'wiki.debian.org',
  'help.ubuntu.com',
  'manpages.ubuntu.com', // Ubuntu's manual-page archive: geoclue.conf(5) (with conf.d since GeoClue 2.7) and popularity-contest(8)
  'wiki.ubuntu.com', // Ubuntu's own wiki: where Apport and the error tracker (whoopsie) are documented
  'docs.fedoraproject.org',
  'docs.flatpak.org',
  'snapcraft.io', // Canonical's official documentation of snap interfaces (the snap permission model)
  // Isolating operating systems, their own project sites
  'tails.net', // Tails (amnesic live system by the Tor Project's partners)
  'www.qubes-os.org', // Qubes OS (isolation by virtual machines)
  'www.whonix.org', // Whonix (Tor gateway and workstation VMs)
  // Keys, SSH
  'developers.yubico.com',
  'support.yubico.com',
  'fidoalliance.org', // the FIDO Alliance, the standards body behind FIDO2 and passkeys
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
