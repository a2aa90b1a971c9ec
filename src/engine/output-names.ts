import { GENERATED_MARKER, type OutputSheet } from './output-model';
import type { CellValue, SheetGrid } from './grid';

/** What an adapter knows about a sheet already in the workbook. */
export interface ExistingSheet {
  name: string;
  /** A2 starts with GENERATED_MARKER: the add-in made it and may replace it. */
  generated: boolean;
}

export interface OutputPlacement {
  output: OutputSheet;
  /** The sheet name to write to. */
  target: string;
  /** An add-in sheet of that name exists and is to be deleted and written anew. */
  replace: boolean;
  /** The desired name belonged to a user's own sheet, so a free name was taken. */
  renamedBecauseTaken: boolean;
}

function cellText(v: CellValue | undefined): string {
  return typeof v === 'string' ? v : '';
}

/** Whether a sheet read from a workbook was written by the add-in (its A2 carries the marker). */
export function isGeneratedGrid(grid: SheetGrid): boolean {
  const originRow = grid.originRow ?? 0;
  const originCol = grid.originCol ?? 0;
  if (originRow > 1 || originCol > 0) return false;
  const a2 = grid.values[1 - originRow]?.[0 - originCol];
  return cellText(a2).startsWith(GENERATED_MARKER);
}

/**
 * Decide where each output goes. An add-in sheet with the desired name is replaced; a user's own
 * sheet with that name is left alone and the output takes the first free `name(2)`, `name(3)`, …
 * Excel compares sheet names case-insensitively, and so does this.
 */
export function placeOutputs(outputs: OutputSheet[], existing: ExistingSheet[]): OutputPlacement[] {
  const byName = new Map(existing.map((s) => [s.name.toLowerCase(), s]));
  const taken = new Set(existing.map((s) => s.name.toLowerCase()));
  return outputs.map((output) => {
    const found = byName.get(output.name.toLowerCase());
    if (!found) {
      taken.add(output.name.toLowerCase());
      return { output, target: output.name, replace: false, renamedBecauseTaken: false };
    }
    if (found.generated) {
      return { output, target: found.name, replace: true, renamedBecauseTaken: false };
    }
    // A generated copy from an earlier run may already sit at name(2): reuse it rather than pile up copies.
    for (let n = 2; ; n++) {
      const candidate = `${output.name}(${n})`;
      const other = byName.get(candidate.toLowerCase());
      if (other?.generated) return { output, target: other.name, replace: true, renamedBecauseTaken: true };
      if (!taken.has(candidate.toLowerCase())) {
        taken.add(candidate.toLowerCase());
        return { output, target: candidate, replace: false, renamedBecauseTaken: true };
      }
    }
  });
}
