// The bench's harness (and the Chromium flags the browser tests share): fresh production build, a `vite preview` child on a
// free port serving a snapshot of dist/, headless Debian Chromium. The browser tests get their server from playwright.config.ts.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');

/** Debian's Chromium (CHROMIUM_PATH overrides it): Playwright never downloads a browser for this project. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags that keep Chromium from calling Google hosts (background networking, component updates, sync). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
/** Inputs of the production build; dist/ is stale when any of them is newer than dist/sw.js (written last). */
const BUILD_INPUTS = ['src', 'locales', 'public', 'index.html', 'vite.config.ts', 'svelte.config.js', 'package.json', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Whether dist/ holds a complete build at least as new as every build input. */
export function distIsFresh(): boolean {
  const sw = join(DIST, 'sw.js');
  if (!existsSync(sw) || !existsSync(join(DIST, 'index.html'))) return false;
  const built = statSync(sw).mtimeMs;
  return BUILD_INPUTS.every((p) => newestMtime(join(ROOT, p)) <= built);
}

/** Runs `vite build` unless dist/ is fresh (SHIRUBE_REBUILD=1 forces it); throws when the build fails. */
export function ensureBuild(log: (s: string) => void = console.log): boolean {
  if (process.env.SHIRUBE_REBUILD !== '1' && distIsFresh()) {
    log('dist/ is up to date: not rebuilding');
    return false;
  }
  log('building: vite build');
  const r = spawnSync(process.execPath, [VITE, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status ?? r.signal})`);
  return true;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const live = new Set<ChildProcess>();
const snapshots = new Set<string>();
let hooked = false;
/** Kill every preview server still running when this process ends, however it ends. */
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  const cleanup = () => {
    for (const child of live) child.kill('SIGKILL');
    for (const dir of snapshots) rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', cleanup);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      cleanup();
      process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1));
    });
  }
}

export interface Preview {
  url: string;
  port: number;
  /** The snapshot of dist/ being served. */
  dir: string;
  /** Idempotent: waits for the child to exit and removes the snapshot. */
  stop(): Promise<void>;
}

/**
 * Serves a snapshot of dist/ with `vite preview` on 127.0.0.1 and a free port, as a child process. The snapshot (a temporary
 * copy) keeps a run intact while someone else rebuilds dist/ with new chunk hashes.
 */
export async function startPreview(): Promise<Preview> {
  hookExit();
  const dir = mkdtempSync(join(tmpdir(), 'shirube-dist-'));
  cpSync(DIST, dir, { recursive: true });
  snapshots.add(dir);
  const removeSnapshot = () => {
    rmSync(dir, { recursive: true, force: true });
    snapshots.delete(dir);
  };
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [VITE, 'preview', '--outDir', dir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      },
    );
    live.add(child);
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    void exited.then(() => live.delete(child));
    const url = `http://127.0.0.1:${port}`;
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
    };
    const stopAll = async () => {
      await stop();
      removeSnapshot();
    };
    const deadline = Date.now() + 20_000;
    let up = false;
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) {
          up = true;
          break;
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    if (up) return { url, port, dir, stop: stopAll };
    await stop();
    // Another process may have taken the port between freePort() and listen(): try once more.
    if (attempt >= 2) {
      removeSnapshot();
      throw new Error(`vite preview did not start on ${url}:\n${output.trim()}`);
    }
  }
}

/** Headless Debian Chromium through playwright-core, with the same flags as the browser tests. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Size in bytes after gzip at level 9, as a server or CDN would send it. */
export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length;
}
