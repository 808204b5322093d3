import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../../test/services/index.js';

export const SITE: Record<string, string> = {
  'index.html': '<!doctype html><div id="root"></div><script src="assets/app.1111.js"></script>',
  'docs/index.html': '<!doctype html>docs',
  'assets/app.1111.js': 'console.log("app")',
  'assets/app.1111.js.map': '{"version":3}',
  'assets/style.2222.css': 'body{margin:0}',
  'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'assets/photo.webp': 'RIFF0000WEBP',
  'assets/font.woff': 'wOFF',
  'assets/engine.wasm': '\0asm',
  'site.webmanifest': '{"name":"shop"}',
  'sw.js': 'self.addEventListener("fetch", () => {})',
  '.env': 'SECRET=hunter2',
};

/** Writes a site into a fresh workspace (new mtimes every time, like a CI checkout); returns the workspace. */
export function writeSite(overrides: Record<string, string | null> = {}, options: { symlinkOut?: boolean } = {}): string {
  const workspace = tempDir('cdn-ws');
  const dir = path.join(workspace, 'dist');
  const files = { ...SITE, ...overrides };
  for (const [name, content] of Object.entries(files)) {
    if (content === null) continue;
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  if (options.symlinkOut) {
    const outside = tempDir('cdn-outside');
    writeFileSync(path.join(outside, 'passwd'), 'root:x:0:0');
    symlinkSync(path.join(outside, 'passwd'), path.join(dir, 'passwd.txt'));
  }
  return workspace;
}

export const PUBLISHED_COUNT = Object.keys(SITE).length - 1; // .env stays home
