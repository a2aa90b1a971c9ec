/**
 * What a drop on the page carries: files as they are, and for a folder (the clerk drags the folder she
 * collected the units' files in) its spreadsheets, by the command line's rule for a folder: not its
 * subfolders, not Excel's `~$` lock files, not our own results. The browser gives a dropped folder as a
 * File of no content, which would otherwise be reported as a broken workbook.
 */
import { isSubmissionName, submissionOrder } from '../adapters/files/submitted';

/** The parts of the File and Directories Entries API used here (every browser the page supports has it). */
interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
}
interface FileEntry extends Entry {
  file(success: (file: File) => void, failure?: (error: unknown) => void): void;
}
interface DirectoryEntry extends Entry {
  createReader(): { readEntries(success: (entries: Entry[]) => void, failure?: (error: unknown) => void): void };
}
export interface DroppedItem {
  kind: string;
  getAsFile(): File | null;
  webkitGetAsEntry?(): Entry | null;
}

/** A dropped thing, taken while the drop event lasts (the items are unreadable after it). */
export interface Dropped {
  file: File | null;
  entry: Entry | null;
}

/** Call during the drop event: the browser empties the DataTransfer when the handler returns. */
export function takeDropped(items: ArrayLike<DroppedItem>): Dropped[] {
  return Array.from(items)
    .filter((i) => i.kind === 'file')
    .map((i) => ({ file: i.getAsFile(), entry: i.webkitGetAsEntry?.() ?? null }));
}

export interface DropOutcome {
  files: File[];
  /** Folders dropped that held no spreadsheet, by name: said so on the page rather than nothing happening. */
  emptyFolders: string[];
}

/** The files of what was dropped: folders opened one level deep, their spreadsheets in file-list order. */
export async function droppedFiles(dropped: readonly Dropped[]): Promise<DropOutcome> {
  const files: File[] = [];
  const emptyFolders: string[] = [];
  for (const d of dropped) {
    if (d.entry?.isDirectory) {
      const inFolder = await folderFiles(d.entry as DirectoryEntry);
      if (inFolder.length === 0) emptyFolders.push(d.entry.name);
      files.push(...inFolder);
    } else if (d.file) files.push(d.file);
  }
  return { files, emptyFolders };
}

async function folderFiles(folder: DirectoryEntry): Promise<File[]> {
  const reader = folder.createReader();
  const entries: Entry[] = [];
  // readEntries gives a folder's entries in batches (Chromium: 100 at a time) until an empty one.
  for (;;) {
    const batch = await new Promise<Entry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    entries.push(...batch);
  }
  const wanted = entries.filter((e) => e.isFile && isSubmissionName(e.name)).sort((a, b) => submissionOrder(a.name, b.name));
  return Promise.all(wanted.map((e) => new Promise<File>((resolve, reject) => (e as FileEntry).file(resolve, reject))));
}
