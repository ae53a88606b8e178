import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The service as a child process (`node dist/src/server.js` on 127.0.0.1), for the load and shutdown checks:
 * its pino log lines parsed as they arrive, its exit awaited, its RSS read from /proc. Only loopback.
 */
export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Every log line so far (parsed JSON; non-JSON lines kept as `{ raw }`). */
  lines: LogLine[];
  /** Resolves with the first log line matching `predicate` (or rejects after `timeoutMs`). */
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs: number): Promise<LogLine>;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resident set size of the process in bytes (Linux `/proc`), or NaN once it has exited. */
  rss(): number;
  /** Stops the process if still running (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

export interface LogLine {
  level?: number;
  msg?: string;
  reqId?: string;
  raw?: string;
  [key: string]: unknown;
}

const SERVER = fileURLToPath(new URL('../src/server.js', import.meta.url));

/** Starts the service with `env` on `port` and waits until `/health` answers (at most `readyMs`). */
export async function startServer(
  port: number,
  env: Record<string, string> = {},
  readyMs = 60_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const waiters: { predicate: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  const onLine = (text: string) => {
    if (!text.trim()) return;
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      line = { raw: text };
    }
    lines.push(line);
    for (const w of [...waiters])
      if (w.predicate(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        onLine(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
      }
    });
    stream?.on('end', () => {
      if (buf) onLine(buf);
      buf = '';
    });
  }
  let alive = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      alive = false;
      resolve({ code, signal });
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    child,
    port,
    url,
    lines,
    exited,
    waitForLog(predicate, timeoutMs) {
      const found = lines.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching log line within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          predicate,
          resolve: (l) => {
            clearTimeout(timer);
            resolve(l);
          },
        });
      });
    },
    rss() {
      if (!alive || child.pid === undefined) return NaN;
      try {
        const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        return kb ? Number(kb) * 1024 : NaN;
      } catch {
        return NaN;
      }
    },
    async stop(graceMs = 5000) {
      if (!alive) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + readyMs;
  for (;;) {
    if (!alive)
      throw new Error(
        `server exited during start-up:\n${lines
          .slice(-10)
          .map((l) => l.raw ?? JSON.stringify(l))
          .join('\n')}`,
      );
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return server;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`server not ready within ${readyMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The seed texts (from `seeds/`, next to `dist/`). */
export function seed(file: string): string {
  return readFileSync(fileURLToPath(new URL(`../../seeds/${file}`, import.meta.url)), 'utf8');
}
