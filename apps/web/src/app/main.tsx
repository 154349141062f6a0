import 'bootstrap-italia/dist/css/bootstrap-italia.min.css'
import './styles/fonts.css'
import './styles/app.css'
import './styles/forms.css'
import './styles/session.css'
import './styles/back-office.css'
import './styles/folder.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { initI18n } from './i18n/i18n'
import { registerServiceWorker } from './pwa/offline'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

// Translations are bundled, so this resolves at once; awaiting it avoids a first paint in the wrong language.
await initI18n()

registerServiceWorker()

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
