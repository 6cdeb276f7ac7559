/**
 * When each release stops getting security updates. Dates are the vendors' published ends of
 * security support (or endoflife.date's record of them where the vendor publishes none, as Apple);
 * `limitedFrom` marks where full support ends and only a reduced long-term set continues (Debian
 * LTS). A release missing here is not judged. Refresh this table with each Bulwark release.
 */
export const EOL_TABLE_DATE = '2026-12-07'

export interface EolEntry {
  /** `/etc/os-release` ID, 'macos' (major version) or 'windows' (CurrentBuild). */
  os: string
  release: string
  name: string
  /** ISO date: no security updates after it. */
  eol: string
  limitedFrom?: string
  source: string
}

export const EOL_TABLE: readonly EolEntry[] = [
  {
    os: 'debian',
    release: '10',
    name: 'Debian 10 (buster)',
    eol: '2024-06-30',
    limitedFrom: '2022-09-10',
    source: 'https://wiki.debian.org/LTS',
  },
  {
    os: 'debian',
    release: '11',
    name: 'Debian 11 (bullseye)',
    eol: '2026-08-31',
    limitedFrom: '2024-08-14',
    source: 'https://wiki.debian.org/LTS',
  },
  {
    os: 'debian',
    release: '12',
    name: 'Debian 12 (bookworm)',
    eol: '2028-06-30',
    limitedFrom: '2026-06-10',
    source: 'https://wiki.debian.org/LTS',
  },
  {
    os: 'debian',
    release: '13',
    name: 'Debian 13 (trixie)',
    eol: '2030-06-30',
    limitedFrom: '2028-08-09',
    source: 'https://wiki.debian.org/LTS',
  },
  // Ubuntu: the end of standard support; Ubuntu Pro's ESM carries on only where it is attached.
  { os: 'ubuntu', release: '18.04', name: 'Ubuntu 18.04 LTS', eol: '2023-05-31', source: 'https://ubuntu.com/about/release-cycle' },
  { os: 'ubuntu', release: '20.04', name: 'Ubuntu 20.04 LTS', eol: '2025-05-29', source: 'https://ubuntu.com/about/release-cycle' },
  { os: 'ubuntu', release: '22.04', name: 'Ubuntu 22.04 LTS', eol: '2027-04-30', source: 'https://ubuntu.com/about/release-cycle' },
  { os: 'ubuntu', release: '24.04', name: 'Ubuntu 24.04 LTS', eol: '2029-04-30', source: 'https://ubuntu.com/about/release-cycle' },
  { os: 'ubuntu', release: '24.10', name: 'Ubuntu 24.10', eol: '2025-07-10', source: 'https://ubuntu.com/about/release-cycle' },
  { os: 'ubuntu', release: '25.04', name: 'Ubuntu 25.04', eol: '2026-01-15', source: 'https://ubuntu.com/about/release-cycle' },
  { os: 'fedora', release: '39', name: 'Fedora 39', eol: '2024-11-26', source: 'https://docs.fedoraproject.org/en-US/releases/eol/' },
  { os: 'fedora', release: '40', name: 'Fedora 40', eol: '2025-05-13', source: 'https://docs.fedoraproject.org/en-US/releases/eol/' },
  { os: 'fedora', release: '41', name: 'Fedora 41', eol: '2025-12-15', source: 'https://docs.fedoraproject.org/en-US/releases/eol/' },
  {
    os: 'fedora',
    release: '42',
    name: 'Fedora 42',
    // Planned for 2026-05-27 on the F-44 schedule; it ended a day late.
    eol: '2026-05-28',
    source: 'https://www.krakatech.com/posts/2026-05-29-fedora-42-officially-reached-end-of-life-no-more-security-pa',
  },
  // Apple publishes no end dates; endoflife.date records when each major version stopped getting security fixes.
  { os: 'macos', release: '11', name: 'macOS 11 Big Sur', eol: '2023-09-26', source: 'https://endoflife.date/macos' },
  { os: 'macos', release: '12', name: 'macOS 12 Monterey', eol: '2024-09-16', source: 'https://endoflife.date/macos' },
  { os: 'macos', release: '13', name: 'macOS 13 Ventura', eol: '2025-09-15', source: 'https://endoflife.date/macos' },
  // Windows: Home and Pro editions (Enterprise and Education get longer); keyed by CurrentBuild.
  {
    os: 'windows',
    release: '19045',
    name: 'Windows 10 22H2',
    eol: '2025-10-14',
    source: 'https://learn.microsoft.com/en-us/lifecycle/products/windows-10-home-and-pro',
  },
  {
    os: 'windows',
    release: '22000',
    name: 'Windows 11 21H2',
    eol: '2023-10-10',
    source: 'https://learn.microsoft.com/en-us/lifecycle/products/windows-11-home-and-pro',
  },
  {
    os: 'windows',
    release: '22621',
    name: 'Windows 11 22H2',
    eol: '2024-10-08',
    source: 'https://learn.microsoft.com/en-us/lifecycle/products/windows-11-home-and-pro',
  },
  {
    os: 'windows',
    release: '22631',
    name: 'Windows 11 23H2',
    eol: '2025-11-11',
    source: 'https://learn.microsoft.com/en-us/lifecycle/products/windows-11-home-and-pro',
  },
  {
    os: 'windows',
    release: '26100',
    name: 'Windows 11 24H2',
    eol: '2026-10-13',
    source: 'https://learn.microsoft.com/en-us/lifecycle/products/windows-11-home-and-pro',
  },
  {
    os: 'windows',
    release: '26200',
    name: 'Windows 11 25H2',
    eol: '2027-10-12',
    source: 'https://learn.microsoft.com/en-us/lifecycle/products/windows-11-home-and-pro',
  },
]

/** Windows builds older than the oldest listed are all past their end of support. */
export const OLDEST_LISTED_WINDOWS_BUILD = 19045
