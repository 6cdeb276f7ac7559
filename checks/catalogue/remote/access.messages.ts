import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('remote.access', {
  title: 'Remote access',
  observer:
    'What an observer learns: anyone on the same network can find a remote-login or screen-sharing service on this computer and try passwords on it; one that lets root in with a password gives the whole computer to one guessed password.',
  rationale:
    'An SSH server, Remote Login, Screen Sharing, Remote Management, Remote Desktop and Remote Assistance let someone on another machine use this one. Off, nobody can try. On with passwords, anyone on a café, hotel or protest network who can reach it can try to guess one. Keys instead of passwords, Network Level Authentication and a firewall that refuses the port close that door.',

  allOff: 'No remote-access service is on: nobody can log in to this computer or see its screen over the network.',
  sshKeysOnly: 'The SSH server is on and accepts keys only, so nobody can guess a password over the network.',
  sshPasswords: 'The SSH server is on and accepts passwords, so anyone who can reach it can try to guess one.',
  sshEmptyPasswords: 'The SSH server lets accounts with an empty password log in: anyone who can reach it can log in to such an account.',
  sshRootReachable:
    'The SSH server lets root log in with a password and other machines can reach it ({reach}): one guessed password gives away the whole computer.',
  sshRootPassword:
    'The SSH server lets root log in with a password. Bulwark could not show that other machines reach it ({reach}); turn this off either way.',
  sshUnread: 'The SSH server is on, but Bulwark could not read its settings: {reason}',
  screenSharingOn:
    'Screen Sharing is on: anyone who can reach this Mac and knows a password of an allowed account can see and control its screen.',
  remoteManagementOn:
    'Remote Management is on: anyone who can reach this Mac and knows a password of an allowed account can see its screen and manage it.',
  vncPasswordOn:
    'Screen sharing accepts a VNC password: a short shared password, not an account, lets anyone who can reach this Mac control its screen.',
  rdpOnNla: 'Remote Desktop is on (with Network Level Authentication): anyone who can reach it can try to guess a password.',
  rdpNoNla:
    'Remote Desktop is on without Network Level Authentication: anyone who reaches it gets the Windows sign-in screen before giving a password ({reach}).',
  rdpNoNlaReachable:
    'Remote Desktop is on without Network Level Authentication and other machines can reach it ({reach}): anyone on the network gets the Windows sign-in screen before giving a password.',
  remoteAssistanceOn:
    'Remote Assistance is allowed: someone you send an invitation to can see and control this computer while you accept it.',
  stateUnknown: 'Bulwark could not tell whether {service} is on: {reason}',

  serviceSsh: 'the SSH server',
  serviceRemoteLogin: 'Remote Login (SSH)',
  serviceScreenSharing: 'Screen Sharing',
  serviceRemoteManagement: 'Remote Management',
  serviceRdp: 'Remote Desktop',
  serviceRemoteAssistance: 'Remote Assistance',
  serviceWinSsh: 'the OpenSSH server',

  reachLetIn: 'port {port} on {address}, let in by {by}',
  reachNoFirewall: 'port {port} listens on {address} and Bulwark could not read the firewall',
  reachLocal: 'it listens only on this computer, or the firewall refuses it',
  reachUnsure: 'the firewall may let it in: {reason}',
  reachNoSockets: 'Bulwark could not read which ports listen',

  labelSshServer: 'SSH server',
  labelSshProcess: 'SSH server process',
  labelConfig: 'SSH server settings',
  labelEffective: 'Effective settings',
  labelPasswordAuth: 'Password login',
  labelKbdInteractive: 'Keyboard-interactive login',
  labelRootLogin: 'Root login',
  labelEmptyPasswords: 'Empty passwords',
  labelUsePam: 'PAM',
  labelAuthMethods: 'Required login methods',
  labelListen: 'Listening address',
  labelMatch: 'Match block',
  labelReach: 'Reachable from the network',
  labelRemoteLogin: 'Remote Login',
  labelScreenSharing: 'Screen Sharing',
  labelRemoteManagement: 'Remote Management',
  labelVnc: 'VNC password access',
  labelRdp: 'Remote Desktop',
  labelNla: 'Network Level Authentication',
  labelRemoteAssistance: 'Remote Assistance',
  labelWinSsh: 'OpenSSH server service',

  seenRunning: 'running',
  seenNotRunning: 'not running',
  seenNotInstalled: 'not installed',
  seenOn: 'on',
  seenOff: 'off',
  seenDefault: 'not set (default {value})',
  seenNotListed: 'not listed (off by default)',
  seenMatch: '{criteria}: {sets}',
  seenLetIn: 'let in by {by}',
  seenRefused: 'refused by {by}',
  seenUnsure: 'unsure: {reason}',
  expectSudo: 'run sudo sshd -T to see the settings sshd really uses',

  badConfig: '{file} is not a configuration sshd accepts ({reason}).',
  tooDeep: '{file} nests Include more than {limit} deep, which sshd refuses.',
  tooMany: 'The SSH server settings include more than {limit} files; Bulwark stopped reading at {file}.',
  unreadable: 'Bulwark could not read {source}: {reason}',
  badOutput: '{command} printed something Bulwark could not read ({reason}).',

  stepSshKeyOnly:
    'To keep SSH but stop password guessing, allow keys only. First check that your key logs you in (ssh -o PasswordAuthentication=no you@this-computer from another machine) and keep that session open while you change this, so a mistake cannot lock you out. Then put these lines in /etc/ssh/sshd_config.d/00-key-only.conf, check the settings and reload. sshd uses the first value it reads, and on Debian, Ubuntu and Fedora this folder is read first; elsewhere put the lines at the top of /etc/ssh/sshd_config. The service is called sshd on Fedora and Arch.',
  stepSshOff:
    'If you never log in to this computer from another one, turn the SSH server off. If you are connected over SSH right now, this ends your session and you cannot get back in that way: do it at the computer itself. The service is called sshd on Fedora and Arch.',
  stepMacRemoteLogin:
    'Open System Settings > General > Sharing and turn off Remote Login unless you log in to this Mac from another computer. If you are connected over SSH right now, this ends your session: do it at the Mac itself.',
  stepMacScreenSharing:
    'In System Settings > General > Sharing, turn off Screen Sharing unless you use it. If you are using this Mac remotely right now, this ends your session: do it at the Mac itself.',
  stepMacRemoteManagement:
    'In System Settings > General > Sharing, turn off Remote Management unless your organisation manages this Mac with it (ask them first). If you are using this Mac remotely right now, this ends your session.',
  stepRdpOff:
    'Open Settings > System > Remote Desktop and turn Remote Desktop off unless you use it. If you are connected over Remote Desktop right now, this ends your session: do it at the computer itself.',
  stepRdpNla:
    'If you keep Remote Desktop, turn on "Require devices to use Network Level Authentication to connect" on the same page, so nobody reaches the sign-in screen without a password first. Very old Remote Desktop apps cannot connect with it.',
  stepRemoteAssistanceOff:
    'Run SystemPropertiesRemote (or open Control Panel > System > Remote settings) and clear "Allow Remote Assistance connections to this computer".',
  stepWinSshOff:
    'If you never log in to this computer over SSH, stop the OpenSSH server and keep it from starting, in PowerShell as administrator. If you are connected over SSH right now, this ends your session: do it at the computer itself.',
  stepWinSshKeyOnly:
    'To keep the OpenSSH server but allow keys only, first check that your key logs you in and keep that session open, then add "PasswordAuthentication no" at the top of C:\\ProgramData\\ssh\\sshd_config and run Restart-Service sshd as administrator.',
})
