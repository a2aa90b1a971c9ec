/** Which Excel API sets the adapter needs, and which optional ones it uses when present. */

/** Required: worksheet protection (1.2), suspendApiCalculationUntilNextSync (1.6), hyperlinks and getUsedRangeOrNullObject (1.7). */
export const REQUIRED_EXCEL_API = '1.7';

function isSupported(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

export function checkApiSupport(): { supported: boolean; missing: string[] } {
  const missing = isSupported(REQUIRED_EXCEL_API) ? [] : [`ExcelApi ${REQUIRED_EXCEL_API}`];
  return { supported: missing.length === 0, missing };
}

/** Optional features, each degrading gracefully when absent. */
export interface OptionalApis {
  /** pageLayout (A4 landscape, print titles) and getSpecialCells (hidden rows in one request): 1.9. */
  pageLayoutAndSpecialCells: boolean;
  /** getMergedAreasOrNullObject: 1.13. */
  mergedAreas: boolean;
}

export function optionalApis(): OptionalApis {
  return { pageLayoutAndSpecialCells: isSupported('1.9'), mergedAreas: isSupported('1.13') };
}
