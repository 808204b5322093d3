import { lstatSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { collectGarbageAbove, hashFileSync, mapLimit, ONE_READ_BYTES, sha256File, ShipkitError, TRANSFER_HEAP_BYTES, type KeptBytes } from '@shipkit/core';
import { contentEncodingFor, contentTypeFor } from './content-types.js';
import { checkRelativeKey, MANIFEST_NAME } from './keys.js';

export interface LocalFile {
  /** Key relative to the published prefix (posix). */
  key: string;
  /** Absolute path on disk. */
  path: string;
  size: number;
  sha256: string;
  contentType: string;
  /** Set for files stored compressed (`.svgz`: gzip). */
  contentEncoding?: string;
}

export interface ScanOptions {
  /** Globs (relative posix paths) a file must match; default everything. A glob without "/" matches the file name at any depth (`*.map`). */
  include?: readonly string[];
  /** Globs that leave files out (win over include); same matching as include. */
  exclude?: readonly string[];
  /** Include every dotfile. Otherwise a dotfile (any segment starting with ".") is only taken when an include glob names a dot segment explicitly, e.g. `.well-known/**`. */
  includeDotfiles?: boolean;
  /** Told about every entry left out for safety (symlinks leaving the directory, special files). */
  onSkip?: (relativePath: string, reason: string) => void;
  /** Where the bytes read for hashing are kept for an upload that follows (publishDirectory). */
  keep?: KeptBytes;
  /** Told about each file once it is hashed (its bytes kept first), in key order: uploads may start before the scan ends (EarlyUploads). */
  onHashed?: (file: LocalFile) => void;
}

/** Bytes hashed between turns of the event loop, and what a file counts for besides its size. */
const TURN_BYTES = 4 * 1024 * 1024;
const TURN_FILE_BYTES = 64 * 1024;

/** Like .gitignore: a glob without "/" matches the file name at any depth. */
const matches = (key: string, pattern: string, dot: boolean): boolean => minimatch(key, pattern, { dot, matchBase: !pattern.includes('/') });
const hasDotSegment = (key: string): boolean => key.split('/').some((segment) => segment.startsWith('.'));
const namesDotSegment = (pattern: string): boolean => /(^|\/)\.[^/.]/.test(pattern) || /(^|\/)\.\*/.test(pattern);

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Lists the files under `dir` with their keys, sizes, sha256 and content types, sorted by key.
 * Symlinks are followed only while they stay inside `dir` (checked on the resolved real path);
 * anything else is left out and reported to onSkip. Dotfiles are left out unless included.
 */
export async function scanDirectory(dir: string, options: ScanOptions = {}): Promise<LocalFile[]> {
  let root: string;
  try {
    root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new ShipkitError(`Source directory ${JSON.stringify(dir)} does not exist or is not a directory.`, {
      hint: 'Build the site before this step and pass its output directory (relative to the workspace).',
    });
  }
  const include = options.include?.length ? [...options.include] : undefined;
  const exclude = options.exclude ?? [];
  const skip = options.onSkip ?? (() => undefined);
  const selected = (key: string): boolean => {
    const dotted = hasDotSegment(key);
    if (key === MANIFEST_NAME) return false;
    if (exclude.some((pattern) => matches(key, pattern, true))) return false;
    if (dotted && !options.includeDotfiles) {
      return !!include?.some((pattern) => namesDotSegment(pattern) && matches(key, pattern, true));
    }
    return include ? include.some((pattern) => matches(key, pattern, !!options.includeDotfiles)) : true;
  };

  const found: { key: string; path: string; size: number }[] = [];
  // Real paths of the directories being walked: a symlink back to one of them is a loop.
  const walk = async (realDir: string, relativeDir: string, ancestors: ReadonlySet<string>): Promise<void> => {
    const entries = await readdir(realDir, { withFileTypes: true });
    // An lstat per entry, synchronous (a fraction of the cost of a thread-pool round trip each);
    // subdirectories are walked concurrently and the result is sorted after.
    await mapLimit(entries, 64, async (entry) => {
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      const full = path.join(realDir, entry.name);
      // Skip whole dot directories early (e.g. .git) unless something could include them.
      if (entry.isDirectory() && entry.name.startsWith('.') && !options.includeDotfiles && !include?.some(namesDotSegment)) return;
      let target = full;
      let info = lstatSync(full);
      if (info.isSymbolicLink()) {
        try {
          target = await realpath(full);
        } catch {
          skip(relative, 'broken symlink');
          return;
        }
        if (!isInside(root, target)) {
          skip(relative, `symlink to ${target}, outside the source directory`);
          return;
        }
        info = await stat(target);
      }
      if (info.isDirectory()) {
        if (ancestors.has(target)) {
          skip(relative, 'symlink loop');
          return;
        }
        await walk(target, relative, new Set([...ancestors, target]));
      } else if (info.isFile()) {
        if (selected(relative)) found.push({ key: checkRelativeKey(relative), path: target, size: info.size });
      } else {
        skip(relative, 'not a regular file');
      }
    });
  };
  await walk(root, '', new Set([root]));
  found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const files: LocalFile[] = [];
  let sinceTurn = 0;
  for (const file of found) {
    const keep = options.keep?.wants(file.key, file.size) ? options.keep : undefined;
    // Files above one read are streamed asynchronously: hashed synchronously, a 1 GiB file would
    // hold the event loop for about 3 s.
    const { sha256, bytes } = file.size > ONE_READ_BYTES ? { sha256: await sha256File(file.path), bytes: undefined } : hashFileSync(file.path, file.size, !!keep);
    if (bytes) keep!.put(file.path, bytes);
    const contentEncoding = contentEncodingFor(file.key);
    const local: LocalFile = { key: file.key, path: file.path, size: file.size, sha256, contentType: contentTypeFor(file.key), ...(contentEncoding ? { contentEncoding } : {}) };
    files.push(local);
    options.onHashed?.(local);
    // Tens of thousands of files: the kept bytes and hashes must not grow the process (checked every 500).
    if (files.length % 500 === 0) collectGarbageAbove(TRANSFER_HEAP_BYTES);
    // The reads are synchronous (hashFileSync): the event loop gets a turn every few MiB or files,
    // so what runs alongside the scan (the store's listing) goes on.
    sinceTurn += file.size + TURN_FILE_BYTES;
    if (sinceTurn >= TURN_BYTES) {
      sinceTurn = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return files;
}
