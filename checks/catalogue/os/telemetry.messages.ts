import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('os.telemetry', {
  title: 'Operating system telemetry',
  observer:
    'What an observer learns: which apps you use and how, what crashed and what was in memory then, the packages you installed, and an advertising ID that ties it together.',
  rationale:
    'Operating systems send usage and crash data to their makers, and some share it with app developers or use it for ads. Each piece is small; combined with other data points it becomes a profile of you. Turning the reporters off keeps that data on this device.',
  allOff: 'Every telemetry setting Bulwark reads on this system is off.',
  linuxNone: 'None of the known crash or usage reporters (Apport, Whoopsie, ubuntu-report, popularity-contest, ABRT) is set up here.',
  whoopsieOn: 'Whoopsie sends crash reports to Canonical automatically.',
  abrtOn: 'ABRT reports crashes to Fedora automatically.',
  apportOn: 'Apport collects a report on this machine whenever a program crashes and offers to send it to Ubuntu.',
  popconOn: 'popularity-contest sends the list of packages installed here to Debian every week.',
  ubuntuReportSent: 'ubuntu-report sent Canonical a report about this machine’s hardware and setup for this release.',
  diagOptional: 'Windows sends optional diagnostic data: which websites you visit, how you use apps and features, and crash memory.',
  diagUnset:
    'Bulwark found no diagnostic data setting in the registry. Open Settings › Privacy & security › Diagnostics & feedback to see which data Windows sends.',
  adIdOn: 'The advertising ID is on: apps can use it to follow you from app to app for ads.',
  activityOn: 'Windows keeps a history of the apps, files and sites you use (activity history is not turned off).',
  tailoredOn: 'Tailored experiences are on: Microsoft uses your diagnostic data for personalised tips, ads and recommendations.',
  macDevelopers: 'This Mac shares crash and usage data with app developers.',
  macApple: 'This Mac shares analytics (crash and usage data) with Apple.',
  macAds: 'Personalised ads are on: Apple uses what it knows about you to choose the ads in its apps.',
  macNoAnalytics:
    'Bulwark found no analytics settings on this Mac. Open System Settings › Privacy & Security › Analytics & Improvements to see what it shares.',
  unreadable: 'Bulwark could not read {source} ({reason}), so it cannot tell whether it sends data. Run Bulwark as an administrator.',
  malformed: 'Bulwark could not make sense of {source}. Open the file and check the setting by hand.',
  labelSetting: 'Setting',
  labelPolicy: 'Policy',
  labelService: 'Service',
  labelAnswer: 'Saved answer',
  labelFile: 'File',
  fileAbsent: 'not present',
  notSet: 'not set',
  serviceEnabled: 'enabled at boot',
  serviceNotEnabled: 'not enabled at boot',
  answerOptedOut: 'declined',
  answerSent: 'report sent',
  stepWhoopsie:
    'Stop automatic crash reports: set report_crashes=false in /etc/whoopsie (or /etc/default/whoopsie) and turn off the Whoopsie service.',
  stepApport: 'Turn off Apport: set enabled=0 in /etc/default/apport and turn off its service.',
  stepPopcon: 'Stop popularity-contest: answer No when you reconfigure it, or remove the package.',
  stepAbrt: 'Turn off ABRT auto-reporting, so crashes are only reported when you choose to.',
  stepUbuntuReport: 'Tell ubuntu-report not to send a report about this machine.',
  stepWinDiag: 'Open Settings › Privacy & security › Diagnostics & feedback and turn off “Send optional diagnostic data”.',
  stepWinAdId: 'Open Settings › Privacy & security › General and turn off “Let apps show me personalized ads by using my advertising ID”.',
  stepWinActivity:
    'Open Settings › Privacy & security › Activity history, turn off “Store my activity history on this device” and clear the history.',
  stepWinTailored: 'Open Settings › Privacy & security › Diagnostics & feedback and turn off “Tailored experiences”.',
  stepMacAnalytics:
    'Open System Settings › Privacy & Security › Analytics & Improvements and turn off “Share Mac Analytics” and “Share with app developers”.',
  stepMacAds: 'Open System Settings › Privacy & Security › Apple Advertising and turn off “Personalized Ads”.',
})
