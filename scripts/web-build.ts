import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Builds web/ into web/dist with Vite (the same as `npm run build`'s web step). */
export async function buildWebApp(outDir?: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.resolve('web/vite.config.ts'), logLevel: 'warn', build: outDir ? { outDir, emptyOutDir: true } : undefined });
}

/** True when web/dist is missing or older than any source file of the web app. */
export function webBuildIsStale(webDir = path.resolve('web')): boolean {
  const built = path.join(webDir, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const sources = readdirSync(webDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !path.join(entry.parentPath, entry.name).includes(`${path.sep}dist`))
    .map((entry) => path.join(entry.parentPath, entry.name));
  return sources.some((file) => statSync(file).mtimeMs > builtAt);
}
