import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as runner from './runner.js';

/**
 * THE redaction (docs/design.md, "Secrets"): one registry of the run's secret values and one
 * `redact(text)` that every sink applies — log lines (command output included), outputs, step
 * summaries, JUnit files, the JSON report, state files, ledger records, GitHub deployment
 * descriptions and comments, error messages. A secret is removed in every form it takes on its
 * way to a sink (percent-encoded, JSON-escaped, XML-escaped, base64 as in basic auth, each line
 * of a multi-line value and the lines joined), and credentials that were never registered are
 * scrubbed by their shape: signed URL parameters (X-Amz-Signature, X-Amz-Credential,
 * X-Amz-Security-Token, SAS sig/se), query parameters named like token/key/secret/password/code/
 * signature, credential headers quoted in store errors, connection-string keys, URL passwords.
 */

export const REDACTED = '***';

/** Values shorter than this are never registered: redacting "dev" or "true" everywhere would corrupt records. */
export const MIN_SECRET_LENGTH = 4;
/** Environment credentials (by name) shorter than this are left alone (local emulators' "testing" keys). */
export const MIN_ENV_SECRET_LENGTH = 8;
/** A base64 fragment shorter than this is too short to stand for a secret. */
const MIN_BASE64_CORE = 8;

const secrets = new Set<string>();
const forms = new Set<string>();
let pattern: RegExp | undefined;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Percent-encodes the way the WHATWG URL parser does for a query (space, ", #, <, > and non-ASCII), or a path (also ?, `, {, }). */
function urlEncode(value: string, extra: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code <= 0x20 || code >= 0x7f || `"#<>${extra}`.includes(char)) out += encodeURIComponent(char);
    else out += char;
  }
  return out;
}

/** application/x-www-form-urlencoded (URLSearchParams): everything but A-Z a-z 0-9 * - . _ encoded, space as +. */
const formEncode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);

