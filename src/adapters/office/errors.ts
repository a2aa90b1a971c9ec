/**
 * Excel-side failures as data the task pane can show in Chinese. The engine's data issues are never
 * errors; these are about the host: an old Excel, a protected workbook, a request Excel refused.
 */
export type OfficeFailureKind =
  /** Excel lacks a required API set (ExcelApi 1.7). */
  | 'apiNotSupported'
  /** The workbook structure is protected: sheets cannot be added or deleted. */
  | 'workbookProtected'
  /** A sheet the add-in must write to is protected. `sheet` names it. */
  | 'sheetProtected'
  /** A cell is being edited: Excel refuses API calls until the user presses Enter or Esc. */
  | 'cellEditMode'
  /** Excel refused a request as too large (Excel on the web's payload limit). */
  | 'payloadTooLarge'
  /** Anything else Excel reported; `code` carries Excel's error code. */
  | 'excel';

export class OfficeAdapterError extends Error {
  readonly kind: OfficeFailureKind;
  /** Excel's own error code (OfficeExtension.Error.code) when there is one. */
  readonly code: string;
  readonly sheet: string;

  constructor(kind: OfficeFailureKind, message: string, options: { code?: string; sheet?: string } = {}) {
    super(message);
    this.name = 'OfficeAdapterError';
    this.kind = kind;
    this.code = options.code ?? '';
    this.sheet = options.sheet ?? '';
  }
}

export function isOfficeAdapterError(e: unknown): e is OfficeAdapterError {
  return e instanceof OfficeAdapterError;
}

/** Excel error codes (OfficeExtension.ErrorCodes) mapped to what the user can act on. */
export function toOfficeAdapterError(e: unknown, sheet = ''): OfficeAdapterError {
  if (e instanceof OfficeAdapterError) return e;
  const code = typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '';
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'InvalidOperationInCellEditMode') return new OfficeAdapterError('cellEditMode', message, { code, sheet });
  if (code === 'AccessDenied') {
    return new OfficeAdapterError(sheet ? 'sheetProtected' : 'workbookProtected', message, { code, sheet });
  }
  if (code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded') {
    return new OfficeAdapterError('payloadTooLarge', message, { code, sheet });
  }
  return new OfficeAdapterError('excel', message, { code, sheet });
}
