import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ConfigError, loadConfig } from './lib/config';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
try {
  loadConfig();
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
} catch (e) {
  const message = e instanceof ConfigError ? e.message : String(e);
  root.render(
    <main className="splash" role="alert">
      Carrier cannot start: {message}
    </main>,
  );
}
