/** Builds the web app with Vite when its build is missing or older than its sources. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path: string, skip: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path)
    .map((name) => join(path, name))
    .filter((p) => p !== skip)
    .reduce((max, p) => Math.max(max, newestMtime(p, skip)), 0);
}

/** True when web/dist/index.html is missing or older than anything in web/ or the Vite config. */
export function webBuildIsStale(root: string, webDir: string, staticDir: string): boolean {
  const built = join(staticDir, 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(newestMtime(webDir, staticDir), newestMtime(join(root, 'vite.config.ts'), ''));
  return sources > statSync(built).mtimeMs;
}

export async function buildWeb(root: string): Promise<void> {
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    throw new Error('The web app is not built and Vite is not installed: run `npm install` (with dev dependencies), then start again.');
  }
  // `mode` alone does not decide it: the caller also sets NODE_ENV=production (see main.ts).
  await vite.build({ configFile: join(root, 'vite.config.ts'), root: join(root, 'web'), mode: 'production', logLevel: 'warn' });
}
