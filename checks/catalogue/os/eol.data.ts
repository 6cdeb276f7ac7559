/**
 * When each release stops getting security updates. Dates are the vendors' published ends of
 * security support: Debian and Ubuntu from distro-info-data 0.58+deb12u7 (Debian's package of both
 * projects' own release data, /usr/share/distro-info/{debian,ubuntu}.csv, April 2026), Fedora from its
 * EOL list and, for releases not yet ended, the SUPPORT_END each release writes in its own
 * /etc/os-release (a planned date: Fedora 42's said 2026-05-13 and it ended 2026-05-28; Fedora 39's said
 * 2024-05-14 and it ended 2024-11-26), Windows from
 * Microsoft's lifecycle pages, macOS from endoflife.date's record of Apple's last security update
 * for each version. `limitedFrom` marks where full support ends and only a reduced long-term set
 * continues (Debian LTS). `eol: null` is a release whose vendor publishes no end date (Apple): it is
 * never judged supported. A release missing here is not judged supported either. Refresh this table
 * with each Bulwark release.
 */
export const EOL_TABLE_DATE = '2026-12-07'

export interface EolEntry {
  /** `/etc/os-release` ID, 'macos' (major version) or 'windows' (CurrentBuild). */
  os: string
  release: string
  name: string
  /** ISO date: no security updates after it; null when the vendor publishes none. */
  eol: string | null
  /** The date is the vendor's plan (Fedora's SUPPORT_END), not yet confirmed as the day it ended. */
  planned?: boolean
  limitedFrom?: string
  source: string
}

const DISTRO_INFO = 'https://salsa.debian.org/debian/distro-info-data (distro-info-data 0.58+deb12u7)'
const FEDORA_EOL = 'https://docs.fedoraproject.org/en-US/releases/eol/'
const MACOS_EOL = 'https://endoflife.date/macos'
// Apple: "not all known security issues are addressed in previous versions"; only the newest macOS gets every fix.
const APPLE_NO_DATES = 'https://support.apple.com/en-us/100100'

export const EOL_TABLE: readonly EolEntry[] = [
  {
    os: 'debian',
    release: '10',
    name: 'Debian 10 (buster)',
    eol: '2024-06-30',
    limitedFrom: '2022-09-10',
    source: DISTRO_INFO,
  },
  {
    os: 'debian',
    release: '11',
    name: 'Debian 11 (bullseye)',
    eol: '2026-08-31',
    limitedFrom: '2024-08-14',
    source: DISTRO_INFO,
  },
  {
    os: 'debian',
    release: '12',
    name: 'Debian 12 (bookworm)',
    eol: '2028-06-30',
    limitedFrom: '2026-07-11',
    source: DISTRO_INFO,
  },
  {
    os: 'debian',
    release: '13',
    name: 'Debian 13 (trixie)',
    eol: '2030-06-30',
    limitedFrom: '2028-08-09',
    source: DISTRO_INFO,
  },
  // Ubuntu: the end of standard support (distro-info-data's `eol`); Ubuntu Pro's ESM carries on only where it is attached.
  { os: 'ubuntu', release: '18.04', name: 'Ubuntu 18.04 LTS', eol: '2023-05-31', source: DISTRO_INFO },
  { os: 'ubuntu', release: '20.04', name: 'Ubuntu 20.04 LTS', eol: '2025-05-29', source: DISTRO_INFO },
  { os: 'ubuntu', release: '22.04', name: 'Ubuntu 22.04 LTS', eol: '2027-06-01', source: DISTRO_INFO },
  { os: 'ubuntu', release: '24.04', name: 'Ubuntu 24.04 LTS', eol: '2029-05-31', source: DISTRO_INFO },
  { os: 'ubuntu', release: '24.10', name: 'Ubuntu 24.10', eol: '2025-07-10', source: DISTRO_INFO },
  { os: 'ubuntu', release: '25.04', name: 'Ubuntu 25.04', eol: '2026-01-15', source: DISTRO_INFO },
  { os: 'ubuntu', release: '25.10', name: 'Ubuntu 25.10', eol: '2026-07-09', source: DISTRO_INFO },
  { os: 'ubuntu', release: '26.04', name: 'Ubuntu 26.04 LTS', eol: '2031-05-29', source: DISTRO_INFO },
  { os: 'ubuntu', release: '26.10', name: 'Ubuntu 26.10', eol: '2027-07-15', source: DISTRO_INFO },
  { os: 'fedora', release: '39', name: 'Fedora 39', eol: '2024-11-26', source: FEDORA_EOL },
  { os: 'fedora', release: '40', name: 'Fedora 40', eol: '2025-05-13', source: FEDORA_EOL },
  // Fedora 41's own SUPPORT_END, the date it ended (EOL list).
  { os: 'fedora', release: '41', name: 'Fedora 41', eol: '2025-12-15', source: FEDORA_EOL },
  {
    os: 'fedora',
    release: '42',
    name: 'Fedora 42',
    // Its SUPPORT_END said 2026-05-13; the F-44 schedule moved it to 2026-05-27, and it ended a day late.
    eol: '2026-05-28',
    source: 'https://www.krakatech.com/posts/2026-05-29-fedora-42-officially-reached-end-of-life-no-more-security-pa',
  },
  // Planned, not yet confirmed: the F-43 schedule's "Fedora Linux 43 End of Life" (a changeable date, later than the
  // 2026-12-02 its SUPPORT_END says), and Fedora 44's SUPPORT_END.
  {
    os: 'fedora',
    release: '43',
    name: 'Fedora 43',
    eol: '2026-12-09',
    planned: true,
    source: 'https://fedorapeople.org/groups/schedule/f-43/f-43-key-tasks.html',
  },
  { os: 'fedora', release: '44', name: 'Fedora 44', eol: '2027-05-19', planned: true, source: '/etc/os-release SUPPORT_END (Fedora 44)' },
  // Apple publishes no end dates; endoflife.date records when each major version stopped getting security fixes.
  { os: 'macos', release: '11', name: 'macOS 11 Big Sur', eol: '2023-09-26', source: MACOS_EOL },
  { os: 'macos', release: '12', name: 'macOS 12 Monterey', eol: '2024-09-16', source: MACOS_EOL },
  { os: 'macos', release: '13', name: 'macOS 13 Ventura', eol: '2025-09-15', source: MACOS_EOL },
  // Still getting some security updates in 2026 (14.8.7 and 15.7.7 came with 26.5), but with no end date
  // published, and a newer major version than these may exist: never judged supported.
  { os: 'macos', release: '14', name: 'macOS 14 Sonoma', eol: null, source: APPLE_NO_DATES },
  { os: 'macos', release: '15', name: 'macOS 15 Sequoia', eol: null, source: APPLE_NO_DATES },
  { os: 'macos', release: '26', name: 'macOS 26 Tahoe', eol: null, source: APPLE_NO_DATES },
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
