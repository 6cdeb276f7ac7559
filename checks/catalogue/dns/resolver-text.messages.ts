import { defineMessages } from '../../core/i18n/message.js'

/** Why a resolver's file or a tool's output is not the format it should be. */
export const parseText = defineMessages('dns.system.parse', {
  binary: 'binary data, not {format}',
  notJson: 'not JSON ({reason})',
  notObject: 'not a JSON object',
  noProfiles: 'no SPConfigurationProfileDataType array',
  noResolvectlSection: 'no Global or Link section found',
  notKeyValue: 'not a "key: value" line: {line}',
})
