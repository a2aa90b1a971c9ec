/**
 * The web page's single wiring point: the files host (its worker started from the bundled source) and the
 * page. No office.js here: the page runs in any browser, from a server or straight from a folder.
 */
// First: what Fluent UI needs on the oldest browsers we support, before React and Fluent load.
import '../compat/old-browsers';
import { createRoot } from 'react-dom/client';
import { AppTheme } from '../taskpane/Root';
import { createFilesHost } from './files-host';
import { WebApp } from './WebApp';
import workerSource from './worker.ts?inline-worker';

const container = document.getElementById('container');
if (!container) throw new Error('web.html lacks #container');
const host = createFilesHost(workerSource);
createRoot(container).render(
  <AppTheme>
    <WebApp host={host} />
  </AppTheme>,
);
