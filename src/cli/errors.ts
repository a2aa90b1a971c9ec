/** A problem the user can fix (bad arguments, unusable file): reported as one bilingual line, exit 2. */
export class CliError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'CliError';
  }
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;

/** One line: `错误：… / Error: …`. Line breaks inside (e.g. from a path) are flattened. */
export function errorLine(zh: string, en: string): string {
  return `错误：${zh} / Error: ${en}`.replace(/[\r\n]+/g, ' ');
}
