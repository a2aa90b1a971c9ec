/** Running a benchmark step in a fresh child process and reading its JSON line and peak memory. */
import { spawn } from 'child_process';
import { existsSync } from 'fs';

export interface ChildRun {
  code: number | null;
  wallMs: number;
  stdout: string;
  stderr: string;
  /** Peak resident set size of the largest process in the tree, from /usr/bin/time -v (MB), if available. */
  maxRssMB?: number;
}

const TIME = '/usr/bin/time';

export function run(command: string, args: string[], cwd: string, measureRss = false): Promise<ChildRun> {
  const useTime = measureRss && existsSync(TIME);
  const [cmd, argv] = useTime ? [TIME, ['-v', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t;
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      resolve({ code, wallMs, stdout, stderr, ...(m ? { maxRssMB: Math.round(Number(m[1]) / 1024) } : {}) });
    });
  });
}

/** The last line of stdout as JSON; throws with the child's stderr when the step failed. */
export function jsonOf<T>(r: ChildRun, what: string): T {
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.code !== 0 || !line.startsWith('{')) throw new Error(`${what} failed (exit ${r.code}):\n${r.stderr.slice(-2000)}`);
  return JSON.parse(line) as T;
}

/** `node --import tsx <script>`: the TypeScript steps, without npx's own start-up. */
export function tsx(script: string, args: string[], cwd: string): Promise<ChildRun> {
  return run(process.execPath, ['--import', 'tsx', script, ...args], cwd, true);
}
