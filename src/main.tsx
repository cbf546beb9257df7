import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserSessionHost } from './state/browserSession';
import { startSession } from './state/session';
import { installTestApi } from './state/testApi';
import { App } from './ui/App';
import './ui/styles.css';

installTestApi(window as unknown as Parameters<typeof installTestApi>[0]);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void startSession(browserSessionHost());
