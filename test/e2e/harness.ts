/**
 * The browser-test harness: find Chromium, start the real server (one node process, a temp
 * database, a free port), launch a headless browser, watch the console, run axe.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const isExecutable = (p: string): boolean => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The Chromium to drive, or null. `VENDORSCOPE_NO_BROWSER=1` hides every browser (to test the
 * skip path); `CHROMIUM_PATH` names the only one to use, found or not; otherwise /usr/bin/chromium,
 * then `chromium` or `chromium-browser` on PATH.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, defaults: readonly string[] = ['/usr/bin/chromium']): string | null {
  if (env.VENDORSCOPE_NO_BROWSER === '1') return null;
  if (env.CHROMIUM_PATH) return isExecutable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  const onPath = (env.PATH ?? '').split(delimiter).flatMap((dir) => (dir ? [join(dir, 'chromium'), join(dir, 'chromium-browser')] : []));
  return [...defaults, ...onPath].find(isExecutable) ?? null;
}

export interface RunningServer {
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

/** Starts `server/main.ts serve` on a fresh database in a temp dir; resolves once it listens. */
export function startServer(timeoutMs = 90_000): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'vendorscope-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DB_PATH: join(dir, 'e2e.sqlite'), PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const stop = () =>
    new Promise<void>((done) => {
      const finish = () => (rmSync(dir, { recursive: true, force: true }), done());
      if (child.exitCode !== null || child.signalCode !== null) return finish();
      const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => (clearTimeout(hard), finish()));
      child.kill('SIGTERM');
    });
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => void stop().then(() => fail(new Error(`server did not start in ${timeoutMs} ms:\n${out}`))), timeoutMs);
    const onExit = (code: number | null) => (clearTimeout(timer), rmSync(dir, { recursive: true, force: true }), fail(new Error(`server exited (${code}):\n${out}`)));
    child.once('exit', onExit);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Vendorscope \S+ serving (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        child.off('exit', onExit);
        ok({ url: m[1], output: () => out, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  });
}

/** Headless Chromium with a throwaway profile (Playwright makes one; never pass --user-data-dir). */
export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Collects page errors and console errors/warnings; the returned list fills as the page runs. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()} (${m.location().url})`);
  });
  return problems;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

/**
 * Runs axe-core over the whole document (it enters open shadow roots) and returns its violations.
 * The app's CSP forbids inline scripts, so `addScriptTag({ content })` is refused; evaluating the
 * source through the DevTools protocol is not subject to the page's CSP, and keeps the CSP on for
 * everything else the test checks.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** A readable dump of violations for a failing assertion. */
export const describeViolations = (vs: readonly AxeViolation[]): string =>
  vs.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
