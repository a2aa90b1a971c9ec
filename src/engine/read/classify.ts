/**
 * Which ledger a header row is, and which column holds what. Every (header cell, column) pair gets a
 * score — a whole synonym over a keyword, column contents as evidence (./evidence.ts) — and the pairs
 * are taken best first, each cell and each column once. A tie for a column between two cells is not
 * guessed silently: it is reported as ambiguous. A sheet that fits no kind but comes close is a near
 * miss, reported with what it lacks.
 */
import { ASPECTS, BOOKKEEPING_COLUMNS, KIND_ORDER, KINDS, type Column, type LedgerKind } from './columns';
import { contentEvidence } from './evidence';
import { nameScore, SCORE } from './header-match';
import type { SheetView } from './sheet-view';
import { headerKey } from '../text/normalize';
import { NOT_UNIT_CONTENT_HEADERS, REMARK_HEADERS } from './vocabulary';

/** One header cell: its sheet column, its text as shown and its normalised key. */
export interface HeaderCell {
  col: number;
  text: string;
  key: string;
}

/** The header chosen for a column, and how. */
export interface ColumnChoice {
  col: number;
  header: string;
  score: number;
  /** The header's name, its contents, or the clerk's 列名对应 row decided it. */
  by: 'name' | 'content' | 'mapping';
}

export interface Ambiguity {
  column: Column;
  chosen: ColumnChoice;
  other: ColumnChoice;
}

export interface Classification {
  kind: LedgerKind;
  /** Column → 0-based sheet column. */
  columns: Map<Column, number>;
  choices: Map<Column, ColumnChoice>;
  /** Columns the kind needs that the header lacks (only standardisation aspects can be lacking). */
  missing: Column[];
  ambiguous: Ambiguity[];
  /** 问题类型 is a remark column (备注 holding 请假 / 缺席): an empty or unrelated remark is no finding. */
  remarkFindings: boolean;
}

/** A sheet that looks like a ledger of some kind but lacks a column it needs. */
export interface NearMiss {
  kind: LedgerKind;
  choices: Map<Column, ColumnChoice>;
  missing: Column[];
  /** Set when nothing is missing but the sheet lists persons, so its activities are not the unit's. */
  reason?: 'persons';
}

interface Candidate extends ColumnChoice {
  column: Column;
  /** Position of the cell in the header row, for a stable left-to-right tie-break. */
  index: number;
}

/** Columns whose values count toward a score: two equally likely headers for one of them are reported. */
const DECISIVE_COLUMNS = new Set<Column>([
  '单位', '姓名', '职级', '笔记字数', '心得体会', '日期', '活动类型', '参加人数', '应到人数', '问题类型', '任务', '完成时限', '完成情况', ...ASPECTS,
]);

/** Columns that say which ledger a sheet is, beyond the 单位 / 姓名 / 日期 every ledger may have. */
const GENERIC_COLUMNS = new Set<Column>(['单位', '姓名', '日期', '序号', '备注']);

function allowedColumns(kind: LedgerKind): Column[] {
  return [...KINDS[kind].required, ...KINDS[kind].optional];
}

function contentAllowed(column: Column, key: string): boolean {
  switch (column) {
    case '问题类型':
      return REMARK_HEADERS.includes(key);
    case '单位':
      return !NOT_UNIT_CONTENT_HEADERS.some((w) => key.includes(w));
    case '日期':
    case '活动类型':
      return true;
    default:
      return false;
  }
}

/** A 列名对应 row outranks anything recognition could find. */
const MAPPED = 1000;

/** The clerk's choices for one sheet: column → normalised header text (see rules/column-mapping.ts). */
export type MappedFields = ReadonlyMap<Column, { key: string }>;

