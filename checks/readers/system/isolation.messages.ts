import { defineMessages } from '../../core/i18n/message.js'

export const detectText = defineMessages('env.isolation.detect', {
  osName: 'Operating system name',
  tailsProduct: 'Tails product name (older Tails)',
  marker: 'Marker file',
  qubesVmType: 'Qubes VM type',
  firmwareVendor: 'Firmware vendor',
  firmwareProduct: 'Firmware product name',
  cpuFlag: 'CPU "hypervisor" flag',
  macVm: 'Virtual machine reported by macOS',
  flagSet: 'set',
  flagNotSet: 'not set',
  unreadable: 'Could not read',
  hvUnknown: 'unknown hypervisor',
  hvMac: 'macOS virtualization',
})
