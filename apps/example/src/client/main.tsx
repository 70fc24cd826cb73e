// First: zod must be configured before any module defines a schema.
import './zodJitless';
import '@cityofboston/ui/styles.css';
// The City's typefaces (Montserrat headings, Lora), self-hosted: served from this origin, so the
// CSP's `font-src 'self'` allows them.
import '@cityofboston/ui/fonts.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
