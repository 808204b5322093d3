import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Each object store implements the store interface without knowing the other: only the store
 * factory (@shipkit/stores) knows both. Read from the sources' import lines (static `import ...
 * from`, `export ... from` and dynamic `import('...')`), so a new import of the other backend —
 * even a type-only one — fails here.
 */
const packages = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sourcesOf(name: string): string[] {
  const dir = path.join(packages, name, 'src');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(dir, file));
}

/** Every module a file imports or re-exports from. */
export function importedModules(source: string): string[] {
  const modules: string[] = [];
  for (const match of source.matchAll(/(?:^|[\s;])(?:import|export)\s[^'";]*?\sfrom\s*['"]([^'"]+)['"]/g)) modules.push(match[1]);
  for (const match of source.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)) modules.push(match[1]);
  for (const match of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) modules.push(match[1]);
  return modules;
}

describe('store packages know only the interface, never each other', () => {
  test.each([
    ['s3', '@shipkit/azure'],
    ['azure', '@shipkit/s3'],
    ['s3', '@shipkit/stores'],
    ['azure', '@shipkit/stores'],
  ])('packages/%s/src does not import %s', (name, forbidden) => {
    const files = sourcesOf(name);
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.filter((file) => importedModules(readFileSync(file, 'utf8')).includes(forbidden)).map((file) => path.relative(packages, file));
    expect(offenders).toEqual([]);
  });

  test('only the store factory creates store clients: no package outside s3 and stores calls createS3Client', () => {
    const callers = readdirSync(packages)
      .filter((name) => name !== 's3' && name !== 'stores')
      .flatMap((name) => {
        try {
          return sourcesOf(name);
        } catch {
          return [];
        }
      })
      .filter((file) => /\bcreateS3Client\b/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(packages, file));
    expect(callers).toEqual([]);
  });

  test.each([
    ["import { createBlobStore } from '@shipkit/azure';", ['@shipkit/azure']],
    ["import type { AzureBlobStore } from '@shipkit/azure';", ['@shipkit/azure']],
    ["import {\n  a,\n  b,\n} from '@shipkit/azure';", ['@shipkit/azure']],
    ["export { x } from '@shipkit/s3';", ['@shipkit/s3']],
    ["const m = await import('@shipkit/azure');", ['@shipkit/azure']],
    ["import '@shipkit/azure';", ['@shipkit/azure']],
    ['// the Azure store (@shipkit/azure) is not imported here', []],
  ])('the import reader sees %j', (source, expected) => {
    expect(importedModules(source)).toEqual(expected);
  });
});
