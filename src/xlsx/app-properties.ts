/**
 * docProps/app.xml's `<Application>`: which program saved the file (Microsoft Excel, WPS Office,
 * LibreOffice…), for diagnostics only. Best effort: any problem means "unknown", never a failure.
 */
import { EXTENDED_PROPERTIES } from './namespaces';
import type { PackageParts, Relationship } from './package-parts';

export function readApplication(parts: PackageParts, packageRels: readonly Relationship[]): string | undefined {
  try {
    const rel = packageRels.find((r) => r.type === 'extended-properties' || r.type === 'extendedProperties');
    const entry = rel && parts.entry(rel.part);
    if (!entry) return undefined;
    let application: string | undefined;
    let depth = 0;
    let inApplication = false;
    parts.parse(entry, {
      open(ns, local) {
        depth++;
        if (depth === 1) return; // <Properties>
        if (depth === 2 && local === 'Application' && EXTENDED_PROPERTIES.includes(ns)) {
          inApplication = true;
          application = '';
          return;
        }
        depth--; // the skipped element's close is not reported
        return true;
      },
      close() {
        depth--;
        inApplication = false;
      },
      text(text) {
        if (inApplication) application += text;
      },
    });
    const trimmed = application?.trim();
    return trimmed ? trimmed : undefined;
  } catch {
    return undefined;
  }
}
