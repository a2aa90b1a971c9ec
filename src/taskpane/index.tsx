/**
 * The task pane's single wiring point: Office.js ready → React renders the App with the Office adapter.
 * The browser harness defines a stand-in global Office/Excel first, so this same file runs there too.
 */
// First: what Fluent UI needs on the oldest browsers we support, before React and Fluent load.
import '../compat/old-browsers';
import { createRoot } from 'react-dom/client';
import * as officeAdapter from '../adapters/office';
import { Root } from './Root';

void Office.onReady(() => {
  const container = document.getElementById('container');
  if (!container) throw new Error('taskpane.html lacks #container');
  createRoot(container).render(<Root api={officeAdapter} />);
});
