/**
 * What the Office common API says about the document: whether it is open read-only
 * (Office.context.document.mode), and the add-in's own settings stored in it
 * (Office.context.document.settings: "saved per add-in and per document"), where the ids of the sheets
 * the add-in generated are remembered.
 */

/** Settings key: the Worksheet.id of each result sheet the last run wrote. */
export const GENERATED_IDS_SETTING = 'appraisal.generatedSheetIds';

function officeDocument(): Office.Document | undefined {
  try {
    return typeof Office !== 'undefined' ? Office.context?.document : undefined;
  } catch {
    return undefined;
  }
}

/** Office.DocumentMode: "ReadOnly: the document is read-only" — results cannot be written. */
export function documentIsReadOnly(): boolean {
  const doc = officeDocument();
  if (!doc) return false;
  try {
    const readOnly = typeof Office.DocumentMode !== 'undefined' ? Office.DocumentMode.ReadOnly : 'readOnly';
    return doc.mode === readOnly;
  } catch {
    return false;
  }
}

/** The ids remembered by the last run, or undefined when none were (older results, or no settings). */
export function rememberedGeneratedIds(): string[] | undefined {
  try {
    const value: unknown = officeDocument()?.settings?.get(GENERATED_IDS_SETTING);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Remember the result sheets' ids in the document's settings. Best effort: a copy of a result sheet (a
 * new id) is then never taken for one, even though its A2 carries the marker. saveAsync persists the
 * settings into the document; the file itself is saved when the user saves it.
 */
export async function rememberGeneratedIds(ids: string[]): Promise<void> {
  const settings = officeDocument()?.settings;
  if (!settings) return;
  try {
    settings.set(GENERATED_IDS_SETTING, ids);
    await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
  } catch {
    // Without the ids the next run falls back to the A2 marker alone.
  }
}
