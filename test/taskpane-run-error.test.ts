import { classifyRunError, shortDetail } from '../src/taskpane/run-error';

describe('classifyRunError', () => {
  it('maps adapter failure kinds', () => {
    expect(classifyRunError({ kind: 'sheetProtected', sheet: '考核汇总', code: 'AccessDenied', message: 'x' })).toEqual({
      kind: 'sheetProtected',
      sheets: ['考核汇总'],
    });
    expect(classifyRunError({ kind: 'workbookProtected', code: 'AccessDenied', message: 'x', sheet: '' })).toEqual({
      kind: 'workbookProtected',
    });
    expect(classifyRunError({ kind: 'payloadTooLarge' })).toEqual({ kind: 'payloadTooLarge' });
    expect(classifyRunError({ kind: 'apiNotSupported' })).toEqual({ kind: 'apiNotSupported' });
  });

  it('tells cell-edit mode apart from protection', () => {
    expect(classifyRunError({ kind: 'workbookProtected', code: 'InvalidOperationInCellEditMode', message: '' })).toEqual({
      kind: 'editMode',
    });
  });

  it('keeps only a short first line of anything unexpected', () => {
    const err = new Error('boom happened\n    at foo (bundle.js:1:2)\n    at bar');
    expect(classifyRunError(err)).toEqual({ kind: 'unexpected', detail: 'boom happened' });
    expect(classifyRunError('plain text')).toEqual({ kind: 'unexpected', detail: 'plain text' });
    expect(classifyRunError(undefined)).toEqual({ kind: 'unexpected', detail: '未知错误' });
  });
});

describe('shortDetail', () => {
  it('adds the Excel code and truncates long messages', () => {
    expect(shortDetail({ code: 'GeneralException', message: 'An internal error has occurred.' })).toBe(
      'An internal error has occurred.（GeneralException）',
    );
    const long = shortDetail(new Error('x'.repeat(500)));
    expect(long).toHaveLength(161);
    expect(long.endsWith('…')).toBe(true);
  });
});
