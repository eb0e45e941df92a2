/** Runs the real entry point (server/main.ts) as a child process. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../../server/config.ts';

const ENTRY = ['--import', 'tsx', 'server/main.ts'];

export function runMain(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [...ENTRY, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
}

/** Starts `serve` on a free port and resolves with its base URL once it listens. */
export function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [...ENTRY, 'serve'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child, output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

export function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Signs in over HTTP like the app's sign-in page does; returns the Cookie header to send. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

export const ADMIN = { email: 'admin@example.com', password: 'a long test passphrase 42' } as const;
export const ADMIN_ENV = { VENDORSCOPE_ADMIN_EMAIL: ADMIN.email, VENDORSCOPE_ADMIN_PASSWORD: ADMIN.password };
