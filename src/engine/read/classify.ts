import { ASPECTS, KIND_ORDER, KINDS, columnFor, type Column, type LedgerKind } from './columns';

export interface Classification {
  kind: LedgerKind;
  /** Column → 0-based sheet column. The first header naming a column wins. */
  columns: Map<Column, number>;
  /** Columns the kind needs that the header lacks (only standardisation aspects can be lacking). */
  missing: Column[];
}

function mapColumns(keys: string[], firstCol: number, kind: LedgerKind): Map<Column, number> {
  const spec = KINDS[kind];
  const allowed = new Set<Column>([...spec.required, ...spec.optional]);
  const columns = new Map<Column, number>();
  keys.forEach((key, i) => {
    const column = key === '' ? undefined : columnFor(key, kind);
    if (column && allowed.has(column) && !columns.has(column)) columns.set(column, firstCol + i);
  });
  return columns;
}

/**
 * The ledger kind a header row fits: all required columns present (standardisation: enough aspects),
 * most matched columns wins, ties go by KIND_ORDER. Undefined when it fits none: such sheets are left alone.
 */
export function classifyHeader(keys: string[], firstCol: number): Classification | undefined {
  let best: Classification | undefined;
  let bestCount = 0;
  for (const kind of KIND_ORDER) {
    const spec = KINDS[kind];
    const columns = mapColumns(keys, firstCol, kind);
    if (!spec.required.every((c) => columns.has(c))) continue;
    let missing: Column[] = [];
    if (spec.minAspects !== undefined) {
      const aspects = ASPECTS.filter((a) => columns.has(a)).length;
      if (aspects < spec.minAspects) continue;
      missing = ASPECTS.filter((a) => !columns.has(a));
    }
    if (columns.size > bestCount) {
      best = { kind, columns, missing };
      bestCount = columns.size;
    }
  }
  return best;
}
