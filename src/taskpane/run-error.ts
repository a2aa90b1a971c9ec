/**
 * Turns whatever a run threw into something an HR officer can act on. The Office adapter rejects with
 * OfficeAdapterError ({ kind, code, sheet }); raw Office.js errors carry { code, message }. Anything
 * else is reported by the first line of its message, never its stack.
 */

export type RunError =
  | { kind: 'sheetProtected'; sheets: string[] }
  | { kind: 'workbookProtected' }
  | { kind: 'editMode' }
  | { kind: 'apiNotSupported' }
  | { kind: 'payloadTooLarge' }
  | { kind: 'unexpected'; detail: string };

interface ErrorLike {
  kind?: unknown;
  code?: unknown;
  message?: unknown;
  sheet?: unknown;
}

const MAX_DETAIL = 160;

function asErrorLike(err: unknown): ErrorLike {
  return typeof err === 'object' && err !== null ? (err as ErrorLike) : {};
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function shortDetail(err: unknown): string {
  const e = asErrorLike(err);
  const message = str(e.message) !== '' ? str(e.message) : typeof err === 'string' ? err : '';
  // Only the first line: a stack or debug dump has no place in the main view.
  const firstLine = (message.split(/\r?\n/)[0] ?? '').trim();
  const code = str(e.code);
  const text = code !== '' && !firstLine.includes(code) ? `${firstLine}（${code}）` : firstLine;
  if (text === '') return code !== '' ? code : '未知错误';
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

export function classifyRunError(err: unknown): RunError {
  const e = asErrorLike(err);
  const kind = str(e.kind);
  const code = str(e.code);
  const sheet = str(e.sheet);
  // By code as well as kind: whatever the adapter called it, the fix (press Enter or Esc) is different.
  if (kind === 'cellEditMode' || code === 'InvalidOperationInCellEditMode') return { kind: 'editMode' };
  if (kind === 'sheetProtected') return { kind: 'sheetProtected', sheets: sheet !== '' ? [sheet] : [] };
  if (kind === 'workbookProtected') return { kind: 'workbookProtected' };
  if (kind === 'apiNotSupported') return { kind: 'apiNotSupported' };
  if (kind === 'payloadTooLarge') return { kind: 'payloadTooLarge' };
  if (code === 'AccessDenied') return sheet !== '' ? { kind: 'sheetProtected', sheets: [sheet] } : { kind: 'workbookProtected' };
  return { kind: 'unexpected', detail: shortDetail(err) };
}
