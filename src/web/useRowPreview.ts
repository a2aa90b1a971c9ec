/**
 * The preview of one place in a source sheet, fetched from the worker on demand. Its own state, so that
 * selecting an issue re-renders the issue list and the preview, not the whole page.
 */
import { useCallback, useState } from 'react';
import type { RowPreview } from '../adapters/files/session';
import type { FilesHost } from './files-host';

export type PreviewState = { key: string; state: 'loading' } | { key: string; state: 'missing' } | { key: string; state: 'shown'; preview: RowPreview };

export function useRowPreview(host: FilesHost) {
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const show = useCallback(
    async (key: string, file: string, sheet: string, cell: string) => {
      setPreview({ key, state: 'loading' });
      let found: RowPreview | null = null;
      try {
        found = await host.preview(file, sheet, cell);
      } catch {
        found = null;
      }
      // Only if it is still the one asked for: a quicker second click wins.
      setPreview((current) => (current?.key !== key ? current : found ? { key, state: 'shown', preview: found } : { key, state: 'missing' }));
    },
    [host],
  );
  const close = useCallback(() => setPreview(null), []);
  return { preview, show, close };
}