/** The base64 characters that stand for `bytes` whatever precedes them (an offset of 0, 1 or 2 bytes) and follows them. */
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (const offset of [0, 1, 2]) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const whole = Math.floor(padded.length / 3) * 4; // characters of complete 3-byte groups only
    const skip = [0, 2, 3][offset]; // characters that mix in the preceding bytes
    const text = padded.toString('base64').slice(skip, whole);
    if (text.length >= MIN_BASE64_CORE) cores.push(text, text.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  // A value encoded on its own (the common case) ends with its last characters and padding.
  const full = bytes.toString('base64');
  if (full.length >= MIN_BASE64_CORE) cores.push(full, full.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
  return cores;
}

const jsonEscape = (value: string) => JSON.stringify(value).slice(1, -1);
const jsonAscii = (value: string) => jsonEscape(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
const xmlEscape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const xmlNumeric = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
const markdownCell = (value: string) => value.replace(/\|/g, '\\|');

/**
 * Every form `value` can take on its way to a sink. Percent-encoded forms are matched with either
 * case of hex digits (see redact); `+` and `%20` both stand for a space.
 */
export function secretForms(value: string, minLength = MIN_SECRET_LENGTH): string[] {
  const bases = new Set<string>();
  const add = (text: string) => {
    if (text.length >= minLength) bases.add(text);
  };
  add(value);
  const lines = value.split(/\r\n|\r|\n/);
  if (lines.length > 1) {
    for (const line of lines) add(line.trim());
    const kept = lines.map((line) => line.trim()).filter(Boolean);
    for (const separator of ['', ' ', '\n', '\r\n', '<br>', '\\n']) add(kept.join(separator));
  }
  const out = new Set<string>();
  for (const base of bases) {
    const variants = [base, jsonEscape(base), jsonAscii(base), jsonEscape(jsonEscape(base)), xmlEscape(base), xmlNumeric(base), markdownCell(base)];
    for (const encoded of [encodeURIComponent(base), encodeURI(base), formEncode(base), urlEncode(base, ''), urlEncode(base, '?`{}')]) {
      variants.push(encoded, encoded.replace(/%20/g, '+'), encoded.replace(/\+/g, '%20'), encodeURIComponent(encoded));
    }
    for (const variant of variants) if (variant.length >= minLength) out.add(variant);
    for (const core64 of base64Cores(Buffer.from(base, 'utf8'))) out.add(core64);
  }
  return [...out];
}

/**
 * Registers a secret value: masked in the runner's log (::add-mask::, each form too) and removed
 * from everything shipkit writes. Returns false when the value is too short to be redacted safely.
 */
export function addSecret(value: string | undefined, options: { minLength?: number; mask?: boolean } = {}): boolean {
  const text = value?.trim();
  const minLength = options.minLength ?? MIN_SECRET_LENGTH;
  if (!text || text.length < minLength) return false;
  if (secrets.has(text)) return true;
  secrets.add(text);
  for (const form of secretForms(text)) {
    if (forms.has(form)) continue;
    forms.add(form);
    if (options.mask ?? true) runner.setSecret(form);
  }
  // `Bearer abc`, `Basic abc`: the credential alone travels too.
  const scheme = /^(bearer|basic|token|digest)\s+(\S.*)$/i.exec(text);
  if (scheme) addSecret(scheme[2], options);
  pattern = undefined;
  return true;
}

/** The registered secrets (not their forms), for tests and diagnostics. */
export function registeredSecrets(): string[] {
  return [...secrets];
}

/** Forgets every registered secret (tests only: a bundle registers once per run). */
export function resetSecrets(): void {
  secrets.clear();
  forms.clear();
  pattern = undefined;
}

/** A regex source matching a form, percent-escapes with either case of hex digits. */
function formSource(form: string): string {
  return escapeRegExp(form).replace(/%([0-9A-Fa-f])([0-9A-Fa-f])/g, (_all, a: string, b: string) => `%${hexClass(a)}${hexClass(b)}`);
}
const hexClass = (digit: string) => (/[0-9]/.test(digit) ? digit : `[${digit.toUpperCase()}${digit.toLowerCase()}]`);

function literalPattern(values: Iterable<string>): RegExp | undefined {
  const sorted = [...new Set(values)].filter(Boolean).sort((a, b) => b.length - a.length); // longest first: a value containing another goes whole
  return sorted.length ? new RegExp(sorted.map(formSource).join('|'), 'g') : undefined;
}

/** Query parameters whose values are credentials, by name (X-Amz-*, SAS sig/se, and names like token/key/secret/password/code/signature). */
const SENSITIVE_PARAM = String.raw`(?:x-amz-(?:signature|credential|security-token)|sig|se|[\w.-]*(?:token|key|secret|passw(?:or)?d|pwd|code|signature|credential)[\w.-]*)`;
const SHAPES: Array<[RegExp, string]> = [
  // ?token=..., &sig=..., &amp;X-Amz-Signature=..., \u0026key=... (URLs in text, XML and JSON).
  [new RegExp(String.raw`((?:[?&]|&amp;|\\u0026)${SENSITIVE_PARAM}=)[^&\s"'<>#\\]+`, 'gi'), `$1${REDACTED}`],
  // Connection strings: AccountKey=...;SharedAccessSignature=...
  [/(\b(?:AccountKey|SharedAccessSignature|SharedAccessKey|Password|Pwd)=)[^;\s"'<>\\]+/gi, `$1${REDACTED}`],
  // SigV4 authorization: Credential=AKIA.../..., Signature=hex
  [/(\b(?:Credential|Signature)=)[^\s,&"'<>\\]+/g, `$1${REDACTED}`],
  // Credential headers quoted in errors (`x-amz-security-token: ...`, "authorization":"...").
  [/(\b(?:x-amz-security-token|x-amz-signature|x-amz-credential|x-ms-copy-source-authorization|x-api-key|(?:proxy-)?authorization|cookie)\\?["']?\s*[:=]\s*\\?["']?)(?:(?:bearer|basic|token|digest|aws4-hmac-sha256)\s+)?[^\s"'<>,;()[\]\\]+/gi, `$1${REDACTED}`],
  // ...and as XML elements, as S3 errors quote them (<Token-0>, <SignatureProvided>, <StringToSign>, <CanonicalRequest>).
  [/(<(x-amz-security-token|x-amz-signature|x-amz-credential|token-0|signatureprovided|stringtosign(?:bytes)?|canonicalrequest(?:bytes)?|authorization)>)[^<]*(<\/\2>)/gi, `$1${REDACTED}$3`],
  // scheme://user:password@host
  [/([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*):[^\s/@]*@/gi, `$1:${REDACTED}@`],
];

/** Removes credentials by their shape (see SHAPES), registered or not. */
export function scrubCredentials(text: string): string {
  let out = text;
  for (const [shape, replacement] of SHAPES) out = out.replace(shape, replacement);
  return out;
}

/**
 * The redaction every sink applies: each registered secret (and `extra` values) in every form,
 * then credentials by their shape. Idempotent.
 */
export function redact(text: string, extra: readonly string[] = []): string {
  if (!text) return text;
  let out = text;
  const extraForms = extra.filter(Boolean).flatMap((value) => [value, ...secretForms(value, 1)]);
  const local = extraForms.length ? literalPattern(extraForms) : undefined;
  pattern ??= literalPattern(forms);
  if (local) out = out.replace(local, REDACTED);
  if (pattern) out = out.replace(pattern, REDACTED);
  return scrubCredentials(out);
}

/**
 * The start of a text for an error message (a response body, an error page): redacted BEFORE it is
 * cut, since a secret cut in two is no longer recognisable and its first half would be printed.
 */
export function redactedExcerpt(text: string, length = 300): string {
  return redact(text).slice(0, length);
}

/** A copy of a JSON-like value with every string redacted (keys kept). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item)])) as T;
  }
  return value;
}

/** Environment variables that are credentials whatever their length, by exact name. */
const CREDENTIAL_VARIABLES = [
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'AZURE_STORAGE_CONNECTION_STRING',
  'AZURE_STORAGE_KEY',
  'AZURE_STORAGE_ACCOUNT_KEY',
  'AZURE_STORAGE_SAS_TOKEN',
  'AZURE_CLIENT_SECRET',
  'AZURE_CLIENT_CERTIFICATE_PASSWORD',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'GITHUB_TOKEN',
  'GH_TOKEN',
];
/** Any other variable named like a credential. */
const CREDENTIAL_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|KEY|CREDENTIAL/i;
/** ...except identifiers, file names and addresses of credentials (AWS_ACCESS_KEY_ID, AWS_WEB_IDENTITY_TOKEN_FILE, ACTIONS_ID_TOKEN_REQUEST_URL). */
const NOT_A_CREDENTIAL = /(_ID|_FILE|_PATH|_URL|_URI|_NAME|_ARN|_DIR|_TYPE|_REGION)$/i;
/** Action inputs whose values are secrets (github-token, registry-password, ...). */
const SECRET_INPUT = /(^|[-_])(token|password|secret|credentials?|key)($|[-_])/i;

/**
 * Registers the credentials in the environment (the first thing every action does, see
 * runAction): the well-known variables, any variable named like *TOKEN*, *SECRET*, *PASSWORD*,
 * *KEY*, the secret parts of a connection string, and secret inputs (INPUT_*TOKEN...), each line
 * of a multi-line one too. Values that are plainly not secrets (true, 42, shorter than 8
 * characters for a variable matched only by its name) are left alone.
 */
export function registerEnvironmentSecrets(env: NodeJS.ProcessEnv = process.env): void {
  for (const [name, value] of Object.entries(env)) {
    if (!value || /^(true|false|yes|no|on|off|\d+)$/i.test(value.trim())) continue;
    if (name.startsWith('INPUT_')) {
      if (SECRET_INPUT.test(name.slice('INPUT_'.length))) addSecret(value);
      continue;
    }
    if (name.startsWith('STATE_') || name.startsWith('GITHUB_') && name !== 'GITHUB_TOKEN') continue;
    const known = CREDENTIAL_VARIABLES.includes(name);
    if (!known && (!CREDENTIAL_NAME.test(name) || NOT_A_CREDENTIAL.test(name))) continue;
    addSecret(value, { minLength: known ? MIN_SECRET_LENGTH : MIN_ENV_SECRET_LENGTH });
    for (const part of connectionStringParts(value)) addSecret(part);
  }
}

/** AccountKey= and SharedAccessSignature= parts of an Azure connection string (and each SAS signature). */
export function connectionStringParts(value: string): string[] {
  const parts: string[] = [];
  for (const field of value.split(';')) {
    const match = /^\s*(AccountKey|SharedAccessSignature|SharedAccessKey)\s*=(.+)$/i.exec(field);
    if (!match) continue;
    parts.push(match[2].trim());
    const sig = /(?:^|[?&])sig=([^&]+)/.exec(match[2]);
    if (sig) parts.push(sig[1], decodeURIComponentSafe(sig[1]));
  }
  return parts;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Redacts a file in place (the runner's GITHUB_OUTPUT, GITHUB_STATE and GITHUB_STEP_SUMMARY, which
 * runner.ts appends to directly): the last line of defence for values written around the
 * shipkit wrappers. Best effort; a file that cannot be read is left as it is.
 */
export function redactFile(file: string | undefined): void {
  if (!file || !existsSync(file)) return;
  try {
    const text = readFileSync(file, 'utf8');
    const clean = redact(text);
    if (clean !== text) writeFileSync(file, clean);
  } catch {
    // the sink is the runner's; nothing better to do than leave it
  }
}
