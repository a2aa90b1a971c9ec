/**
 * The 识别结果 view as data: per sheet, what it was read as and which column each field came from,
 * with the sheet's header cells to choose from. Pure, so it is tested without React.
 */
import { KIND_LABEL, KINDS, type Column, type LedgerKind } from '../engine/read/columns';
import type { Report, SheetHeader } from '../engine/report';
import { NOT_A_LEDGER } from '../engine/rules/column-mapping';

export interface FieldView {
  field: Column;
  required: boolean;
  /** The chosen column's letter and header, if any. */
  column?: string;
  header?: string;
  samples: string[];
  /** How it was chosen: by its name, by its contents, or by the clerk (列名对应). */
  source?: 'name' | 'content' | 'mapping';
}

export interface SheetView {
  /** Unique among the views: the sheet name, or `file › sheet` for a sheet of a picked unit's file. */
  key: string;
  /** The picked file the sheet is in; '' for the open workbook (only its sheets can be mapped). */
  file: string;
  sheet: string;
  /** The kind it was read as, or looks like (near miss), or none. */
  kind?: LedgerKind;
  status: 'read' | 'nearMiss' | 'unrecognised' | 'excluded';
  /** The kind drop-down's current choice: the kind it was read as, 不是台账, or none. */
  kindChoice?: string;
  /** One line: 党内活动台账（62 行） / 像是党内活动台账，但缺少：日期 / 未识别 / 不是台账. */
  statusText: string;
  headerRow: number | null;
  fields: FieldView[];
  headers: SheetHeader[];
}

/** Kind choices offered for a sheet, in the engine's order, then 不是台账. */
export const KIND_CHOICES: { value: string; label: string }[] = [
  ...(Object.keys(KIND_LABEL) as LedgerKind[]).map((k) => ({ value: KIND_LABEL[k], label: KIND_LABEL[k] })),
  { value: NOT_A_LEDGER, label: NOT_A_LEDGER },
];

const HIDDEN_FIELDS = new Set<Column>(['序号', '备注']);

function fieldsOf(kind: LedgerKind): { field: Column; required: boolean }[] {
  const spec = KINDS[kind];
  const required = new Set<Column>(spec.required);
  return [...spec.required, ...spec.optional].filter((f) => !HIDDEN_FIELDS.has(f)).map((field) => ({ field, required: required.has(field) }));
}

function samplesOf(headers: SheetHeader[], column: string | undefined): string[] {
  return headers.find((h) => h.column === column)?.samples ?? [];
}

export function recognitionView(report: Report): SheetView[] {
  const views: SheetView[] = report.sheets.map((s) => {
    const kind = (s.kind ?? s.looksLike) as LedgerKind | undefined;
    const headers = s.headers ?? [];
    const fields: FieldView[] = kind
      ? fieldsOf(kind).map(({ field, required }) => {
          const chosen = s.columns[field];
          const view: FieldView = { field, required, samples: samplesOf(headers, chosen?.column) };
          if (chosen) {
            view.column = chosen.column;
            view.header = chosen.header;
            view.source = chosen.mappedBy ? 'mapping' : chosen.by === 'content' ? 'content' : 'name';
          }
          return view;
        })
      : [];
    const statusText = s.kind
      ? `${KIND_LABEL[s.kind as LedgerKind]}（${s.rows} 行）${s.months ? '，按月统计次数' : ''}`
      : `像是${KIND_LABEL[s.looksLike as LedgerKind]}，但缺少：${(s.missing ?? []).join('、') || '（每行是一名人员）'}`;
    const file = s.file ?? '';
    const view: SheetView = { key: viewKey(file, s.sheet), file, sheet: s.sheet, status: s.kind ? 'read' : 'nearMiss', statusText, headerRow: s.headerRow, fields, headers };
    if (kind) view.kind = kind;
    if (s.kind) view.kindChoice = KIND_LABEL[s.kind as LedgerKind];
    return view;
  });
  for (const o of report.otherSheets ?? []) {
    views.push({
      key: viewKey(o.file ?? '', o.sheet),
      file: o.file ?? '',
      sheet: o.sheet,
      status: o.excluded ? 'excluded' : 'unrecognised',
      ...(o.excluded ? { kindChoice: NOT_A_LEDGER } : {}),
      statusText: o.excluded ? `${NOT_A_LEDGER}（按考核规则表的列名对应，不读取）` : '未识别（不是台账，或表头不在前 10 行）',
      headerRow: o.headerRow,
      fields: [],
      headers: o.headers ?? [],
    });
  }
  return views;
}

function viewKey(file: string, sheet: string): string {
  return file === '' ? sheet : `${file} › ${sheet}`;
}

/** `C 时间一`: a header cell as a drop-down option. */
export function headerOption(h: SheetHeader): string {
  return `${h.column} ${h.header}`;
}
