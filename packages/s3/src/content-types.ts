import path from 'node:path';

/**
 * The shipped Content-Type table. Text types carry `charset=utf-8` so browsers never guess; the
 * types that generic tools get wrong (js as text/plain, woff/webp as octet-stream) are all here.
 */
const CONTENT_TYPES: Record<string, string> = {
  // documents and code
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  cjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  xhtml: 'application/xhtml+xml; charset=utf-8',
  vtt: 'text/vtt; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  // images
  svg: 'image/svg+xml; charset=utf-8',
  svgz: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/vnd.microsoft.icon',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  apng: 'image/apng',
  // fonts
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  eot: 'application/vnd.ms-fontobject',
  // media
  mp4: 'video/mp4',
  webm: 'video/webm',
  ogv: 'video/ogg',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  flac: 'audio/flac',
};

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** Extensions whose files are stored compressed and served with a Content-Encoding (the browser decompresses). */
const CONTENT_ENCODINGS: Record<string, string> = { svgz: 'gzip' };

/** The Content-Encoding a key is served with (`.svgz`: gzip), or undefined for files served as they are. */
export function contentEncodingFor(key: string): string | undefined {
  return CONTENT_ENCODINGS[path.posix.extname(key).slice(1).toLowerCase()];
}

/** The Content-Type for a key, from the shipped table (by extension, case-insensitive). */
export function contentTypeFor(key: string): string {
  const extension = path.posix.extname(key).slice(1).toLowerCase();
  return CONTENT_TYPES[extension] ?? DEFAULT_CONTENT_TYPE;
}

const ENTRY_BASENAMES = new Set(['manifest.json', 'asset-manifest.json', 'site.webmanifest', 'sw.js', 'service-worker.js', 'browserconfig.xml', 'robots.txt']);

/**
 * Entry documents are what a visitor (or a service worker) loads first and which reference the
 * assets: HTML, web app manifests and service workers. They are written after every asset so a
 * visitor never gets a document pointing at files that are not there yet.
 */
export function isEntryDocument(key: string): boolean {
  const base = path.posix.basename(key).toLowerCase();
  return /\.(html?|webmanifest|xhtml)$/.test(base) || ENTRY_BASENAMES.has(base);
}
