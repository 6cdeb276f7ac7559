import { defineMessages } from '../../../checks/core/i18n/message.js'

/** Words shared by the plan, the walk-through and the panic checklist. */
export const guidanceText = defineMessages('ui.guidance', {
  effort1: 'A setting: a few minutes',
  effort2: 'Install or set up software',
  effort3: 'New hardware or a bigger change',
  observerDns:
    'What an observer learns: your DNS lookups name every site and service you reach, so your internet provider, the Wi-Fi owner or anyone on the same network sees where you go even when the pages are encrypted.',
  observerVpn:
    'What an observer learns: without a sealed tunnel the network you are on sees which servers you talk to and when, and any leak outside the tunnel shows your real address.',
  observerTor:
    'What an observer learns: a Tor setup that leaks or is open to other programs can reveal your real address and link what you do over Tor to you.',
  observerPermissions:
    'What an observer learns: an app or site with camera, microphone, screen or location access can watch, listen or follow where you are without asking again.',
  observerKeys:
    'What an observer learns: without a hardware security key, a stolen or phished password is all someone needs to get into your accounts.',
  observerIsolation:
    'What an observer learns: when everything runs in one place, one bad app or document can read everything else on this device.',
  observerOther: 'What an observer learns: this gap tells someone watching more about you than you intend.',
  profileLine: 'Profile: {profile}',
})
