import { interpolate, type Msg } from '../i18n/message.js'

/**
 * A message rendered in English, for use as a parameter of another message or inside evidence:
 * messages do not nest, so the inner one is rendered where it is embedded.
 */
export function plain(msg: Msg): string {
  return interpolate(msg.en, msg.params)
}
