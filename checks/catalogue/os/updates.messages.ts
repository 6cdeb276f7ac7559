import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('os.updates', {
  title: 'Security updates',
  observer:
    'What an observer learns: a system that misses security updates keeps holes that are public knowledge, and anyone who gets a file, a link or a network packet to it can use them.',
  rationale:
    'Most attacks on laptops use flaws that already have a fix. Updates that install themselves close them within days; a system that waits for you, or a release its maker no longer supports, stays open to every published attack.',
  // Summaries, worst first.
  eolPast: "{name} stopped getting security updates on {date}. Upgrade to a supported release. (Bulwark's table is from {tableDate}.)",
  eolSoon: "{name} stops getting security updates on {date}. Plan the upgrade now. (Bulwark's table is from {tableDate}.)",
  eolLimited:
    "{name} gets only limited long-term security support since {date}, until {end}. Upgrade to a supported release. (Bulwark's table is from {tableDate}.)",
  eolPlannedPast:
    "{name} was planned to stop getting security updates on {date}; Bulwark cannot confirm whether it still gets them. Upgrade to a supported release. (Bulwark's table is from {tableDate}.)",
  eolNotListed:
    "Bulwark's table (from {tableDate}) has no end-of-support date for {name}, so it cannot tell whether this release still gets security updates. Look up its end of support on its maker's website.",
  macEolUnpublished:
    "Apple publishes no end-of-support date for {name}, and only the newest macOS gets every security fix, so Bulwark cannot tell whether this version still gets them (its table is from {tableDate}). Check Apple's security releases page for your version's latest update, or upgrade to the newest macOS.",
  aptOff: 'Security updates do not install themselves: unattended-upgrades is off or not installed.',
  aptNoSecurity: 'unattended-upgrades runs, but no origin it installs from is a security archive.',
  aptMasked: 'The apt-daily timers are masked, so automatic updates never run.',
  dnfOff: 'Security updates do not install themselves: dnf-automatic does not apply updates, or its timer is not enabled.',
  onlyDownload: 'Updates are downloaded for you (GNOME Software), but nothing installs them until you do.',
  stale: 'The package lists were last refreshed {days} days ago, so recent security updates are not known to this system.',
  noManager:
    "Bulwark reads apt and dnf, and found neither, so it cannot tell whether updates install themselves. Check your package manager's automatic updates.",
  aptUnreadable:
    'Bulwark could not read the apt configuration ({reason}). Run `apt-config dump` and look for APT::Periodic::Unattended-Upgrade.',
  dnfUnreadable: 'Bulwark could not read {file} ({code}). Run Bulwark as a user who can read it.',
  releaseUnreadable: 'Bulwark could not read {file} ({code}), so it cannot tell whether this release is still supported.',
  linuxAuto: 'Security updates install themselves, and this release is still supported.',
  macCheckOff: 'macOS does not check for updates by itself, so security fixes wait until you look.',
  macCriticalOff: 'macOS does not install security responses and system data files by itself.',
  macDownloadOff: 'macOS finds updates but does not download them by itself.',
  macInstallOff: 'macOS updates are downloaded but not installed by themselves.',
  macUnreadable:
    'Bulwark could not read the Software Update settings ({reason}). Open System Settings > General > Software Update > Automatic updates.',
  macAuto: 'macOS checks for updates and installs security responses by itself, and this version is still supported.',
  winDisabled: 'Windows Update is turned off by policy (NoAutoUpdate), so no update installs itself.',
  winNotifyOnly: 'A policy makes Windows Update only notify or download (AUOptions {option}): updates wait for you to install them.',
  winPaused: 'Windows updates are paused until {date}.',
  winOld: 'The newest installed update ({id}) is from {date}, {days} days ago: Windows has stopped installing updates.',
  winUnreadable: 'Bulwark could not read {key} ({reason}). Run Bulwark again, or open Settings > Windows Update.',
  winAuto: 'Windows Update installs updates by itself, and this build is still supported.',
  // Evidence labels.
  labelRelease: 'Release',
  labelSupportEnds: 'Security support ends',
  labelAptSetting: 'apt setting',
  labelOrigins: 'Origins unattended-upgrades installs',
  labelPackage: 'unattended-upgrades program',
  labelTimer: 'Timer',
  labelDnfSetting: 'dnf-automatic setting',
  labelGnome: 'GNOME Software automatic downloads',
  labelLastRefresh: 'Last package list refresh',
  labelMacSetting: 'Software Update setting',
  labelPolicy: 'Windows Update policy',
  labelPause: 'Updates paused until',
  labelBuild: 'Windows build',
  labelHotfix: 'Newest installed update',
  // Observed words.
  notSet: 'not set',
  notSetDefaultOn: "not set (Apple's default: on)",
  notListed: "not in Bulwark's table (from {tableDate})",
  notPublished: 'no date published',
  notEnabled: 'not enabled',
  masked: 'masked',
  notMasked: 'not masked',
  installed: 'installed',
  notInstalled: 'not installed',
  noSecurityOrigin: 'none with "security"',
  noSession: 'not read: no desktop session',
  daysAgo: '{days} days ago',
  // Steps.
  stepApt: 'Install unattended-upgrades and turn it on: it installs security updates every day.',
  stepDnf: 'Install dnf-automatic, set apply_updates = yes in /etc/dnf/automatic.conf, and enable its timer.',
  stepUpgradeRelease: 'Upgrade to a supported release of your system: back up your files first.',
  stepRefresh: 'Refresh the package lists and install what is waiting.',
  stepMac:
    'Open System Settings > General > Software Update > Automatic updates (i) and turn on every option, including security responses and system files.',
  stepMacUpgrade:
    'Upgrade to a macOS version that still gets security updates, or, where this Mac cannot run one, plan to replace it. Back up with Time Machine first.',
  stepWin: 'Open Settings > Windows Update, resume updates if they are paused, and install what is waiting.',
  stepWinPolicy:
    'If your organisation did not set the policy that turns Windows Update off, ask whoever manages this computer, or remove it in the Group Policy editor.',
  stepWinUpgrade: 'Upgrade to a Windows version that still gets security updates. Back up your files first.',
})
