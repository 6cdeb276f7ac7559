import { render, type RenderResult } from '@testing-library/react'
import type { ReactElement } from 'react'
import type { Locale } from '../../../checks/core/i18n/locale.js'
import type { BulwarkApi } from '../../../src-main/shared/ipc-contract.js'
import { ApiProvider } from '../../../src-renderer/api-context.js'
import { I18nProvider } from '../../../src-renderer/i18n/I18nProvider.js'
import { fakeApi } from './fake-api.js'

export function renderUi(ui: ReactElement, { api = fakeApi(), locale = 'en' }: { api?: BulwarkApi; locale?: Locale } = {}): RenderResult {
  return render(
    <ApiProvider api={api}>
      <I18nProvider locale={locale}>{ui}</I18nProvider>
    </ApiProvider>,
  )
}
