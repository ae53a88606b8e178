import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PairKind } from './synthetic.js';

export interface ScaleRow {
  tool: 'engine' | 'diff';
  words: number;
  kind: PairKind;
  chars?: number;
  ms: number | null;
  timedOut: boolean;
  peakRssMb: number | null;
  baseRssMb?: number;
  claims?: number;
  alignments?: number;
  verdict?: string;
  error?: string;
}

const CHILD = fileURLToPath(new URL('./scale-child.js', import.meta.url));

/**
 * Runs one scaling measurement in a child process (so its peak RSS is its own), killing it after `killMs`.
 * The diff anchor gets `capMs` as diffWords' own timeout; the engine has no cap but the kill.
 */
export function runScale(
  tool: 'engine' | 'diff',
  words: number,
  kind: PairKind,
  capMs: number,
  killMs: number,
): Promise<ScaleRow> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--max-old-space-size=4096', CHILD, tool, String(words), kind, String(capMs)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '',
      err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), killMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop();
      if (code === 0 && line) {
        resolve(JSON.parse(line) as ScaleRow);
        return;
      }
      const killed = signal === 'SIGKILL';
      resolve({
        tool,
        words,
        kind,
        ms: null,
        timedOut: killed,
        peakRssMb: null,
        error: killed ? `killed after ${killMs} ms` : `exit ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`,
      });
    });
  });
}
