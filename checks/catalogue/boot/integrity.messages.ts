import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('boot.integrity', {
  title: 'Boot integrity',
  observer:
    'What an observer learns: someone who has the computer for a few minutes can change what starts before your password is asked, and record it when you type it.',
  rationale:
    'Secure Boot lets the firmware start only a boot loader and kernel signed by a key it trusts, so a tampered boot chain does not start. On a Mac, System Integrity Protection keeps even an administrator from changing the system, and Gatekeeper refuses apps that are not signed and notarised. On Windows, Memory Integrity keeps unsigned code out of the kernel.',
  sbOn: 'Secure Boot is on: the firmware starts only a signed boot loader and kernel.',
  sbOff: 'Secure Boot is off: the firmware starts any boot loader, so a changed one goes unnoticed.',
  sbSetupMode: 'Secure Boot is off and the firmware is in Setup Mode: it has no platform key, so anyone can enrol their own keys in it.',
  sbUnsupported:
    'This firmware boots through UEFI but has no SecureBoot variable: it does not support Secure Boot, or it is turned off in a way Linux cannot see.',
  legacyBoot:
    'This system did not start through UEFI (there is no /sys/firmware/efi), so it cannot use Secure Boot: anyone with the computer can start it from another disk or change its boot loader unseen. Switching to UEFI usually means reinstalling; a virtual machine may offer UEFI firmware in its settings.',
  sbDisagree:
    'The SecureBoot variable and mokutil --sb-state disagree, so Bulwark cannot tell whether Secure Boot is on. Run mokutil --sb-state and compare it with the firmware settings.',
  sbUnknown: 'Bulwark could not tell whether Secure Boot is on: {reason} Run mokutil --sb-state to see what the firmware says.',
  sipCustom: 'System Integrity Protection is only partly on (a custom configuration): some of its protections are turned off.',
  sipOff: 'System Integrity Protection is off: an administrator, or malware running as one, can change the system.',
  gatekeeperOff: 'Gatekeeper is off: apps that are not signed and notarised open without a warning.',
  sipUnknown: 'Bulwark could not read the state of System Integrity Protection: {reason} Run csrutil status in Terminal.',
  gatekeeperUnknown: 'Bulwark could not read the state of Gatekeeper: {reason} Run spctl --status in Terminal.',
  macOn: 'System Integrity Protection and Gatekeeper are on.',
  winOn: 'Secure Boot and Memory Integrity are on.',
  sbOffWindows: 'Secure Boot is off: the firmware starts any boot loader, so a changed one goes unnoticed.',
  legacyBootWindows:
    'Windows has no Secure Boot state, which means it started in legacy BIOS mode: it cannot use Secure Boot until the disk is converted to GPT and the firmware set to UEFI.',
  sbUnknownWindows: 'Bulwark could not read the Secure Boot state: {reason} Run Confirm-SecureBootUEFI in an administrator PowerShell.',
  hvciOff:
    'Memory Integrity (hypervisor-protected code integrity) is off: a malicious or vulnerable driver can run unsigned code in the kernel.',
  hvciUnknown:
    'Bulwark could not read the Memory Integrity setting: {reason} Open Windows Security, Device security, Core isolation details.',
  reasonMalformed: '{file} is not a 5-byte EFI variable (it holds {bytes}).',
  reasonBadOutput: '{command} printed something Bulwark could not read. Run it in a terminal to see what it says.',
  reasonNoTool: '{command} was not found.',
  reasonNoVar: 'the SecureBoot variable could not be read and mokutil gave no answer.',
  reasonRegistry: '{key} could not be read ({detail}).',
  reasonRegistryValue: '{name} under {key} is not a number.',
  efiFirmware: 'UEFI firmware',
  secureBootVar: 'SecureBoot variable',
  setupModeVar: 'SetupMode variable',
  mokutil: 'mokutil answer',
  sip: 'System Integrity Protection',
  gatekeeper: 'Gatekeeper state',
  secureBootValue: 'Secure Boot',
  memoryIntegrity: 'Memory Integrity',
  seenAbsent: 'absent',
  seenPresent: 'present',
  seenMalformed: 'malformed: {bytes}',
  stepLinux:
    'Turn on Secure Boot in the firmware settings (often under Boot or Security). Debian, Ubuntu and Fedora start with it through their signed shim; a driver you built yourself (NVIDIA, VirtualBox) must be signed and its key enrolled with mokutil --import first, or it will not load.',
  stepLinuxSetupMode:
    'Before turning Secure Boot on, restore the factory keys in the firmware settings ("Restore factory keys" or "Install default Secure Boot keys"), so the firmware leaves Setup Mode.',
  stepMacSip:
    'Turn System Integrity Protection back on: start up in macOS Recovery, open Terminal from the Utilities menu, run csrutil enable and restart.',
  stepMacGatekeeper:
    'Turn Gatekeeper back on: in System Settings, Privacy & Security, under "Allow applications from", choose App Store and identified developers (or run sudo spctl --global-enable).',
  stepWindowsSb:
    'Turn on Secure Boot in the UEFI firmware settings (Settings, System, Recovery, Advanced startup, Troubleshoot, UEFI Firmware Settings). If Windows started in legacy BIOS mode, the disk must first be converted to GPT with mbr2gpt: back up first.',
  stepWindowsHvci: 'Turn on Memory Integrity: Windows Security, Device security, Core isolation details. Restart when asked.',
})
