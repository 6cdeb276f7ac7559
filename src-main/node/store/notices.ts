import { defineMessages, type Msg } from '../../../checks/core/i18n/message.js'
import type { StoredNotice } from './schema.js'

const t = defineMessages('store', {
  corrupt:
    'Bulwark could not read its data file ({reason}), so it started with default settings and an empty scan history. The damaged file was kept at {movedTo}.',
  'newer-version':
    'Bulwark’s data file was written by a newer version of Bulwark (data version {found}; this version reads up to {supported}). Bulwark started with default settings and kept that file at {movedTo}. Update Bulwark to use it again.',
  'invalid-entries':
    'Some saved settings or reports could not be read and were left out ({reason}). The original file was kept at {movedTo}.',
  unwritable:
    'Bulwark cannot save to {path} ({reason}). Settings and scan history last only until you quit. Check the folder’s permissions and free space.',
  busy: 'Another copy of Bulwark kept {path} locked for {seconds} seconds, so this change was not saved. Run the scan again once the other copy is done.',
  trimmed:
    'A report was too large to keep in full: {count} characters of its evidence were cut before it was saved. Export the report to keep all of it.',
})

export function noticeMessage(notice: StoredNotice): Msg {
  return t(notice.kind, { ...notice.params, movedTo: notice.movedTo ?? '' })
}
