/** Gzipped size of the task pane's JavaScript: the entry (dist/taskpane*.js) and every own script the page loads. */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';

export interface BundleSize {
  entry: { file: string; bytes: number; gzipBytes: number } | undefined;
  /** Scripts taskpane.html loads from dist (office.js from the CDN copy excluded). */
  pageScripts: { file: string; bytes: number; gzipBytes: number }[];
  pageGzipBytes: number;
}

function sizeOf(dist: string, file: string) {
  const data = readFileSync(path.join(dist, file));
  return { file, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
}

export function hasBundle(dist: string): boolean {
  return existsSync(dist) && readdirSync(dist).some((f) => /^taskpane.*\.js$/.test(f));
}

export function bundleSize(dist: string): BundleSize {
  const entryFile = readdirSync(dist).find((f) => /^taskpane.*\.js$/.test(f));
  const html = existsSync(path.join(dist, 'taskpane.html')) ? readFileSync(path.join(dist, 'taskpane.html'), 'utf8') : '';
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)]
    .map((m) => m[1]!)
    .filter((src) => !/^(https?:)?\/\//.test(src) && !src.startsWith('office-js/') && existsSync(path.join(dist, src)));
  const pageScripts = scripts.map((s) => sizeOf(dist, s));
  return {
    entry: entryFile ? sizeOf(dist, entryFile) : undefined,
    pageScripts,
    pageGzipBytes: pageScripts.reduce((n, s) => n + s.gzipBytes, 0),
  };
}