/** Scores every pair and takes them best first. */
function assign(kind: LedgerKind, cells: HeaderCell[], evidence: (cell: HeaderCell) => Set<Column>, mapped: MappedFields | undefined) {
  const allowed = allowedColumns(kind);
  const candidates: Candidate[] = [];
  cells.forEach((cell, index) => {
    for (const column of allowed) {
      if (mapped?.get(column)?.key === cell.key && cell.key !== '') {
        candidates.push({ column, col: cell.col, header: cell.text, score: MAPPED, by: 'mapping', index });
        continue;
      }
      // A field the clerk mapped is read from her column only.
      if (mapped?.has(column)) continue;
      let score = nameScore(cell.key, column, kind);
      let by: ColumnChoice['by'] = 'name';
      if (score > 0) {
        if (evidence(cell).has(column)) score += SCORE.contentBonus;
      } else if (contentAllowed(column, cell.key) && evidence(cell).has(column)) {
        // A 备注 full of 请假 / 缺席 / 迟到 is the record's finding before it is a remark.
        score = column === '问题类型' ? SCORE.exact + SCORE.contentBonus : SCORE.contentOnly;
        by = 'content';
      }
      if (score > 0) candidates.push({ column, col: cell.col, header: cell.text, score, by, index });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  const choices = new Map<Column, ColumnChoice>();
  const usedCells = new Set<number>();
  const ambiguous: Ambiguity[] = [];
  for (const c of candidates) {
    if (choices.has(c.column) || usedCells.has(c.col)) continue;
    const chosen: ColumnChoice = { col: c.col, header: c.header, score: c.score, by: c.by };
    choices.set(c.column, chosen);
    usedCells.add(c.col);
    if (!DECISIVE_COLUMNS.has(c.column)) continue;
    const rival = candidates.find((o) => o.column === c.column && o.score === c.score && o.col !== c.col && !usedCells.has(o.col));
    if (rival) ambiguous.push({ column: c.column, chosen, other: { col: rival.col, header: rival.header, score: rival.score, by: rival.by } });
  }
  return { choices, ambiguous };
}

function columnsOf(choices: Map<Column, ColumnChoice>): Map<Column, number> {
  return new Map([...choices].map(([column, choice]) => [column, choice.col]));
}

/** Columns a kind needs that the choices lack; for standardisation the aspects, when fewer than enough. */
function lacking(kind: LedgerKind, choices: Map<Column, ColumnChoice>): Column[] {
  const spec = KINDS[kind];
  const missing = spec.required.filter((c) => !choices.has(c));
  if (spec.minAspects !== undefined && ASPECTS.filter((a) => choices.has(a)).length < spec.minAspects) {
    missing.push(...ASPECTS.filter((a) => !choices.has(a)));
  }
  return missing;
}

/**
 * The kind a header row fits (all required columns; most matched columns wins; ties go by KIND_ORDER),
 * or the nearest miss when it fits none.
 */
export function classifyHeader(
  view: SheetView,
  headerRow: number,
  cells: HeaderCell[],
  override: { kind?: LedgerKind; fields?: MappedFields } = {},
): { found?: Classification; nearMiss?: NearMiss } {
  const cache = new Map<number, Set<Column>>();
  const evidence = (cell: HeaderCell): Set<Column> => {
    let found = cache.get(cell.col);
    if (!found) cache.set(cell.col, (found = contentEvidence(view, cell.col, headerRow + 1)));
    return found;
  };
  // A sheet with a 姓名 column lists persons: the activities on its rows are what each person attended
  // (学时统计, 请假缺席统计), not the unit's meetings, and counting them would repeat every meeting.
  const listsPersons = cells.some((cell) => nameScore(cell.key, '姓名', 'study') > 0);

  let best: Classification | undefined;
  let near: NearMiss | undefined;
  let nearSize = 0;
  for (const kind of override.kind ? [override.kind] : KIND_ORDER) {
    const { choices, ambiguous } = assign(kind, cells, evidence, override.fields);
    const missing = lacking(kind, choices);
    // The clerk's word that a sheet is an activity ledger stands even with a 姓名 column.
    const personsOnly = kind === 'activities' && listsPersons && override.kind === undefined;
    if (missing.length === 0 && !personsOnly) {
      if (!best || choices.size > best.columns.size) {
        const aspectsMissing = KINDS[kind].minAspects !== undefined ? ASPECTS.filter((a) => !choices.has(a)) : [];
        const remark = choices.get('问题类型');
        best = {
          kind,
          columns: columnsOf(choices),
          choices,
          missing: aspectsMissing,
          ambiguous,
          remarkFindings: remark !== undefined && (remark.by === 'content' || (remark.by === 'mapping' && REMARK_HEADERS.includes(headerKey(remark.header)))),
        };
      }
      continue;
    }
    const specific = [...choices.keys()].filter((c) => !GENERIC_COLUMNS.has(c)).length;
    const size = [...choices.keys()].filter((c) => !BOOKKEEPING_COLUMNS.has(c)).length;
    // A sheet the clerk said is of this kind is always reported with what it lacks.
    const closeEnough = override.kind !== undefined || (specific >= 1 && size >= 2);
    if (closeEnough && (near === undefined || size > nearSize)) {
      near = personsOnly && missing.length === 0 ? { kind, choices, missing, reason: 'persons' } : { kind, choices, missing };
      nearSize = size;
    }
  }
  return best ? { found: best } : near ? { nearMiss: near } : {};
}
