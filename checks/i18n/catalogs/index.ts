import { registerCatalog } from '../locale.js'
import es from './es.json' with { type: 'json' }
import fa from './fa.json' with { type: 'json' }
import zhCN from './zh-CN.json' with { type: 'json' }

// Every front end (CLI, main, renderer) imports this once so every locale is available by key.
registerCatalog('es', es)
registerCatalog('zh-CN', zhCN)
registerCatalog('fa', fa)
