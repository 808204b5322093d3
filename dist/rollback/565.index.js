export const id = 565;
export const ids = [565];
export const modules = {

/***/ 9565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AWS_CONNECTION_TIMEOUT_MS: () => (/* reexport */ AWS_CONNECTION_TIMEOUT_MS),
  AWS_REQUEST_TIMEOUT_MS: () => (/* reexport */ AWS_REQUEST_TIMEOUT_MS),
  AWS_SIGN_IN_HINT: () => (/* reexport */ AWS_SIGN_IN_HINT),
  AZURE_ACCOUNT: () => (/* reexport */ AZURE_ACCOUNT),
  AZURE_CONTAINER: () => (/* reexport */ AZURE_CONTAINER),
  AZURE_SIGN_IN_HINT: () => (/* reexport */ AZURE_SIGN_IN_HINT),
  Budget: () => (/* reexport */ Budget),
  DEFAULT_CONFIG_PATH: () => (/* reexport */ DEFAULT_CONFIG_PATH),
  ExecError: () => (/* reexport */ ExecError),
  FIRST_POLL_MS: () => (/* reexport */ FIRST_POLL_MS),
  KeptBytes: () => (/* reexport */ KeptBytes),
  MAX_AGE_MS: () => (/* reexport */ MAX_AGE_MS),
  MAX_CONFIG_BYTES: () => (/* reexport */ MAX_CONFIG_BYTES),
  MAX_DURATION_MS: () => (/* reexport */ MAX_DURATION_MS),
  MIN_ENV_SECRET_LENGTH: () => (/* reexport */ MIN_ENV_SECRET_LENGTH),
  MIN_SECRET_LENGTH: () => (/* reexport */ MIN_SECRET_LENGTH),
  ONE_READ_BYTES: () => (/* reexport */ ONE_READ_BYTES),
  POST_ENTRY: () => (/* reexport */ POST_ENTRY),
  Progress: () => (/* reexport */ Progress),
  REDACTED: () => (/* reexport */ REDACTED),
  RELEASE_ID: () => (/* reexport */ RELEASE_ID),
  SCRATCH_POOL_BYTES: () => (/* reexport */ SCRATCH_POOL_BYTES),
  ShipkitError: () => (/* reexport */ ShipkitError),
  TARGET_KINDS: () => (/* reexport */ TARGET_KINDS),
  TRANSFER_HEAP_BYTES: () => (/* reexport */ TRANSFER_HEAP_BYTES),
  addSecret: () => (/* reexport */ addSecret),
  addTiming: () => (/* reexport */ addTiming),
  awsClientSettings: () => (/* reexport */ awsClientSettings),
  awsEndpointFromEnv: () => (/* reexport */ awsEndpointFromEnv),
  azureBucket: () => (/* reexport */ azureBucket),
  backoffDelay: () => (/* reexport */ backoffDelay),
  blobEndpoint: () => (/* reexport */ blobEndpoint),
  cell: () => (/* reexport */ cell),
  checkHttpUrl: () => (/* reexport */ checkHttpUrl),
  checkReleaseId: () => (/* reexport */ checkReleaseId),
  collectGarbageAbove: () => (/* reexport */ collectGarbageAbove),
  configSchema: () => (/* reexport */ configSchema),
  connectionStringAccount: () => (/* reexport */ connectionStringAccount),
  connectionStringParts: () => (/* reexport */ connectionStringParts),
  didYouMean: () => (/* reexport */ didYouMean),
  environmentConfig: () => (/* reexport */ environmentConfig),
  errorMessage: () => (/* reexport */ errorMessage),
  exec: () => (/* reexport */ exec_exec),
  expectArray: () => (/* reexport */ expectArray),
  formatBytes: () => (/* reexport */ formatBytes),
  formatDuration: () => (/* reexport */ formatDuration),
  formatRate: () => (/* reexport */ formatRate),
  getBoolean: () => (/* reexport */ getBoolean),
  getDuration: () => (/* reexport */ getDuration),
  getEnum: () => (/* reexport */ getEnum),
  getList: () => (/* reexport */ getList),
  getNumber: () => (/* reexport */ getNumber),
  getOptional: () => (/* reexport */ getOptional),
  getSecret: () => (/* reexport */ getSecret),
  getString: () => (/* reexport */ getString),
  getStructured: () => (/* reexport */ getStructured),
  group: () => (/* reexport */ group),
  guardWorkflowCommands: () => (/* reexport */ guardWorkflowCommands),
  hashFileSync: () => (/* reexport */ hashFileSync),
  hostsPreviews: () => (/* reexport */ hostsPreviews),
  invalidInput: () => (/* reexport */ invalidInput),
  isAzureBucket: () => (/* reexport */ isAzureBucket),
  isPostStep: () => (/* reexport */ isPostStep),
  loadConfig: () => (/* reexport */ loadConfig),
  mapLimit: () => (/* reexport */ mapLimit),
  markdownTable: () => (/* reexport */ markdownTable),
  maskSecretInputs: () => (/* reexport */ maskSecretInputs),
  neutralizeCommands: () => (/* reexport */ neutralizeCommands),
  parseAge: () => (/* reexport */ parseAge),
  parseAzureBucket: () => (/* reexport */ parseAzureBucket),
  parseBoolean: () => (/* reexport */ parseBoolean),
  parseConfig: () => (/* reexport */ parseConfig),
  parseDuration: () => (/* reexport */ parseDuration),
  parseEnum: () => (/* reexport */ parseEnum),
  parseJsonFile: () => (/* reexport */ parseJsonFile),
  parseList: () => (/* reexport */ parseList),
  parseNumber: () => (/* reexport */ parseNumber),
  parseRatio: () => (/* reexport */ parseRatio),
  parseRef: () => (/* reexport */ parseRef),
  parseStructured: () => (/* reexport */ parseStructured),
  parseTimeout: () => (/* reexport */ parseTimeout),
  parseYamlWithSchema: () => (/* reexport */ parseYamlWithSchema),
  pollDelay: () => (/* reexport */ pollDelay),
  publicErrorSummary: () => (/* reexport */ publicErrorSummary),
  readContext: () => (/* reexport */ readContext),
  readFileInside: () => (/* reexport */ readFileInside),
  readKnownSize: () => (/* reexport */ readKnownSize),
  redact: () => (/* reexport */ redact),
  redactDeep: () => (/* reexport */ redactDeep),
  redactFile: () => (/* reexport */ redactFile),
  redactRunnerFiles: () => (/* reexport */ redactRunnerFiles),
  redactUrlCredentials: () => (/* reexport */ redactUrlCredentials),
  redactedExcerpt: () => (/* reexport */ redactedExcerpt),
  registerEnvironmentSecrets: () => (/* reexport */ registerEnvironmentSecrets),
  registeredSecrets: () => (/* reexport */ registeredSecrets),
  releaseIdFromRef: () => (/* reexport */ releaseIdFromRef),
  reportFailure: () => (/* reexport */ reportFailure),
  repositoryUrl: () => (/* reexport */ repositoryUrl),
  requireConfig: () => (/* reexport */ requireConfig),
  resetSecrets: () => (/* reexport */ resetSecrets),
  resolveInside: () => (/* reexport */ resolveInside),
  retry: () => (/* reexport */ retry),
  runAction: () => (/* reexport */ runAction),
  runUrl: () => (/* reexport */ runUrl),
  sanitizeName: () => (/* reexport */ sanitizeName),
  saveState: () => (/* reexport */ saveState),
  scrubCredentials: () => (/* reexport */ scrubCredentials),
  secretForms: () => (/* reexport */ secretForms),
  setOutput: () => (/* reexport */ setOutput),
  sha256File: () => (/* reexport */ sha256File),
  showValue: () => (/* reexport */ showValue),
  signInHint: () => (/* reexport */ signInHint),
  sleep: () => (/* reexport */ sleep),
  smokeCheckSchema: () => (/* reexport */ smokeCheckSchema),
  smokeSchema: () => (/* reexport */ smokeSchema),
  storeUrl: () => (/* reexport */ storeUrl),
  withScratch: () => (/* reexport */ withScratch),
  writeSummary: () => (/* reexport */ writeSummary),
  writeSummaryMarkdown: () => (/* reexport */ writeSummaryMarkdown)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(7264);
;// CONCATENATED MODULE: ./packages/core/src/errors.ts
/**
 * The one error type users see: a message that says what is wrong and, where it helps, a hint
 * that says what to do. Anything else that reaches the top is a bug and is reported as such.
 */
class ShipkitError extends Error {
    hint;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'ShipkitError';
        this.hint = options.hint;
    }
}
/** Replaces the password of any `scheme://user:password@` in text with `***`. */
function redactUrlCredentials(text) {
    return (text
        .replace(/([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*):[^\s/@]*@/gi, '$1:***@')
        // user:password@host without a scheme, or behind a mistyped one (`key:secret@host`, `http//user:pw@host`):
        // a value refused for not being a URL is echoed too.
        .replace(/(^|[\s"'(=]|\/)([^\s/:@"'(=]+):[^\s/@"']*@/g, '$1$2:***@'));
}
/** Renders a value for an error message: strings quoted, URL passwords redacted, at most 200 characters of it. */
function showValue(value) {
    const raw = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
    const cut = raw.length > 200 ? `${raw.slice(0, 200)}` : raw;
    const text = typeof value === 'string' ? JSON.stringify(redactUrlCredentials(cut)) : redactUrlCredentials(cut);
    return raw.length > 200 ? `${text} (${raw.length} characters, cut)` : text;
}
/** An input (or config field) whose value is not what was expected. */
function invalidInput(name, value, expected, hint) {
    // Inputs are kebab-case words; config fields are paths (environments.x.url, possibly behind the file name).
    const label = /:|^(environments|lock|smoke|cdn|aws|router)\./.test(name) ? name : `Input "${name}"`;
    return new ShipkitError(`${label} has an invalid value ${showValue(value)}: expected ${expected}.`, { hint });
}
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}

;// CONCATENATED MODULE: ./packages/core/src/duration.ts

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
/**
 * Parses durations such as `500ms`, `90s`, `5m`, `1h30m` or a bare number of seconds.
 * Returns milliseconds; `name` is used in the error.
 */
function parseDuration(text, name = 'duration') {
    const value = String(text).trim();
    if (/^\d+(?:\.\d+)?$/.test(value))
        return Math.round(Number(value) * 1000);
    const compact = value.replace(/\s+/g, '');
    let total = 0;
    let consumed = 0;
    for (const match of compact.matchAll(PART)) {
        if (match.index !== consumed)
            break;
        total += Number(match[1]) * UNIT_MS[match[2]];
        consumed += match[0].length;
    }
    if (consumed === 0 || consumed !== compact.length) {
        throw invalidInput(name, text, 'a duration such as 500ms, 90s, 5m or 1h30m');
    }
    if (total > MAX_DURATION_MS)
        throw invalidInput(name, text, 'a duration of at most 24h (every duration shipkit takes is a timer)');
    return Math.round(total);
}
/** The longest duration shipkit accepts: every one is a timer (Node's timers overflow past 24.8 days; no job runs a day). */
const MAX_DURATION_MS = 24 * 3_600_000;
/** A timeout: a duration greater than zero (and at most 24h). */
function parseTimeout(text, name = 'timeout') {
    const ms = parseDuration(text, name);
    if (ms <= 0)
        throw invalidInput(name, text, 'a duration greater than zero, such as 10s or 2m');
    return ms;
}
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    return seconds ? `${minutes}m${seconds}s` : `${minutes}m`;
}
const AGE_UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
/** The longest age shipkit accepts (older-than): a year. */
const MAX_AGE_MS = 365 * 86_400_000;
/**
 * An age such as `14d`, `2w`, `1w3d` or `36h` (whole weeks, days, hours, minutes or seconds), greater than zero and
 * at most a year: how long ago something last changed (remove-preview's older-than). Unlike a
 * duration it is never a timer, so it is not capped at 24 h.
 */
function parseAge(text, name = 'age') {
    const value = String(text).trim().replace(/\s+/g, '');
    const expected = 'an age in whole weeks, days, hours, minutes or seconds, greater than zero and at most a year (365d or 52w), such as 14d, 2w or 1w3d';
    if (!/^(\d+[wdhms])+$/.test(value))
        throw invalidInput(name, text, expected);
    let total = 0;
    for (const match of value.matchAll(/(\d+)([wdhms])/g))
        total += Number(match[1]) * AGE_UNIT_MS[match[2]];
    if (total <= 0 || total > MAX_AGE_MS)
        throw invalidInput(name, text, expected);
    return total;
}

;// CONCATENATED MODULE: ./packages/core/src/redact.ts


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
const REDACTED = '***';
/** Values shorter than this are never registered: redacting "dev" or "true" everywhere would corrupt records. */
const MIN_SECRET_LENGTH = 4;
/** Environment credentials (by name) shorter than this are left alone (local emulators' "testing" keys). */
const MIN_ENV_SECRET_LENGTH = 8;
/** A base64 fragment shorter than this is too short to stand for a secret. */
const MIN_BASE64_CORE = 8;
const secrets = new Set();
const redact_forms = new Set();
let pattern;
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Percent-encodes the way the WHATWG URL parser does for a query (space, ", #, <, > and non-ASCII), or a path (also ?, `, {, }). */
function urlEncode(value, extra) {
    let out = '';
    for (const char of value) {
        const code = char.codePointAt(0);
        if (code <= 0x20 || code >= 0x7f || `"#<>${extra}`.includes(char))
            out += encodeURIComponent(char);
        else
            out += char;
    }
    return out;
}
/** application/x-www-form-urlencoded (URLSearchParams): everything but A-Z a-z 0-9 * - . _ encoded, space as +. */
const formEncode = (value) => new URLSearchParams({ v: value }).toString().slice(2);
/** The base64 characters that stand for `bytes` whatever precedes them (an offset of 0, 1 or 2 bytes) and follows them. */
function base64Cores(bytes) {
    const cores = [];
    for (const offset of [0, 1, 2]) {
        const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
        const whole = Math.floor(padded.length / 3) * 4; // characters of complete 3-byte groups only
        const skip = [0, 2, 3][offset]; // characters that mix in the preceding bytes
        const text = padded.toString('base64').slice(skip, whole);
        if (text.length >= MIN_BASE64_CORE)
            cores.push(text, text.replace(/\+/g, '-').replace(/\//g, '_'));
    }
    // A value encoded on its own (the common case) ends with its last characters and padding.
    const full = bytes.toString('base64');
    if (full.length >= MIN_BASE64_CORE)
        cores.push(full, full.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
    return cores;
}
const jsonEscape = (value) => JSON.stringify(value).slice(1, -1);
const jsonAscii = (value) => jsonEscape(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
const xmlEscape = (value) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const xmlNumeric = (value) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
const markdownCell = (value) => value.replace(/\|/g, '\\|');
/**
 * Every form `value` can take on its way to a sink. Percent-encoded forms are matched with either
 * case of hex digits (see redact); `+` and `%20` both stand for a space.
 */
function secretForms(value, minLength = MIN_SECRET_LENGTH) {
    const bases = new Set();
    const add = (text) => {
        if (text.length >= minLength)
            bases.add(text);
    };
    add(value);
    const lines = value.split(/\r\n|\r|\n/);
    if (lines.length > 1) {
        for (const line of lines)
            add(line.trim());
        const kept = lines.map((line) => line.trim()).filter(Boolean);
        for (const separator of ['', ' ', '\n', '\r\n', '<br>', '\\n'])
            add(kept.join(separator));
    }
    const out = new Set();
    for (const base of bases) {
        const variants = [base, jsonEscape(base), jsonAscii(base), jsonEscape(jsonEscape(base)), xmlEscape(base), xmlNumeric(base), markdownCell(base)];
        for (const encoded of [encodeURIComponent(base), encodeURI(base), formEncode(base), urlEncode(base, ''), urlEncode(base, '?`{}')]) {
            variants.push(encoded, encoded.replace(/%20/g, '+'), encoded.replace(/\+/g, '%20'), encodeURIComponent(encoded));
        }
        for (const variant of variants)
            if (variant.length >= minLength)
                out.add(variant);
        for (const core64 of base64Cores(Buffer.from(base, 'utf8')))
            out.add(core64);
    }
    return [...out];
}
/**
 * Registers a secret value: masked in the runner's log (::add-mask::, each form too) and removed
 * from everything shipkit writes. Returns false when the value is too short to be redacted safely.
 */
function addSecret(value, options = {}) {
    const text = value?.trim();
    const minLength = options.minLength ?? MIN_SECRET_LENGTH;
    if (!text || text.length < minLength)
        return false;
    if (secrets.has(text))
        return true;
    secrets.add(text);
    for (const form of secretForms(text)) {
        if (redact_forms.has(form))
            continue;
        redact_forms.add(form);
        if (options.mask ?? true)
            core/* setSecret */.Pq(form);
    }
    // `Bearer abc`, `Basic abc`: the credential alone travels too.
    const scheme = /^(bearer|basic|token|digest)\s+(\S.*)$/i.exec(text);
    if (scheme)
        addSecret(scheme[2], options);
    pattern = undefined;
    return true;
}
/** The registered secrets (not their forms), for tests and diagnostics. */
function registeredSecrets() {
    return [...secrets];
}
/** Forgets every registered secret (tests only: a bundle registers once per run). */
function resetSecrets() {
    secrets.clear();
    redact_forms.clear();
    pattern = undefined;
}
/** A regex source matching a form, percent-escapes with either case of hex digits. */
function formSource(form) {
    return escapeRegExp(form).replace(/%([0-9A-Fa-f])([0-9A-Fa-f])/g, (_all, a, b) => `%${hexClass(a)}${hexClass(b)}`);
}
const hexClass = (digit) => (/[0-9]/.test(digit) ? digit : `[${digit.toUpperCase()}${digit.toLowerCase()}]`);
function literalPattern(values) {
    const sorted = [...new Set(values)].filter(Boolean).sort((a, b) => b.length - a.length); // longest first: a value containing another goes whole
    return sorted.length ? new RegExp(sorted.map(formSource).join('|'), 'g') : undefined;
}
/** Query parameters whose values are credentials, by name (X-Amz-*, SAS sig/se, and names like token/key/secret/password/code/signature). */
const SENSITIVE_PARAM = String.raw `(?:x-amz-(?:signature|credential|security-token)|sig|se|[\w.-]*(?:token|key|secret|passw(?:or)?d|pwd|code|signature|credential)[\w.-]*)`;
const SHAPES = [
    // ?token=..., &sig=..., &amp;X-Amz-Signature=..., \u0026key=... (URLs in text, XML and JSON).
    [new RegExp(String.raw `((?:[?&]|&amp;|\\u0026)${SENSITIVE_PARAM}=)[^&\s"'<>#\\]+`, 'gi'), `$1${REDACTED}`],
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
function scrubCredentials(text) {
    let out = text;
    for (const [shape, replacement] of SHAPES)
        out = out.replace(shape, replacement);
    return out;
}
/**
 * The redaction every sink applies: each registered secret (and `extra` values) in every form,
 * then credentials by their shape. Idempotent.
 */
function redact(text, extra = []) {
    if (!text)
        return text;
    let out = text;
    const extraForms = extra.filter(Boolean).flatMap((value) => [value, ...secretForms(value, 1)]);
    const local = extraForms.length ? literalPattern(extraForms) : undefined;
    pattern ??= literalPattern(redact_forms);
    if (local)
        out = out.replace(local, REDACTED);
    if (pattern)
        out = out.replace(pattern, REDACTED);
    return scrubCredentials(out);
}
/**
 * The start of a text for an error message (a response body, an error page): redacted BEFORE it is
 * cut, since a secret cut in two is no longer recognisable and its first half would be printed.
 */
function redactedExcerpt(text, length = 300) {
    return redact(text).slice(0, length);
}
/** A copy of a JSON-like value with every string redacted (keys kept). */
function redactDeep(value) {
    if (typeof value === 'string')
        return redact(value);
    if (Array.isArray(value))
        return value.map((item) => redactDeep(item));
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item)]));
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
function registerEnvironmentSecrets(env = process.env) {
    for (const [name, value] of Object.entries(env)) {
        if (!value || /^(true|false|yes|no|on|off|\d+)$/i.test(value.trim()))
            continue;
        if (name.startsWith('INPUT_')) {
            if (SECRET_INPUT.test(name.slice('INPUT_'.length)))
                addSecret(value);
            continue;
        }
        if (name.startsWith('STATE_') || name.startsWith('GITHUB_') && name !== 'GITHUB_TOKEN')
            continue;
        const known = CREDENTIAL_VARIABLES.includes(name);
        if (!known && (!CREDENTIAL_NAME.test(name) || NOT_A_CREDENTIAL.test(name)))
            continue;
        addSecret(value, { minLength: known ? MIN_SECRET_LENGTH : MIN_ENV_SECRET_LENGTH });
        for (const part of connectionStringParts(value))
            addSecret(part);
    }
}
/** AccountKey= and SharedAccessSignature= parts of an Azure connection string (and each SAS signature). */
function connectionStringParts(value) {
    const parts = [];
    for (const field of value.split(';')) {
        const match = /^\s*(AccountKey|SharedAccessSignature|SharedAccessKey)\s*=(.+)$/i.exec(field);
        if (!match)
            continue;
        parts.push(match[2].trim());
        const sig = /(?:^|[?&])sig=([^&]+)/.exec(match[2]);
        if (sig)
            parts.push(sig[1], decodeURIComponentSafe(sig[1]));
    }
    return parts;
}
function decodeURIComponentSafe(value) {
    try {
        return decodeURIComponent(value);
    }
    catch {
        return value;
    }
}
/**
 * Redacts a file in place (the runner's GITHUB_OUTPUT, GITHUB_STATE and GITHUB_STEP_SUMMARY, which
 * @actions/core appends to directly): the last line of defence for values written around the
 * shipkit wrappers. Best effort; a file that cannot be read is left as it is.
 */
function redactFile(file) {
    if (!file || !(0,external_node_fs_.existsSync)(file))
        return;
    try {
        const text = (0,external_node_fs_.readFileSync)(file, 'utf8');
        const clean = redact(text);
        if (clean !== text)
            (0,external_node_fs_.writeFileSync)(file, clean);
    }
    catch {
        // the sink is the runner's; nothing better to do than leave it
    }
}

;// CONCATENATED MODULE: ./packages/core/src/log.ts



/** Runs `fn` inside a collapsible log group. */
function group(title, fn) {
    return core/* group */.Os(title, fn);
}
/**
 * A size as a person writes it: `512 B`, `1.3 KiB`, `12 MiB` (binary units, one decimal below 10,
 * none above, no trailing `.0`, never `1024 KiB` for what is 1 MiB).
 */
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    if (!Number.isFinite(bytes) || bytes < 0)
        return `${bytes} B`;
    let value = bytes;
    let unit = 0;
    const rounded = () => (unit === 0 ? Math.round(value) : Number(value.toFixed(value < 10 ? 1 : 0)));
    while (rounded() >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${rounded()} ${units[unit]}`;
}
/** A rate as a person writes it: `1.3 KiB/s`; without bytes, `12/s` or `0.4/s` of `what`. */
function formatRate(amount, seconds, what = 'bytes') {
    const perSecond = amount / Math.max(seconds, 0.001);
    if (what === 'bytes')
        return `${formatBytes(perSecond)}/s`;
    return `${Number(perSecond.toFixed(perSecond < 10 ? 1 : 0))}/s`;
}
/**
 * Progress for long work: logs done/total items, bytes and rate at most every `intervalMs`, and a
 * final line from done(). Short work (under one interval) logs only the final line.
 */
class Progress {
    label;
    totalItems;
    totalBytes;
    intervalMs;
    log;
    items = 0;
    bytes = 0;
    lastLog;
    started = Date.now();
    constructor(label, totalItems, totalBytes = 0, intervalMs = 5000, log = core/* info */.pq) {
        this.label = label;
        this.totalItems = totalItems;
        this.totalBytes = totalBytes;
        this.intervalMs = intervalMs;
        this.log = log;
        this.lastLog = this.started;
    }
    add(items, bytes = 0) {
        this.items += items;
        this.bytes += bytes;
        const now = Date.now();
        if (now - this.lastLog >= this.intervalMs) {
            this.lastLog = now;
            this.log(this.line(now));
        }
    }
    done() {
        this.log(`${this.line(Date.now())} — done`);
    }
    line(now) {
        const seconds = Math.max((now - this.started) / 1000, 0.001);
        const bytes = this.totalBytes ? `, ${formatBytes(this.bytes)}/${formatBytes(this.totalBytes)}` : this.bytes ? `, ${formatBytes(this.bytes)}` : '';
        const rate = this.bytes ? `, ${formatRate(this.bytes, seconds)}` : `, ${formatRate(this.items, seconds, 'items')}`;
        return `${this.label}: ${this.items}/${this.totalItems}${bytes}${rate}, ${formatDuration(now - this.started)}`;
    }
}
/**
 * Makes text safe to print: no line of it can be read by the runner as a workflow command
 * (`::warning::`, `::set-output`, `::add-mask::`...). Lines are split as the runner splits them
 * (\n, \r\n and a lone \r), and a `::` opening a line is broken with a zero-width space.
 */
function neutralizeCommands(text) {
    return text.replace(/(^|\r\n|\r|\n)([ \t]*)::/g, '$1$2:\u200b:');
}
let guarded = false;
/**
 * Installs the guard every bundle runs under (runAction), on stdout and stderr:
 * - the redaction (redact.ts): every log line shipkit or a command it runs prints passes through
 *   it, so a secret never reaches the log in any form, whether or not the runner masks it;
 *   `::add-mask::` commands (one per write, as @actions/core issues them) pass as they are;
 * - whatever is written to stdout in one write can open a workflow command on its first line
 *   only — the way @actions/core writes its own commands, one per write — so user-controlled text
 *   inside a log line (a check name with "\n::warning::", a prefix with a newline) never becomes a
 *   command. Output of commands shipkit runs is wrapped in ::stop-commands:: (see exec).
 */
function guardWorkflowCommands(stream = process.stdout, errors = process.stderr) {
    if (guarded)
        return;
    guarded = true;
    const write = stream.write.bind(stream);
    stream.write = (chunk, ...rest) => {
        chunk = redactChunk(chunk);
        if (typeof chunk === 'string' && /[\r\n][ \t]*::/.test(chunk)) {
            const first = /^[^\r\n]*/.exec(chunk)[0];
            chunk = first + neutralizeCommands(chunk.slice(first.length));
        }
        return write(chunk, ...rest);
    };
    if (errors && errors !== stream) {
        const writeError = errors.write.bind(errors);
        errors.write = (chunk, ...rest) => writeError(redactChunk(chunk), ...rest);
    }
}
/** A chunk for the log with every secret redacted; a Buffer that is not whole UTF-8 text passes as it is. */
function redactChunk(chunk) {
    if (typeof chunk === 'string')
        return chunk.startsWith('::add-mask::') ? chunk : redact(chunk);
    if (Buffer.isBuffer(chunk) || chunk instanceof Uint8Array) {
        const text = Buffer.from(chunk).toString('utf8');
        if (!Buffer.from(text, 'utf8').equals(Buffer.from(chunk)) || text.startsWith('::add-mask::'))
            return chunk;
        const clean = redact(text);
        return clean === text ? chunk : clean;
    }
    return chunk;
}

;// CONCATENATED MODULE: ./packages/core/src/sign-in.ts
/**
 * The first error a new user meets is often "no credentials": the hint must say how to sign in,
 * not to check the bucket name. reportFailure asks signInHint for every failure; an error (or any
 * error it was caused by) that says the SDK found no credentials gets the ways to sign in.
 */
/** How a job signs in to AWS, for the step that found no credentials. */
const AWS_SIGN_IN_HINT = [
    'No AWS credentials reached this step. Sign in before it, one of:',
    '- shipkit\'s pipelines: pass the aws-role-arn input (an IAM role that trusts GitHub\'s OIDC provider, docs/adopt.md) and grant the calling workflow `permissions: id-token: write`;',
    '- your own workflow: a step `uses: aws-actions/configure-aws-credentials` with `role-to-assume` (the job needs `permissions: id-token: write`) before this one;',
    '- keys (S3-compatible stores without OIDC): AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the step\'s env from secrets (the pipelines\' aws-access-key-id and aws-secret-access-key secrets).',
].join('\n');
/** How a job signs in to Azure, for the step that found no credentials. */
const AZURE_SIGN_IN_HINT = [
    'No Azure credentials reached this step. Sign in before it, one of:',
    '- a step `uses: azure/login` with client-id, tenant-id and subscription-id through OIDC (the job needs `permissions: id-token: write`); shipkit\'s pipelines do it when given azure-client-id or the SHIPKIT_AZURE_CLIENT_ID variable;',
    '- the storage account\'s connection string as AZURE_STORAGE_CONNECTION_STRING in the step\'s env from a secret (the pipelines\' azure-storage-connection-string secret). See docs/azure.md.',
].join('\n');
const AWS_NO_CREDENTIALS = /Could not load credentials from any providers|Unable to locate credentials|CredentialsProviderError/;
const AZURE_NO_CREDENTIALS = /CredentialUnavailableError|AggregateAuthenticationError|DefaultAzureCredential|ChainedTokenCredential authentication failed|Please run 'az login'/;
/** Every error in a chain of causes (and inside AggregateErrors), at most 20. */
function chain(error) {
    const seen = [];
    const queue = [error];
    while (queue.length && seen.length < 20) {
        const next = queue.shift();
        if (next === undefined || next === null || seen.includes(next))
            continue;
        seen.push(next);
        const e = next;
        if (e.cause !== undefined)
            queue.push(e.cause);
        if (Array.isArray(e.errors))
            queue.push(...e.errors);
    }
    return seen;
}
/** The sign-in hint when the failure is missing AWS or Azure credentials, else undefined. */
function signInHint(error) {
    for (const link of chain(error)) {
        const e = link;
        const text = `${typeof e.name === 'string' ? e.name : ''}: ${typeof e.message === 'string' ? e.message : String(link)}`;
        if (AWS_NO_CREDENTIALS.test(text))
            return AWS_SIGN_IN_HINT;
        if (AZURE_NO_CREDENTIALS.test(text))
            return AZURE_SIGN_IN_HINT;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/action.ts






/** The post step's entry file next to each bundle's index.js (action.yml `runs.post`), written by scripts/package.mjs. */
const POST_ENTRY = 'post.js';
/**
 * Whether this process is an action's post step: the runner started `dist/<name>/post.js` (which
 * only imports index.js), not `index.js`. Told apart by the entry file, never by state the main step
 * saves — a main step cancelled before it saved anything must not run its post as a second main.
 */
function isPostStep(argv = process.argv) {
    const script = argv[1] ?? '';
    return script.endsWith(`/${POST_ENTRY}`) || script.endsWith(`\\${POST_ENTRY}`);
}
/**
 * The single entry of every bundle. The runner starts `index.js` for `main` and `post.js` (which
 * imports index.js) for `post`. Errors become `core.setFailed` with the message and hint;
 * unexpected errors also print their stack.
 */
async function runAction(steps) {
    // The packaging check runs every bundle with this set: reaching here proves the bundle loads.
    if (process.env.SHIPKIT_LOAD_CHECK === '1') {
        process.stdout.write('shipkit bundle loaded\n');
        return;
    }
    // Credentials are secrets from the first line: masked and registered with the redaction before
    // anything (config loading included) can print them; every log line passes the redaction, and
    // the runner's files are redacted once more when the process ends, whatever wrote to them.
    maskSecretInputs();
    guardWorkflowCommands();
    process.once('exit', () => redactRunnerFiles());
    try {
        if (isPostStep()) {
            if (steps.post)
                await steps.post();
            return;
        }
        await steps.main();
    }
    catch (error) {
        reportFailure(error);
    }
}
/**
 * Registers every credential of the environment and every secret input (token, password, secret,
 * key, credentials) with the redaction and the runner's masker, before any work (and any error
 * message) can print them. See registerEnvironmentSecrets.
 */
function maskSecretInputs(env = process.env) {
    registerEnvironmentSecrets(env);
}
/** The runner's files @actions/core appends to (outputs, state, the step summary), redacted in place. */
function redactRunnerFiles(env = process.env) {
    for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'])
        redactFile(env[name]);
}
/** A failed step's summary says what went wrong (the log has the rest), so the run page is never blank. */
function failureSummary(text) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return;
    const action = (process.env.GITHUB_ACTION_PATH ?? '').split(/[\\/]/).filter(Boolean).at(-1) ?? 'shipkit';
    try {
        (0,external_node_fs_.appendFileSync)(file, redact(`### ${action} failed\n\n\`\`\`\n${text.replace(/```/g, "'''")}\n\`\`\`\n`));
    }
    catch {
        // the summary is a courtesy; the error is in the log
    }
}
function reportFailure(error) {
    // No credentials: the fix is signing in, whatever the step that noticed thought likely (a hint
    // that already says how to sign in stays).
    const hinted = error instanceof ShipkitError && /azure\/login|configure-aws-credentials|aws-role-arn/.test(error.hint ?? '');
    const signIn = hinted ? undefined : signInHint(error);
    if (signIn) {
        const message = error instanceof Error ? error.message : String(error);
        const text = redact(`${message}\nHint: ${signIn}`);
        failureSummary(text);
        core/* setFailed */.C1(text);
    }
    else if (error instanceof ShipkitError) {
        const text = redact(error.hint ? `${error.message}\nHint: ${error.hint}` : error.message);
        failureSummary(text);
        core/* setFailed */.C1(text);
    }
    else if (error instanceof Error) {
        core/* debug */.Yz(redact(error.stack ?? ''));
        core/* setFailed */.C1(redact(`Unexpected error: ${error.message}\n${error.stack ?? ''}`));
    }
    else {
        core/* setFailed */.C1(redact(`Unexpected error: ${String(error)}`));
    }
}
/** Writes an output, JSON-encoding non-strings. */
function setOutput(name, value) {
    core/* setOutput */.uH(name, redact(typeof value === 'string' ? value : JSON.stringify(value)));
}
/** Saves state for the post step, redacted (state files are kept by the runner, unmasked). */
function saveState(name, value) {
    core/* saveState */.LZ(name, redact(typeof value === 'string' ? value : JSON.stringify(value)));
}

;// CONCATENATED MODULE: ./packages/core/src/aws.ts
/** A request's connection may be silent this long (ms) before it fails: a store or API that stops answering ends the run with an error instead of holding it. */
const AWS_REQUEST_TIMEOUT_MS = 120_000;
/** Opening a connection may take this long (ms). */
const AWS_CONNECTION_TIMEOUT_MS = 10_000;
/** The service's endpoint from the environment, as the AWS SDKs and CLI read it: AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL. */
function awsEndpointFromEnv(service, env = process.env) {
    return env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL || undefined;
}
/**
 * The client settings shipkit's AWS clients share: endpoint, attempts with the SDK's standard
 * retry strategy (5xx, throttling, timeouts, connection errors; backoff with jitter), timeouts, and
 * credentials — explicit ones, else those of an `env` passed in, else the SDK's own chain.
 *
 * The timeouts are the HTTP handler's `connectionTimeout` and `socketTimeout` (the silence allowed
 * on a request's socket). Not its `requestTimeout`: in @smithy/node-http-handler 4.x that only logs
 * a warning when exceeded, so a service that accepted a request and never answered held the run
 * until the job's own timeout.
 */
function awsClientSettings(service, options = {}) {
    const env = options.env ?? process.env;
    return {
        requestHandler: { connectionTimeout: options.connectionTimeoutMs ?? AWS_CONNECTION_TIMEOUT_MS, socketTimeout: options.requestTimeoutMs ?? AWS_REQUEST_TIMEOUT_MS },
        endpoint: options.endpoint || awsEndpointFromEnv(service, env),
        maxAttempts: options.maxAttempts ?? (Number(env.AWS_MAX_ATTEMPTS) || 5),
        retryMode: 'standard',
        credentials: options.credentials ??
            (options.env?.AWS_ACCESS_KEY_ID && options.env.AWS_SECRET_ACCESS_KEY
                ? { accessKeyId: options.env.AWS_ACCESS_KEY_ID, secretAccessKey: options.env.AWS_SECRET_ACCESS_KEY, sessionToken: options.env.AWS_SESSION_TOKEN }
                : undefined),
    };
}

;// CONCATENATED MODULE: ./packages/core/src/concurrency.ts
/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping order. The first
 * failure stops new work from starting and is rethrown once the running calls have settled.
 */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (!failure && next < items.length) {
            const index = next++;
            try {
                results[index] = await fn(items[index], index);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    if (failure)
        throw failure.error;
    return results;
}
/**
 * A number of units (bytes held in memory) shared by concurrent work: `use(amount, fn)` runs `fn`
 * once `amount` fits in what the others hold, first come first served, and gives it back after. A
 * single amount larger than the whole budget runs when nothing else holds any (alone), so it is
 * never stuck.
 */
class Budget {
    limit;
    held = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    /** Units held right now (tests read it). */
    get inUse() {
        return this.held;
    }
    async use(amount, fn) {
        if (this.waiting.length || !this.fits(amount))
            await new Promise((start) => this.waiting.push({ amount, start }));
        else
            this.held += amount;
        try {
            return await fn();
        }
        finally {
            this.held -= amount;
            while (this.waiting.length && this.fits(this.waiting[0].amount)) {
                const next = this.waiting.shift();
                this.held += next.amount;
                next.start();
            }
        }
    }
    fits(amount) {
        return this.held === 0 || this.held + amount <= this.limit;
    }
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/core/src/config-schema.ts
/**
 * JSON Schema of `.github/shipkit.yml`. `npm run docs` writes it to schema/shipkit.schema.json,
 * which editors use (a test keeps the two equal).
 */
const commandList = {
    description: 'A program and its arguments (never a shell string), or a single script path.',
    oneOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string' }, minItems: 1 },
    ],
};
const s3Location = {
    type: 'object',
    description: 'An S3 (or S3-compatible) bucket and optional key prefix.',
    required: ['bucket'],
    additionalProperties: false,
    properties: {
        bucket: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$', 'x-expected': 'a bucket name (3-63 lower-case letters, digits, dots and hyphens)' },
        prefix: { type: 'string' },
        region: { type: 'string' },
        endpoint: { type: 'string', pattern: '^https?://' },
    },
};
const azureLocation = {
    type: 'object',
    description: 'An Azure Blob Storage container and optional blob-name prefix (instead of s3). Credentials: AZURE_STORAGE_CONNECTION_STRING for its account, else DefaultAzureCredential (azure/login with OIDC).',
    required: ['account', 'container'],
    additionalProperties: false,
    properties: {
        account: { type: 'string', pattern: '^[a-z0-9]{3,24}$', 'x-expected': 'a storage account name (3-24 lower-case letters and digits)' },
        container: { type: 'string', pattern: '^(\\$web|\\$root|(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*)$', 'x-expected': 'a container name (3-63 lower-case letters, digits and single hyphens), or $web for a static website' },
        prefix: { type: 'string' },
    },
};
const azureName = '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,258}[A-Za-z0-9])?$';
const azureResourceGroup = { type: 'string', pattern: '^[-\\w._()]{0,89}[-\\w_()]$', 'x-expected': 'a resource group name (1-90 letters, digits, "-", "_", ".", "(" and ")", not ending in ".")' };
const azureSubscription = { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', 'x-expected': 'a subscription id (a GUID such as 00000000-0000-0000-0000-000000000000)' };
const armEndpoint = { type: 'string', pattern: '^https?://', description: 'The Azure Resource Manager endpoint (default https://management.azure.com).' };
const azureCdn = {
    type: 'object',
    required: ['subscription', 'resource-group', 'profile', 'endpoint'],
    additionalProperties: false,
    description: 'Azure Front Door Standard/Premium (or classic Azure CDN) in front of this location: the paths an install or alias move changed are purged through Azure Resource Manager (identity from azure/login).',
    properties: {
        subscription: azureSubscription,
        'resource-group': azureResourceGroup,
        profile: { type: 'string', pattern: azureName, 'x-expected': 'a Front Door / CDN profile name (letters, digits and hyphens)' },
        endpoint: { type: 'string', pattern: azureName, 'x-expected': 'an endpoint name (letters, digits and hyphens)' },
        kind: { enum: ['front-door', 'cdn'], description: 'front-door (Standard/Premium, default) or cdn (classic Azure CDN).' },
        domains: { type: 'array', items: { type: 'string' }, description: 'Front Door: purge only these domains (default: all of the endpoint).' },
        wait: { type: 'boolean', description: 'Wait until the purge completed (default true).' },
        'arm-endpoint': armEndpoint,
    },
};
const duration = { type: 'string', pattern: '^\\s*(\\d+(\\.\\d+)?)(ms|s|m|h|d)?(\\s*\\d+(\\.\\d+)?(ms|s|m|h|d))*\\s*$', 'x-expected': 'a duration such as 500ms, 90s, 5m or 1h30m' };
const statusSpec = {
    description: 'Expected HTTP status: a code, a range such as 200-299, or a list of them.',
    oneOf: [
        { type: 'integer', minimum: 100, maximum: 599 },
        { type: 'string', pattern: '^\\s*\\d{3}(\\s*-\\s*\\d{3})?(\\s*,\\s*\\d{3}(\\s*-\\s*\\d{3})?)*\\s*$', 'x-expected': 'status codes or ranges such as 200, 200-299 or 200,301' },
        { type: 'array', items: { oneOf: [{ type: 'integer', minimum: 100, maximum: 599 }, { type: 'string', pattern: '^\\s*\\d{3}(\\s*-\\s*\\d{3})?\\s*$' }] }, minItems: 1 },
    ],
};
const smokeCheckSchema = {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: {
        name: { type: 'string', minLength: 1 },
        path: { type: 'string', description: 'Path appended to base-url.' },
        url: { type: 'string', description: 'Absolute URL (instead of path).' },
        method: { type: 'string', enum: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] },
        headers: { type: 'object', additionalProperties: { type: 'string' } },
        body: { oneOf: [{ type: 'string' }, { type: 'object' }, { type: 'array' }] },
        'expect-status': statusSpec,
        'body-contains': { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
        'body-matches': { type: 'string', description: 'A regular expression the body must match.' },
        'expect-json': { type: 'object', description: 'JSON paths (a.b[0].c) and the values they must equal.' },
        'expect-headers': { type: 'object', additionalProperties: { type: 'string' }, description: 'Response headers and the values they must have (/regex/ allowed).' },
        cors: {
            type: 'object',
            additionalProperties: false,
            required: ['origin'],
            description: 'Send a CORS preflight (OPTIONS with Origin and Access-Control-Request-Method) and assert the Access-Control-Allow-* headers.',
            properties: {
                origin: { type: 'string' },
                method: { type: 'string' },
                headers: { type: 'array', items: { type: 'string' } },
                credentials: { type: 'boolean' },
            },
        },
        'follow-redirects': { type: 'boolean' },
        'max-redirects': { type: 'integer', minimum: 0, maximum: 50 },
        'max-latency': duration,
        'cert-min-days': { type: 'integer', minimum: 0, description: 'Fail when the TLS certificate expires in fewer days.' },
        'request-timeout': duration,
    },
};
const smokeSchema = {
    type: 'object',
    additionalProperties: false,
    properties: {
        checks: { type: 'array', items: smokeCheckSchema },
        timeout: duration,
        'request-timeout': duration,
        samples: { type: 'integer', minimum: 0 },
        'max-error-rate': { oneOf: [{ type: 'number', minimum: 0, maximum: 1 }, { type: 'string', pattern: '^\\d+(\\.\\d+)?%$' }] },
        'max-p95': duration,
        concurrency: { type: 'integer', minimum: 1 },
        'retry-assertions': { type: 'boolean', description: 'Readiness retries a response whose assertions failed (wrong body, JSON or headers) too; by default only connection errors, timeouts, 404, 408, 425, 429 and 5xx are retried.' },
    },
};
const ecsServiceName = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,255}$', 'x-expected': 'an ECS service name (letters, digits, - and _)' };
const ecsServiceEntry = {
    oneOf: [
        ecsServiceName,
        {
            type: 'object',
            required: ['service'],
            additionalProperties: false,
            properties: {
                service: ecsServiceName,
                'task-definition': { type: 'string', description: 'A task definition family, or a .json file in the repository (default: the environment\'s).' },
                'container-images': { type: 'object', additionalProperties: { type: 'string' }, description: "Container name -> image name in build-images' images output (default: the environment's)." },
            },
        },
    ],
};
const ecsServices = {
    service: ecsServiceName,
    services: { type: 'array', minItems: 1, items: ecsServiceEntry, description: 'Several services that deploy and roll back together.' },
};
const slot = {
    type: 'object',
    additionalProperties: false,
    properties: {
        s3: s3Location,
        azure: azureLocation,
        url: { type: 'string', description: 'Where this slot can be tested before it is live.' },
        upstream: {
            type: 'string',
            description: 'The address of this slot, for the nginx router: host:port, [ipv6]:port or unix:/path (no scheme).',
            pattern: '^(unix:/[^\\s;{}#\'"\\\\]+|(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):[0-9]{1,5})$',
            'x-expected': 'host:port (e.g. 10.0.1.5:8080), [ipv6]:port or unix:/path, without a scheme such as http://',
        },
        origin: { type: 'string', description: 'CloudFront origin id of this slot, for the cloudfront router.' },
        'target-group-arn': { type: 'string', pattern: '^arn:aws[a-z-]*:elasticloadbalancing:', 'x-expected': 'a target group ARN (arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>)', description: "This slot's target group, for the alb router." },
        ecs: { type: 'object', additionalProperties: false, properties: ecsServices, description: "ecs target, blue-green: this slot's own service(s); cluster, task definition and images come from the environment's ecs." },
        kubernetes: {
            type: 'object',
            additionalProperties: false,
            description: "kubernetes target, blue-green: this slot's own overlay (or manifests), whose workloads are the slot's own (their pods carry the router's slot label); namespace, images and credentials come from the environment's kubernetes.",
            properties: {
                kustomize: { type: 'string', description: "A kustomization directory in the repository for this slot." },
                manifests: { type: 'array', minItems: 1, items: { type: 'string' }, description: 'Or manifest files for this slot.' },
            },
        },
        env: { type: 'object', additionalProperties: { type: 'string' } },
    },
};
const router = {
    type: 'object',
    required: ['type'],
    additionalProperties: false,
    properties: {
        type: { enum: ['nginx', 'cloudfront', 'command', 'alb', 'app-service-slots', 'cloud-run', 'k8s-service', 'gateway-api'] },
        route: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$', 'x-expected': 'an HTTPRoute name', description: "gateway-api: the HTTPRoute (in the environment's kubernetes namespace) whose rule weights the slots' Services." },
        rule: { type: 'integer', minimum: 0, description: 'gateway-api: which rule of the HTTPRoute (default 0).' },
        backends: {
            type: 'object',
            additionalProperties: false,
            required: ['blue', 'green'],
            description: "gateway-api: each slot's Service, as named in the rule's backendRefs.",
            properties: { blue: { type: 'string' }, green: { type: 'string' } },
        },
        service: { type: 'string', pattern: '^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$', 'x-expected': 'a Service name (lowercase letters, digits and -)', description: "k8s-service: the Service (in the environment's kubernetes namespace) whose selector moves between the slots' workloads." },
        'slot-label': { type: 'string', pattern: '^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$', 'x-expected': 'a label key such as shipkit.dev/slot', description: "k8s-service: the selector label whose value is the slot's name, blue or green (default shipkit.dev/slot); each slot's pods carry it." },
        subscription: { ...azureSubscription, description: 'app-service-slots: the subscription of the web app.' },
        'resource-group': { ...azureResourceGroup, description: 'app-service-slots: the resource group of the web app.' },
        app: { type: 'string', pattern: '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,58}[A-Za-z0-9])?$', 'x-expected': 'a web app name (1-60 letters, digits and hyphens)', description: 'app-service-slots: the web app whose deployment slot is swapped with production.' },
        slot: { type: 'string', pattern: '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,58}[A-Za-z0-9])?$', 'x-expected': 'a deployment slot name such as staging', description: 'app-service-slots: the deployment slot releases are deployed into and swapped with production (default staging).' },
        preview: { type: 'boolean', description: "app-service-slots: swap with preview (production's slot settings applied to the deployment slot first; default false)." },
        'arm-endpoint': armEndpoint,
        'listener-arn': { type: 'string', pattern: '^arn:aws[a-z-]*:elasticloadbalancing:', 'x-expected': 'a listener ARN (arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<lb>/<id>/<id>)', description: "alb: the listener whose default forward action moves between the slots' target groups." },
        'rule-arn': { type: 'string', pattern: '^arn:aws[a-z-]*:elasticloadbalancing:', 'x-expected': 'a listener rule ARN', description: "alb: switch this rule's forward action instead of the listener's default action." },
        include: { type: 'string', description: 'nginx: the include file shipkit owns.' },
        test: commandList,
        reload: commandList,
        'pid-file': { type: 'string', description: "nginx: the master's pid file (default: the pid directive of the nginx config, else /run/nginx.pid); a switch waits until the old workers have exited." },
        'reload-timeout': { ...duration, description: 'nginx: how long a switch waits for the old workers to exit after the reload (default 30s; past it a warning names them).' },
        'distribution-id': { type: 'string' },
        invalidate: { type: 'array', items: { type: 'string' }, description: 'cloudfront: paths invalidated after a switch (default ["/*"]: the cache key does not include the origin).' },
        wait: { type: 'boolean', description: 'cloudfront: wait until the distribution is Deployed and the invalidation Completed (default true).' },
        timeout: { ...duration, description: 'cloudfront: how long a switch waits for Deployed and Completed (default 15m). app-service-slots: how long a switch waits for the slot swap (default 15m); a swap still running then is not reset: production is read back and recorded.' },
        behaviors: { type: 'array', items: { type: 'string' }, description: 'cloudfront: path patterns of cache behaviours that belong to the slots; a switch refuses when one of them targets another origin. Behaviours targeting either slot always move.' },
        switch: commandList,
        weighted: { type: 'boolean', description: 'command: the switch command sends SHIPKIT_WEIGHT percent of traffic to SHIPKIT_SLOT and the rest to SHIPKIT_PREVIOUS_SLOT, so canary steps may be used (default false: steps other than 100 are refused).' },
        endpoint: { type: 'string' },
    },
    allOf: [
        { if: { properties: { type: { const: 'nginx' } } }, then: { required: ['include'] } },
        { if: { properties: { type: { const: 'cloudfront' } } }, then: { required: ['distribution-id'] } },
        { if: { properties: { type: { const: 'command' } } }, then: { required: ['switch'] } },
        { if: { properties: { type: { const: 'alb' } } }, then: { required: ['listener-arn'] } },
        { if: { properties: { type: { const: 'app-service-slots' } } }, then: { required: ['subscription', 'resource-group', 'app'] } },
        { if: { properties: { type: { const: 'k8s-service' } } }, then: { required: ['service'] } },
        { if: { properties: { type: { const: 'gateway-api' } } }, then: { required: ['route', 'backends'] } },
    ],
};
const environment = {
    type: 'object',
    required: ['target'],
    additionalProperties: false,
    properties: {
        target: { enum: ['s3', 'command', 'ecs', 'cloud-run', 'kubernetes'] },
        'cloud-run': {
            type: 'object',
            required: ['project', 'region', 'service', 'container-images'],
            additionalProperties: false,
            description: "cloud-run target: each deploy creates a revision of the service whose images are the release's digests (build-images' images output), named after the release, taking no traffic until a switch (blue-green: the slot's traffic tag points at it) or at once (direct); rollback moves traffic back to the release's revision without creating one. Credentials: google-github-actions/auth (Application Default Credentials).",
            properties: {
                project: { type: 'string', pattern: '^[a-z][a-z0-9-]{4,28}[a-z0-9]$', 'x-expected': 'a Google Cloud project id (6-30 lower-case letters, digits and hyphens, starting with a letter)' },
                region: { type: 'string', pattern: '^[a-z]+-[a-z]+[0-9]+$', 'x-expected': 'a Cloud Run region such as europe-west1' },
                service: { type: 'string', pattern: '^[a-z]([a-z0-9-]{0,47}[a-z0-9])?$', 'x-expected': 'a Cloud Run service name (up to 49 lower-case letters, digits and hyphens, starting with a letter)', description: 'The existing service; its template (everything but the images) stays as your infrastructure code made it.' },
                'container-images': { type: 'object', minProperties: 1, additionalProperties: { type: 'string' }, description: "Container name -> image name in build-images' images output, e.g. { app: shop-web }." },
                timeout: { ...duration, description: 'How long a revision may take to become Ready, and a traffic change to finish (default 10m).' },
                endpoint: { type: 'string', pattern: '^https?://', description: 'The Cloud Run Admin API endpoint (default https://run.googleapis.com).' },
            },
        },
        kubernetes: {
            type: 'object',
            required: ['namespace'],
            additionalProperties: false,
            description: "kubernetes target: each deploy renders the overlay (kubectl kustomize) or the manifest files, pins every mapped image to the release's digest, labels every object with the app and release, applies it server-side (field manager shipkit) and waits for every Deployment, StatefulSet and DaemonSet rollout; the rendered manifests are kept in the release store, and a rollback or an undo re-applies them exactly.",
            properties: {
                context: { type: 'string', description: 'The kubeconfig context (default: its current-context).' },
                server: { type: 'string', pattern: '^https?://', 'x-expected': 'an API server URL (https://...)', description: 'Instead of context: the kubeconfig context whose cluster has this server.' },
                namespace: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$', 'x-expected': 'a namespace name (lowercase letters, digits and -, at most 63)', description: 'The namespace every object goes to.' },
                kustomize: { type: 'string', description: 'A kustomization directory in the repository (rendered with the real kubectl kustomize).' },
                manifests: { type: 'array', minItems: 1, items: { type: 'string' }, description: 'Or manifest files (YAML, several documents each) in the repository.' },
                images: { type: 'object', additionalProperties: { type: 'string' }, description: "Image name as written in the manifests -> image name in build-images' images output, e.g. { registry.example/shop/api: shop-backend }." },
                timeout: { ...duration, description: 'How long the rollouts may take (default 10m).' },
            },
        },
        ecs: {
            type: 'object',
            required: ['cluster'],
            additionalProperties: false,
            description: "ecs target: each deploy registers a task definition revision whose images are the release's digests (build-images' images output), updates the service(s) and waits until the rollout is COMPLETED with running = desired; rollback re-points the services at the release's earlier revisions.",
            properties: {
                cluster: { type: 'string', description: 'The ECS cluster (name or ARN).' },
                ...ecsServices,
                'task-definition': { type: 'string', description: 'A task definition family (its latest revision is the base), or a .json file in the repository.' },
                'container-images': { type: 'object', additionalProperties: { type: 'string' }, description: "Container name -> image name in build-images' images output, e.g. { api: shop-backend }." },
                timeout: { ...duration, description: 'How long a rollout may take to become stable (default 10m).' },
                region: { type: 'string' },
                endpoint: { type: 'string', pattern: '^https?://' },
            },
        },
        strategy: { enum: ['direct', 'blue-green'], default: 'direct' },
        s3: s3Location,
        azure: azureLocation,
        'azure-cdn': azureCdn,
        deploy: commandList,
        'pre-deploy': commandList,
        'post-deploy': commandList,
        env: { type: 'object', additionalProperties: { type: 'string' }, description: 'Extra environment for commands.' },
        slots: {
            type: 'object',
            additionalProperties: false,
            required: ['blue', 'green'],
            properties: { blue: slot, green: slot },
        },
        router,
        url: { type: 'string' },
        retention: {
            description: 'Release-store retention for this environment: a number (its last N deployed releases are kept, default 10) or { keep: N, keep-rollback: K }. Whatever the number, releases live or in a slot anywhere and each environment\'s last K good releases (default 3) are never deleted.',
            oneOf: [
                { type: 'integer', minimum: 1 },
                {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                        keep: { type: 'integer', minimum: 1, description: 'The newest N releases deployed to this environment are kept (default 10).' },
                        'keep-rollback': { type: 'integer', minimum: 1, description: 'Its last K good releases (rollback targets) are kept at any age (default 3).' },
                    },
                },
            ],
        },
        cdn: {
            type: 'object',
            additionalProperties: false,
            required: ['distribution-id'],
            description: 'A CloudFront distribution in front of this environment: deploy-env and rollback invalidate the paths an install changed (one /* when many), and a blue-green switch invalidates /*.',
            properties: {
                'distribution-id': { type: 'string', pattern: '^[A-Z0-9]{6,}$', 'x-expected': 'a CloudFront distribution id such as E2QWRUHEXAMPLE' },
                invalidate: { type: 'array', items: { type: 'string', pattern: '^/' }, description: 'Paths to invalidate instead of the changed ones.' },
                wait: { type: 'boolean', description: 'Wait until the invalidation completed (default true).' },
                endpoint: { type: 'string', pattern: '^https?://' },
            },
        },
        'cache-control': {
            description: 'Cache-Control rules for installed files, `glob: value` one per line or a list (first match wins). Files no rule matches: entry documents (HTML, manifests, service workers) no-cache, content-hashed assets immutable for a year, the rest 5 minutes.',
            oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
        },
        adopt: {
            type: 'boolean',
            description: 'Allow the first deploy into a location that already holds files shipkit did not put there (no install manifest). They stay (installs only delete what they wrote, unless prune: all).',
        },
        prune: {
            enum: ['owned', 'all'],
            description: 'What an install deletes besides the new release: `owned` (default) only files an earlier shipkit install put there (listed in its manifest); `all` every other key under the location — hand-placed files and user uploads too.',
        },
        'restore-on-failure': { type: 'boolean', description: 'command targets: when the deploy command fails, run the deploy command again for the previous release (SHIPKIT_OPERATION=restore).' },
        smoke: smokeSchema,
        preview: {
            type: 'boolean',
            description: "A template for pull request previews (s3 target, direct): `{pr}` (the pull request number) in s3.prefix and in url (`{branch}` may be added, never alone); deploy-env on a pull_request event installs into that pull request's own location with its own ledger (`<environment>/pr-<n>`), remove-preview deletes it.",
        },
        canary: {
            type: 'object',
            additionalProperties: false,
            description: "Progressive delivery for blue-green-switch: the new slot's share of traffic per step, each step analysed with the smoke checks against the new slot and the live URL; a failed analysis returns all traffic to the previous slot. The steps and step-duration inputs win.",
            properties: {
                steps: {
                    description: 'Traffic percentages for the new slot, ascending, ending at 100 (default [100]: a flip), e.g. [10, 50, 100].',
                    oneOf: [
                        { type: 'array', items: { type: 'integer', minimum: 1, maximum: 100 }, minItems: 1 },
                        { type: 'string', pattern: '^\\s*\\d+(\\s*[, ]\\s*\\d+)*\\s*$', 'x-expected': 'percentages such as 10,50,100' },
                    ],
                },
                'step-duration': { ...duration, description: 'How long each step is analysed before the next weight is set (default 60s).' },
                samples: { type: 'integer', minimum: 20, description: "Requests per check and URL during each step (default: the smoke section's samples, else 150; at least 20), spread over the step. With a 5% error budget, 150 samples abort a release failing 10% of requests at its first step 98.6% of the time (docs/design.md)." },
                'max-error-rate': { oneOf: [{ type: 'number', minimum: 0, maximum: 1 }, { type: 'string', pattern: '^\\d+(\\.\\d+)?%$' }], description: 'Error budget of a step (default: the smoke section\'s, else 5%).' },
                'max-p95': { ...duration, description: "p95 latency limit of a step (default: the smoke section's, if any)." },
                analysis: {
                    type: 'array',
                    description: 'Metric checks evaluated at the end of every step, besides the probes; any over its threshold aborts the canary. prometheus: a query (`{slot}`, `{release}`, `{environment}` and `{weight}` are filled in); cloudwatch: the 5xx rate of the new slot\'s target group behind the alb router.',
                    items: {
                        type: 'object',
                        additionalProperties: false,
                        required: ['type', 'max'],
                        properties: {
                            type: { enum: ['prometheus', 'cloudwatch'], description: "prometheus: an instant query (GET /api/v1/query) that must give one number. cloudwatch: sum(HTTPCode_Target_5XX_Count) / sum(RequestCount) of the new slot's target group (AWS/ApplicationELB, GetMetricData over the step's whole minutes); needs the alb router." },
                            name: { type: 'string', description: 'How the abort and the ledger name it (default: <type> <n>).' },
                            url: { type: 'string', pattern: '^https?://', description: "prometheus: the server's base URL, e.g. http://prometheus:9090 (no credentials)." },
                            query: { type: 'string', minLength: 1, description: 'prometheus: PromQL giving one number, e.g. sum(rate(http_requests_total{slot="{slot}",code=~"5.."}[1m])) / sum(rate(http_requests_total{slot="{slot}"}[1m])).' },
                            max: {
                                oneOf: [{ type: 'number' }, { type: 'string', pattern: '^\\d+(\\.\\d+)?%$' }],
                                'x-expected': 'a number (cloudwatch: a rate from 0 to 1, or a percentage such as 5%)',
                                description: 'The step fails when the value is above this, or when there is none. cloudwatch: the highest 5xx rate, 0-1 or a percentage (5%).',
                            },
                            'min-requests': { type: 'integer', minimum: 1, description: 'cloudwatch: requests the new target group must have received in the step\'s window (default 100); fewer fail the step, since no traffic shows nothing (docs/design.md). Make the steps long enough for CloudWatch\'s ALB metrics (published per minute, a few minutes late).' },
                            endpoint: { type: 'string', pattern: '^https?://', description: 'cloudwatch: the CloudWatch API endpoint (default AWS_ENDPOINT_URL_CLOUDWATCH, else AWS in the listener\'s region).' },
                        },
                        allOf: [
                            { if: { properties: { type: { const: 'prometheus' } }, required: ['type'] }, then: { required: ['url', 'query'] } },
                            { if: { properties: { type: { const: 'cloudwatch' } }, required: ['type'] }, then: { not: { anyOf: [{ required: ['url'] }, { required: ['query'] }] } } },
                        ],
                    },
                },
            },
        },
    },
    allOf: [
        { if: { properties: { strategy: { const: 'blue-green' } }, required: ['strategy'] }, then: { required: ['slots', 'router'] } },
        {
            if: { properties: { target: { const: 's3' } }, required: ['target'] },
            then: { if: { properties: { strategy: { const: 'blue-green' } }, required: ['strategy'] }, else: { anyOf: [{ required: ['s3'] }, { required: ['azure'] }] } },
        },
        { if: { properties: { target: { const: 'command' } }, required: ['target'] }, then: { required: ['deploy'] } },
        { if: { properties: { target: { const: 'ecs' } }, required: ['target'] }, then: { required: ['ecs'] } },
        { if: { properties: { target: { const: 'cloud-run' } }, required: ['target'] }, then: { required: ['cloud-run'] } },
        { if: { properties: { target: { const: 'kubernetes' } }, required: ['target'] }, then: { required: ['kubernetes'] } },
    ],
};
const configSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/shipkit/shipkit/schema/shipkit.schema.json',
    title: 'shipkit configuration (.github/shipkit.yml)',
    type: 'object',
    required: ['app'],
    additionalProperties: false,
    properties: {
        $schema: { type: 'string' },
        app: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$', 'x-expected': 'lower-case letters, digits, ".", "_" and "-"', description: 'The application name; names releases and ledger paths.' },
        state: {
            type: 'string',
            pattern: '^(s3://[a-z0-9][a-z0-9.-]+[a-z0-9]|azblob://[a-z0-9]{3,24}/[a-z0-9]+(-[a-z0-9]+)*)(/.*)?$',
            'x-expected': 'an S3 location such as s3://bucket/prefix, or an Azure Blob one such as azblob://account/container/prefix',
            description: 'Ledger and release store: s3://bucket/prefix, or azblob://account/container/prefix on Azure Blob Storage.',
        },
        aws: {
            type: 'object',
            additionalProperties: false,
            properties: {
                region: { type: 'string' },
                endpoint: { type: 'string', pattern: '^https?://' },
                'force-path-style': { type: 'boolean' },
            },
        },
        registry: { type: 'string', description: 'Container registry for build-images, e.g. ghcr.io/acme.' },
        images: { type: 'array', description: 'Images for build-images (same shape as its images input).', items: { type: 'object' } },
        cdn: {
            type: 'object',
            additionalProperties: false,
            properties: {
                bucket: { type: 'string' },
                prefix: { type: 'string' },
                azure: azureLocation,
                'azure-cdn': azureCdn,
                'distribution-id': { type: 'string' },
                'base-url': { type: 'string' },
            },
        },
        environments: {
            type: 'object',
            propertyNames: { pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$' },
            additionalProperties: environment,
        },
        lock: {
            type: 'object',
            additionalProperties: false,
            description: 'The environment lease: one deploy, switch or rollback at a time per environment.',
            properties: {
                timeout: { ...duration, description: 'How long a run waits for an environment another run holds (default 10m; 0 = fail at once). The lock-timeout input wins.' },
                expiry: { ...duration, description: "A holder's lease expires this long after its last renewal (default 10m), so a killed run never locks an environment forever." },
            },
        },
        smoke: smokeSchema,
    },
};

;// CONCATENATED MODULE: ./packages/core/src/store.ts
/**
 * Where objects live. The transfer engine, the ledger and the lease speak one store interface (the
 * S3 operations they use: list, get, head, put with conditions, copy, multipart, delete); an
 * Azure Blob container travels through it as the "bucket" `<account>/<container>` — S3 bucket
 * names never hold a slash, so the two can never be confused — and @shipkit/azure serves it.
 */
/** Azure storage account names: 3-24 lower-case letters and digits. */
const AZURE_ACCOUNT = /^[a-z0-9]{3,24}$/;
/** Azure container names: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit; or `$web` (static website hosting) and `$root`. */
const AZURE_CONTAINER = /^(\$web|\$root|(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*)$/;
function azureBucket(account, container) {
    return `${account}/${container}`;
}
/** The account and container of an Azure "bucket" (`<account>/<container>`); undefined for an S3 bucket. */
function parseAzureBucket(bucket) {
    if (!bucket || !bucket.includes('/'))
        return undefined;
    const [account, container, ...rest] = bucket.split('/');
    if (rest.length || !AZURE_ACCOUNT.test(account) || !AZURE_CONTAINER.test(container))
        return undefined;
    return { account, container };
}
function isAzureBucket(bucket) {
    return parseAzureBucket(bucket) !== undefined;
}
/** `s3://bucket/key` or `azblob://account/container/key` (without a key: `s3://bucket`): how messages name a location. */
function storeUrl(bucket, key) {
    const base = `${isAzureBucket(bucket) ? 'azblob' : 's3'}://${bucket}`;
    return key === undefined ? base : `${base}/${key.replace(/^\/+/, '')}`;
}
/** A connection string's fields, names lower-cased (`accountname`, `blobendpoint`, ...). */
function connectionStringFields(connectionString) {
    return new Map(connectionString
        .split(';')
        .map((part) => part.trim())
        .filter((part) => part.includes('='))
        .map((part) => {
        const at = part.indexOf('=');
        return [part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim()];
    }));
}
/**
 * The account a connection string is for: its AccountName, else the account its BlobEndpoint
 * names (a SAS connection string from the portal has no AccountName): the host's first label
 * (`https://<account>.blob.core.windows.net`) or, path-style, the first path segment (emulators,
 * IP endpoints: `http://127.0.0.1:10000/<account>`).
 */
function connectionStringAccount(connectionString) {
    const fields = connectionStringFields(connectionString);
    const named = fields.get('accountname');
    if (named)
        return named;
    const endpoint = fields.get('blobendpoint');
    if (!endpoint)
        return undefined;
    try {
        const url = new URL(endpoint);
        const host = /^([a-z0-9]{3,24})\.blob\./i.exec(url.hostname);
        return host ? host[1].toLowerCase() : url.pathname.split('/').find(Boolean);
    }
    catch {
        return undefined;
    }
}
/**
 * An account's blob endpoint: AZURE_STORAGE_CONNECTION_STRING's BlobEndpoint when it is for that
 * account; else SHIPKIT_AZURE_BLOB_ENDPOINT with `{account}` filled in (another cloud, e.g.
 * `https://{account}.blob.core.chinacloudapi.cn`, or an emulator); else
 * https://<account>.blob.core.windows.net.
 */
function blobEndpoint(account, env = process.env) {
    const fields = connectionStringFields(env.AZURE_STORAGE_CONNECTION_STRING ?? '');
    const endpoint = connectionStringAccount(env.AZURE_STORAGE_CONNECTION_STRING ?? '') === account ? fields.get('blobendpoint') : undefined;
    const template = env.SHIPKIT_AZURE_BLOB_ENDPOINT?.trim();
    return (endpoint ?? (template ? template.replaceAll('{account}', account) : `https://${account}.blob.core.windows.net`)).replace(/\/+$/, '');
}

;// CONCATENATED MODULE: ./packages/core/src/config.ts







const DEFAULT_CONFIG_PATH = '.github/shipkit.yml';
/** A config is a page of YAML; anything larger is the wrong file. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** Turns ajv's `/environments/staging/strategy` into ['environments','staging','strategy']. */
function pointerToPath(pointer) {
    if (!pointer)
        return [];
    return pointer.slice(1).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}
function fieldName(fieldPath) {
    return fieldPath.reduce((text, part) => (/^\d+$/.test(String(part)) ? `${text}[${part}]` : text ? `${text}.${part}` : String(part)), '');
}
function nodeAt(doc, fieldPath) {
    let node = doc.contents;
    for (const part of fieldPath) {
        if ((0,dist.isMap)(node))
            node = node.items.find((pair) => (0,dist.isScalar)(pair.key) && String(pair.key.value) === String(part))?.value ?? undefined;
        else if ((0,dist.isSeq)(node))
            node = node.items[Number(part)];
        else
            return undefined;
    }
    return node;
}
function keyNodeAt(doc, fieldPath) {
    const parent = nodeAt(doc, fieldPath.slice(0, -1));
    const last = fieldPath[fieldPath.length - 1];
    if ((0,dist.isMap)(parent))
        return parent.items.find((pair) => (0,dist.isScalar)(pair.key) && String(pair.key.value) === String(last))?.key;
    return undefined;
}
function describeError(error) {
    const at = pointerToPath(error.instancePath);
    const params = error.params;
    switch (error.keyword) {
        case 'additionalProperties': {
            const name = String(params.additionalProperty);
            const known = Object.keys(error.parentSchema?.properties ?? {});
            const meant = didYouMean(name, known);
            const expected = meant ? `: did you mean "${meant}"?` : known.length ? `: expected one of ${known.join(', ')}` : '';
            return { path: [...at, name], message: `unknown field "${name}"${expected}` };
        }
        case 'required':
            return { path: at, message: `missing required field "${String(params.missingProperty)}"` };
        case 'enum':
            return { path: at, message: `must be one of ${params.allowedValues.join(', ')}` };
        case 'const':
            return { path: at, message: `must be ${JSON.stringify(params.allowedValue)}` };
        case 'pattern': {
            const expected = error.parentSchema?.['x-expected'];
            return { path: at, message: expected ? `must be ${expected}` : (error.message ?? 'is invalid') };
        }
        case 'propertyNames':
            return { path: at, message: `has an invalid name "${String(params.propertyName)}"` };
        default:
            return { path: at, message: error.message ?? 'is invalid' };
    }
}
/** Edit distance (insert, delete, substitute, swap two neighbours), for did-you-mean. */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.length][b.length];
}
/**
 * The known name an unknown one most likely meant (`stratgy` -> `strategy`, `Strategy`,
 * `strategy_`, `expect_status` -> `expect-status`), or undefined when none is close.
 */
function didYouMean(name, known) {
    const plain = (value) => value.toLowerCase().replace(/[-_ ]/g, '');
    let best;
    for (const candidate of known) {
        const distance = plain(candidate) === plain(name) ? 0 : editDistance(name.toLowerCase(), candidate.toLowerCase());
        if (distance <= Math.max(1, Math.min(3, Math.floor(candidate.length / 3))) && (!best || distance < best.distance))
            best = { name: candidate, distance };
    }
    return best?.name;
}
/**
 * Picks the most useful errors: drops oneOf/if summaries when a more precise error exists; an
 * unknown field comes first, and the "missing required field" errors of the same object are
 * dropped with it (a misspelt `stratgy` makes the schema read the environment as another kind:
 * what it then finds missing is a consequence of the typo, not a second mistake).
 */
function usefulErrors(errors) {
    // A misspelt field (one with a did-you-mean); an unknown field that resembles nothing leaves the rest reported.
    const misspelt = (error) => error.keyword === 'additionalProperties' &&
        didYouMean(String(error.params.additionalProperty), Object.keys(error.parentSchema?.properties ?? {})) !== undefined;
    const unknownAt = new Set(errors.filter(misspelt).map((error) => error.instancePath));
    const precise = errors
        .filter((error) => !['oneOf', 'anyOf', 'if', 'allOf'].includes(error.keyword))
        .filter((error) => !(error.keyword === 'required' && unknownAt.has(error.instancePath)))
        .sort((a, b) => Number(b.keyword === 'additionalProperties') - Number(a.keyword === 'additionalProperties'));
    const byPath = new Map();
    for (const error of precise.length ? precise : errors) {
        const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
        if (!byPath.has(key))
            byPath.set(key, [error]);
    }
    // From a oneOf, ajv reports every branch's failure; keep the first per field to avoid noise.
    const seen = new Set();
    const result = [];
    for (const [, [error]] of byPath) {
        const field = error.keyword === 'additionalProperties' || error.keyword === 'required' ? `${error.instancePath}|${JSON.stringify(error.params)}` : error.instancePath;
        if (seen.has(field))
            continue;
        seen.add(field);
        result.push(error);
    }
    return result;
}
/**
 * Parses and validates a config document. Errors name the file, line, column and field:
 * `.github/shipkit.yml:7:15: environments.staging.strategy must be one of direct, blue-green (got "bleu")`.
 */
function parseConfig(text, file) {
    const { value, locate } = parseYamlWithSchema(text, {
        source: file,
        schema: configSchema,
        what: `config ${file}`,
        hint: 'The schema is schema/shipkit.schema.json in the shipkit repository; add `# yaml-language-server: $schema=...` for editor checks.',
    });
    const config = (value ?? {});
    normalizeAzureLocations(config, locate);
    return { config, file, locate };
}
/**
 * `azure: { account, container, prefix }` becomes the S3Location every consumer reads, with the
 * bucket `<account>/<container>` (store.ts): one engine, two backends. `s3` and `azure` together
 * are refused naming the place, and so is an environment with both a CloudFront `cdn` and an `azure-cdn`.
 */
function normalizeAzureLocations(config, locate) {
    const convert = (holder, at) => {
        if (!holder?.azure)
            return;
        if (holder.s3)
            throw new ShipkitError(`${locate([...at, 'azure'])}: ${[...at].join('.')} sets both s3 and azure: expected one location.`);
        holder.s3 = { bucket: azureBucket(holder.azure.account, holder.azure.container), ...(holder.azure.prefix !== undefined ? { prefix: holder.azure.prefix } : {}) };
        delete holder.azure;
    };
    for (const [name, environment] of Object.entries(config.environments ?? {})) {
        if (environment.cdn && environment['azure-cdn']) {
            throw new ShipkitError(`${locate(['environments', name, 'azure-cdn'])}: environments.${name} sets both cdn (CloudFront ${environment.cdn['distribution-id']}) and azure-cdn: expected the one CDN in front of it.`);
        }
        convert(environment, ['environments', name]);
        for (const slot of ['blue', 'green'])
            convert(environment.slots?.[slot], ['environments', name, 'slots', slot]);
    }
    const cdn = config.cdn;
    if (cdn?.azure) {
        if (cdn.bucket)
            throw new ShipkitError(`${locate(['cdn', 'azure'])}: cdn sets both bucket and azure: expected one location.`);
        cdn.bucket = azureBucket(cdn.azure.account, cdn.azure.container);
        if (cdn.azure.prefix !== undefined && cdn.prefix !== undefined) {
            throw new ShipkitError(`${locate(['cdn', 'azure', 'prefix'])}: cdn sets both prefix (${JSON.stringify(cdn.prefix)}) and azure.prefix (${JSON.stringify(cdn.azure.prefix)}): expected one of them.`);
        }
        if (cdn.azure.prefix !== undefined)
            cdn.prefix = cdn.azure.prefix;
        delete cdn.azure;
    }
}
/**
 * Loads the config file. A missing default file yields undefined (everything may come from
 * inputs); a missing file that was asked for by name is an error.
 */
function loadConfig(file, workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()) {
    const given = file?.trim();
    const relative = given || DEFAULT_CONFIG_PATH;
    const absolute = external_node_path_default().resolve(workspace, relative);
    if (!(0,external_node_fs_.existsSync)(absolute)) {
        if (!given || given === DEFAULT_CONFIG_PATH)
            return undefined;
        throw new ShipkitError(`Input "config" names ${showValue(given)}, but there is no such file (looked at ${showValue(absolute)}).`, {
            hint: 'Paths are relative to the workspace; check out the repository before this step.',
        });
    }
    const stats = (0,external_node_fs_.statSync)(absolute);
    if (!stats.isFile()) {
        throw new ShipkitError(`Input "config" names ${showValue(given ?? relative)}, which is not a file: expected a YAML file such as .github/shipkit.yml.`);
    }
    if (stats.size > MAX_CONFIG_BYTES) {
        throw new ShipkitError(`Input "config" names ${showValue(given ?? relative)}, which holds ${stats.size} bytes: expected a shipkit config of at most ${MAX_CONFIG_BYTES} bytes.`);
    }
    const text = (0,external_node_fs_.readFileSync)(absolute, 'utf8');
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) {
        throw new ShipkitError(`Input "config" names ${showValue(given ?? relative)}, which is not a text file (it holds control characters): expected a YAML file such as .github/shipkit.yml.`);
    }
    return parseConfig(text, relative);
}
/** Loads the config and requires it to exist, naming what needs it. */
function requireConfig(file, purpose, workspace) {
    const loaded = loadConfig(file, workspace);
    if (!loaded) {
        throw new ShipkitError(`No config file ${file?.trim() || DEFAULT_CONFIG_PATH} was found, and ${purpose} needs one.`, {
            hint: 'Create .github/shipkit.yml (see examples/shipkit.yml) or pass the "config" input.',
        });
    }
    return loaded;
}
/** Looks up an environment by name, listing the defined ones when it is not there. */
function environmentConfig(loaded, name) {
    const environments = loaded.config.environments ?? {};
    const found = Object.hasOwn(environments, name) ? environments[name] : undefined;
    if (!found) {
        const known = Object.keys(environments);
        throw new ShipkitError(`Input "environment" has an invalid value ${JSON.stringify(name)}: expected one of the environments in ${loaded.file} (${known.length ? known.join(', ') : 'none defined'}).`);
    }
    return found;
}
const compiledSchemas = new WeakMap();
/**
 * Parses YAML (or JSON) text and validates it against a JSON Schema, with errors like parseConfig's:
 * each names the place (`source:line:col`), the field and the problem. `source` is a file name or
 * a description such as `input "checks"`; `what` names the document in the error's first line.
 */
function parseYamlWithSchema(text, options) {
    const { source } = options;
    const lineCounter = new dist.LineCounter();
    const doc = dist.parseDocument(text, { lineCounter, prettyErrors: false });
    const position = (offset) => {
        if (offset === undefined)
            return source;
        const { line, col } = lineCounter.linePos(offset);
        return `${source}:${line}:${col}`;
    };
    if (doc.errors.length) {
        const first = doc.errors[0];
        throw new ShipkitError(`${position(first.pos[0])}: invalid YAML: ${first.message.split('\n')[0]}`, {
            hint: 'Check the indentation and quoting around that line.',
        });
    }
    let value;
    try {
        // Aliases expand: a few lines can otherwise unfold into gigabytes (a "billion laughs" document).
        value = doc.toJS({ maxAliasCount: 100 }) ?? null;
    }
    catch (error) {
        throw new ShipkitError(`${source}: invalid YAML: ${errorMessage(error).split('\n')[0].slice(0, 200)}`, {
            hint: 'The document uses too many aliases (*name) or an alias to nothing; write the values out.',
        });
    }
    const locate = (fieldPath) => {
        const node = nodeAt(doc, fieldPath) ?? keyNodeAt(doc, fieldPath);
        return position(node?.range?.[0]);
    };
    let check = compiledSchemas.get(options.schema);
    if (!check) {
        check = new ajv.Ajv({ allErrors: true, strict: false, verbose: true }).compile(options.schema);
        compiledSchemas.set(options.schema, check);
    }
    if (!check(value)) {
        const lines = usefulErrors(check.errors ?? []).map((error) => {
            const { path: fieldPath, message } = describeError(error);
            const node = error.keyword === 'additionalProperties' ? keyNodeAt(doc, fieldPath) : nodeAt(doc, fieldPath);
            // What was found, never more of it than an error may quote (a wrong file could hold anything).
            const found = node && (0,dist.isScalar)(node) && error.keyword !== 'additionalProperties' ? ` (got ${showValue(node.value)})` : '';
            const name = fieldName(fieldPath) || '(top level)';
            return `${position(node?.range?.[0] ?? nodeAt(doc, fieldPath.slice(0, -1))?.range?.[0])}: ${name} ${message}${found}`;
        });
        throw new ShipkitError(`Invalid ${options.what ?? source}:\n${lines.join('\n')}`, { hint: options.hint });
    }
    return { value: value, locate };
}

;// CONCATENATED MODULE: ./packages/core/src/context.ts


function readContext(env = process.env) {
    let payload = {};
    const eventPath = env.GITHUB_EVENT_PATH;
    if (eventPath && (0,external_node_fs_.existsSync)(eventPath)) {
        payload = JSON.parse((0,external_node_fs_.readFileSync)(eventPath, 'utf8'));
    }
    const repository = payload.repository;
    const pullRequest = (payload.pull_request ?? undefined);
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        ref: env.GITHUB_REF ?? '',
        sha: env.GITHUB_SHA ?? '',
        repository: env.GITHUB_REPOSITORY ?? '',
        serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
        runId: env.GITHUB_RUN_ID ?? '',
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
        actor: env.GITHUB_ACTOR ?? '',
        workflow: env.GITHUB_WORKFLOW ?? '',
        job: env.GITHUB_JOB ?? '',
        workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
        defaultBranch: repository?.default_branch,
        pullRequestNumber: pullRequest?.number ?? (typeof payload.number === 'number' ? payload.number : undefined),
        payload,
    };
}
function runUrl(context) {
    if (!context.repository || !context.runId)
        return undefined;
    return `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`;
}
function repositoryUrl(context) {
    return context.repository ? `${context.serverUrl}/${context.repository}` : undefined;
}
/** The branch or tag name behind a ref, and which it is. */
function parseRef(ref) {
    if (ref.startsWith('refs/heads/'))
        return { kind: 'branch', name: ref.slice('refs/heads/'.length) };
    if (ref.startsWith('refs/tags/'))
        return { kind: 'tag', name: ref.slice('refs/tags/'.length) };
    const pull = /^refs\/pull\/(\d+)\//.exec(ref);
    if (pull)
        return { kind: 'pull', name: pull[1] };
    return { kind: 'other', name: ref };
}
const RELEASE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** Makes text safe for a release id or tag: only [A-Za-z0-9._-], no leading separator. */
function sanitizeName(text, maxLength = 128) {
    return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, maxLength).replace(/[.-]+$/, '');
}
/**
 * The release id for a ref: the tag itself (`v1.2.3`) for tags, `<branch>-<short sha>` for
 * branches, `pr-<n>-<short sha>` for pull requests.
 */
function releaseIdFromRef(ref, sha) {
    const short = sha.slice(0, 7);
    const parsed = parseRef(ref);
    let id;
    if (parsed.kind === 'tag')
        id = sanitizeName(parsed.name);
    else if (parsed.kind === 'pull')
        id = `pr-${parsed.name}-${short}`;
    else if (parsed.kind === 'branch')
        id = `${sanitizeName(parsed.name, 100)}-${short}`;
    else
        id = short;
    if (!RELEASE_ID.test(id)) {
        throw new ShipkitError(`Cannot derive a release id from ref ${JSON.stringify(ref)} and sha ${JSON.stringify(sha)}.`, {
            hint: 'Pass the "release" input explicitly.',
        });
    }
    return id;
}
/** Validates a release id given by a user. */
function checkReleaseId(name, value) {
    if (!RELEASE_ID.test(value)) {
        throw new ShipkitError(`Input "${name}" has an invalid value ${JSON.stringify(value)}: expected a release id of letters, digits, ".", "_" and "-" (at most 128, starting with a letter or digit).`);
    }
    return value;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(1260);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./packages/core/src/exec.ts







/**
 * Where a command's output goes while it runs: whole lines, each through the redaction (a secret
 * split across two chunks of output is still one line), to the log.
 */
class RedactingLines extends external_node_stream_.Writable {
    target;
    secrets;
    pending = '';
    decoder = new TextDecoder('utf8');
    constructor(target, secrets) {
        super();
        this.target = target;
        this.secrets = secrets;
    }
    _write(chunk, _encoding, callback) {
        this.pending += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
        const end = Math.max(this.pending.lastIndexOf('\n'), this.pending.lastIndexOf('\r'));
        if (end >= 0) {
            this.target.write(redact(this.pending.slice(0, end + 1), this.secrets));
            this.pending = this.pending.slice(end + 1);
        }
        callback();
    }
    /** Writes what is left of the last line. */
    flush() {
        this.pending += this.decoder.decode();
        if (this.pending)
            this.target.write(redact(this.pending, this.secrets));
        this.pending = '';
    }
}
/**
 * Runs a program with an argument array (never a shell string), captures its output, masks
 * secrets, and by default fails with the command's own last words.
 */
async function exec_exec(command, args, options = {}) {
    const secrets = (options.secrets ?? []).filter(Boolean);
    for (const secret of secrets)
        if (!addSecret(secret))
            core/* setSecret */.Pq(secret);
    const env = {};
    // The action's inputs (INPUT_*: the GitHub token among them) never reach a command shipkit starts;
    // values a command needs arrive on purpose through options.env (the config's env:, SHIPKIT_*).
    for (const [key, value] of Object.entries(process.env))
        if (value !== undefined && !key.startsWith('INPUT_'))
            env[key] = value;
    for (const [key, value] of Object.entries(options.env ?? {}))
        if (value !== undefined)
            env[key] = value;
    let result;
    // The command's output goes to the log as it runs, but it may never issue workflow commands.
    const stopToken = options.silent ? undefined : `shipkit-${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
    if (stopToken)
        process.stdout.write(`::stop-commands::${stopToken}\n`);
    const outStream = new RedactingLines(process.stdout, secrets);
    const errStream = new RedactingLines(process.stderr, secrets);
    try {
        result = await exec/* getExecOutput */.H(command, [...args], {
            cwd: options.cwd,
            env,
            input: options.input === undefined ? undefined : Buffer.from(options.input),
            silent: options.silent ?? false,
            outStream,
            errStream,
            ignoreReturnCode: true,
        });
    }
    catch (error) {
        throw new ShipkitError(`Could not run ${options.label ?? command}: ${redact(String(error.message ?? error), secrets)}`, {
            hint: `Check that "${command}" is installed and on PATH.`,
        });
    }
    finally {
        outStream.flush();
        errStream.flush();
        if (stopToken) {
            // Its own line (the output may not end with a newline), in its own write: the runner resumes commands here.
            process.stdout.write('\n');
            process.stdout.write(`::${stopToken}::\n`);
        }
    }
    result = { exitCode: result.exitCode, stdout: redact(result.stdout, secrets), stderr: redact(result.stderr, secrets) };
    if ((options.check ?? true) && result.exitCode !== 0) {
        const tail = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-10).join('\n');
        throw new ExecError(options.label ?? command, result.exitCode, tail);
    }
    return result;
}
/**
 * A command shipkit ran exited non-zero. Its message quotes the command's last lines for the log
 * (masked by the runner); `summary` says only which command failed and how, for anything that is
 * kept or published (the ledger, GitHub deployment statuses).
 */
class ExecError extends ShipkitError {
    label;
    exitCode;
    constructor(label, exitCode, tail) {
        super(`${label} failed with exit code ${exitCode}${tail ? `:\n${tail}` : '.'}`);
        this.label = label;
        this.exitCode = exitCode;
        this.name = 'ExecError';
    }
    get summary() {
        return `${this.label} failed with exit code ${this.exitCode} (its output is in the run log)`;
    }
}
/**
 * What may be kept about an error outside the log (ledger records, GitHub): a failed command is
 * described by its label and exit code only — never its output, which may hold secrets the runner
 * masks in the log but nowhere else.
 */
function publicErrorSummary(error) {
    for (let current = error, depth = 0; current && depth < 8; current = current.cause, depth++) {
        if (current instanceof ExecError)
            return current.summary;
    }
    return redact(errorMessage(error));
}

;// CONCATENATED MODULE: ./packages/core/src/inputs.ts






/**
 * Typed action inputs. Every reader takes the input's name as written in action.yml and throws a
 * ShipkitError naming the input, the value and what was expected. Empty means "not given".
 */
function getString(name, options = {}) {
    const value = core/* getInput */.V4(name).trim();
    if (!value && options.required) {
        throw new ShipkitError(`Input "${name}" is required but was not given.`);
    }
    return value;
}
function getOptional(name) {
    return getString(name) || undefined;
}
function parseBoolean(name, value) {
    const lower = value.trim().toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(lower))
        return true;
    if (['false', 'no', 'off', '0'].includes(lower))
        return false;
    throw invalidInput(name, value, 'true or false');
}
function getBoolean(name, fallback = false) {
    const value = getString(name);
    return value ? parseBoolean(name, value) : fallback;
}
/** Splits a list given one item per line or separated by commas; blank items and `#` comments dropped. */
function parseList(value, options = {}) {
    const comma = options.comma ?? true;
    return value
        .split(/\r?\n/)
        .flatMap((line) => (comma ? line.split(',') : [line]))
        .map((item) => item.trim())
        .filter((item) => item && !item.startsWith('#'));
}
function getList(name, options = {}) {
    return parseList(core/* getInput */.V4(name), options);
}
function getDuration(name, fallback) {
    const value = getString(name) || fallback;
    return value === undefined ? undefined : parseDuration(value, name);
}
function parseNumber(name, value, options = {}) {
    const number = Number(value.trim());
    const bounds = [
        options.min !== undefined ? `at least ${options.min}` : '',
        options.max !== undefined ? `at most ${options.max}` : '',
    ].filter(Boolean).join(' and ');
    const expected = `${options.integer ? 'a whole number' : 'a number'}${bounds ? ` ${bounds}` : ''}`;
    if (value.trim() === '' || !Number.isFinite(number))
        throw invalidInput(name, value, expected);
    if (options.integer && !Number.isInteger(number))
        throw invalidInput(name, value, expected);
    if (options.min !== undefined && number < options.min)
        throw invalidInput(name, value, expected);
    if (options.max !== undefined && number > options.max)
        throw invalidInput(name, value, expected);
    return number;
}
function getNumber(name, fallback, options = {}) {
    const value = getString(name);
    return value ? parseNumber(name, value, options) : fallback;
}
/** A percentage or ratio: `5%` or `0.05` both mean 0.05. */
function parseRatio(name, value) {
    const text = value.trim();
    const ratio = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
    if (!text || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
        throw invalidInput(name, value, 'a ratio between 0 and 1, or a percentage such as 5%');
    }
    return ratio;
}
function parseEnum(name, value, allowed) {
    const text = value.trim();
    if (allowed.includes(text))
        return text;
    throw invalidInput(name, value, `one of ${allowed.join(', ')}`);
}
function getEnum(name, allowed, fallback) {
    const value = getString(name);
    return value ? parseEnum(name, value, allowed) : fallback;
}
/** JSON or YAML (YAML is a superset of JSON), so `[a, b]`, a block list or a JSON document all work. */
function parseStructured(name, value) {
    try {
        return dist.parse(value, { prettyErrors: true, maxAliasCount: 100 });
    }
    catch (error) {
        const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw invalidInput(name, value, `valid YAML or JSON (${detail.slice(0, 200)})`);
    }
}
function getStructured(name) {
    const value = core/* getInput */.V4(name);
    return value.trim() ? parseStructured(name, value) : undefined;
}
/** Reads a secret input and masks it before anything else can print it. */
function getSecret(name) {
    const value = core/* getInput */.V4(name);
    if (!value)
        return undefined;
    core/* setSecret */.Pq(value);
    return value;
}
function expectArray(name, value) {
    if (Array.isArray(value))
        return value;
    throw new ShipkitError(`Input "${name}" has an invalid value ${showValue(value)}: expected a list.`);
}
/**
 * An absolute http(s) URL without credentials (a `user:password@` would end up in logs, the ledger
 * and GitHub). Throws naming `name`, with any password in the value redacted.
 */
function checkHttpUrl(name, value, options = {}) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw invalidInput(name, value, 'an absolute http:// or https:// URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw invalidInput(name, value, 'an absolute http:// or https:// URL');
    if ((url.username || url.password) && !options.allowCredentials) {
        throw invalidInput(name, value, 'a URL without credentials (user:password@ would end up in logs and records)', 'Send credentials as a header from a secret instead, e.g. smoke check headers: { Authorization: "Bearer ${TOKEN}" }.');
    }
    return value;
}
/**
 * A file input or output resolved against the workspace, which must stay inside the workspace or
 * RUNNER_TEMP (a `../..` or an absolute path elsewhere would publish or overwrite files the job
 * never meant to: the runner's home, another checkout, the config itself). Symlinks are followed.
 */
function resolveInside(name, value, options) {
    const absolute = external_node_path_default().resolve(options.workspace, value);
    if (options.allowOutside)
        return absolute;
    const real = (file) => {
        // The deepest existing ancestor decides (the file itself may not exist yet).
        let current = file;
        let rest = '';
        for (;;) {
            try {
                return external_node_path_default().join((0,external_node_fs_.realpathSync)(current), rest);
            }
            catch {
                const parent = external_node_path_default().dirname(current);
                if (parent === current)
                    return file;
                rest = external_node_path_default().join(external_node_path_default().basename(current), rest);
                current = parent;
            }
        }
    };
    const roots = [options.workspace, (options.env ?? process.env).RUNNER_TEMP, ...(options.roots ?? [])].filter((root) => !!root).map((root) => real(external_node_path_default().resolve(root)));
    const target = real(absolute);
    if (roots.some((root) => target === root || target.startsWith(`${root}${(external_node_path_default()).sep}`)))
        return absolute;
    throw invalidInput(name, value, `${options.expected ?? `a ${options.kind ?? 'path'} inside the workspace or RUNNER_TEMP`} (it resolves to ${target})`);
}
/**
 * Reads a file named by the config or an input (a task definition, a checks file, an ignore
 * file): resolved by its REAL path (symlinks followed), which must lie inside the workspace or
 * RUNNER_TEMP (resolveInside), and must be a regular file of at most `maxBytes`. Errors name the
 * field and the path, never the file's content: a symlink to a secrets file (or to
 * /proc/self/environ) is refused before a byte of it is read.
 */
function readFileInside(name, value, options) {
    const kind = options.kind ?? 'file';
    const file = resolveInside(name, value, { ...options, kind });
    let stats;
    try {
        stats = (0,external_node_fs_.statSync)(file);
    }
    catch {
        throw new ShipkitError(`${fieldLabel(name)} names ${showValue(value)}, which does not exist (looked at ${file}).`, { hint: 'Paths are relative to the workspace; check out the repository before this step.' });
    }
    if (!stats.isFile())
        throw new ShipkitError(`${fieldLabel(name)} names ${showValue(value)}, which is not a regular file (looked at ${file}).`);
    const maxBytes = options.maxBytes ?? 1024 * 1024;
    if (stats.size > maxBytes)
        throw invalidInput(name, value, `a ${kind} of at most ${maxBytes} bytes (it holds ${stats.size})`);
    return { file, text: (0,external_node_fs_.readFileSync)(file, 'utf8') };
}
const fieldLabel = (name) => (/:|\./.test(name) ? name : `Input "${name}"`);
/**
 * JSON.parse for a file's text whose error says where the text is invalid but never quotes it
 * (V8's message quotes the first bytes, which may be a secret).
 */
function parseJsonFile(text, what) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : '';
        const at = /at position (\d+)(?: \(line (\d+) column (\d+)\))?/.exec(message);
        const where = at ? (at[2] ? `line ${at[2]}, column ${at[3]}` : `position ${at[1]}`) : /end of JSON input/.test(message) ? 'it ends early' : 'its first characters are not JSON';
        throw new ShipkitError(`${what} is not valid JSON (${where}).`);
    }
}

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
var external_node_v8_default = /*#__PURE__*/__webpack_require__.n(external_node_v8_);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
var external_node_vm_default = /*#__PURE__*/__webpack_require__.n(external_node_vm_);
;// CONCATENATED MODULE: ./packages/core/src/memory.ts


let collector;
/**
 * The heap in use above which a long transfer (hashing, uploading or copying tens of thousands of
 * files) collects. Their live data is 20-40 MB with 20,000 files; V8 lets the garbage grow to
 * about twice that before it collects on its own, and each collection here costs 10-30 ms.
 */
const TRANSFER_HEAP_BYTES = 48 * 1024 * 1024;
/**
 * Keeps a long transfer's memory bounded: when the heap in use passes `thresholdBytes`, runs a
 * full garbage collection. V8 otherwise lets garbage from tens of thousands of short requests (the
 * AWS SDK allocates per request, and in-flight requests outlive the young generation) pile up to
 * several hundred MB before it collects; an action runner has no flags to set, so the collector is
 * reached the way Node documents for it (`--expose-gc`, set at run time, and `gc` from a new context).
 */
function collectGarbageAbove(thresholdBytes) {
    if (process.memoryUsage().heapUsed < thresholdBytes)
        return false;
    if (collector === undefined) {
        try {
            external_node_v8_default().setFlagsFromString('--expose-gc');
            collector = external_node_vm_default().runInNewContext('gc');
        }
        catch {
            collector = null;
        }
    }
    collector?.();
    return !!collector;
}

;// CONCATENATED MODULE: ./packages/core/src/timing.ts
/** Adds the time since `started` (performance.now()) to `timings[phase]`: where a run's time goes, for the benchmarks. */
function addTiming(timings, phase, started) {
    if (timings)
        timings[phase] = (timings[phase] ?? 0) + (performance.now() - started);
}

;// CONCATENATED MODULE: ./packages/core/src/retry.ts


/** Waits `ms`; resolves early (never rejects) when `signal` aborts. */
function sleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}
/**
 * The wait before look number `poll` (0-based) at something that changes on its own (a rollout, an
 * operation): FIRST_POLL_MS doubling up to `maxMs`. A rollout that is done at once is seen done
 * after a quarter of a second rather than a whole one; a long one is looked at every `maxMs`
 * after the first few seconds, so the extra looks are two or three per rollout.
 */
const FIRST_POLL_MS = 250;
function pollDelay(poll, maxMs) {
    return Math.min(FIRST_POLL_MS * 2 ** poll, maxMs);
}
/** Full-jitter exponential backoff: a random delay in [delay/2, delay], delay = base * 2^(attempt-1). */
function backoffDelay(attempt, baseDelayMs, maxDelayMs, random = Math.random) {
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
/**
 * Runs `fn` until it succeeds, the attempts are spent, the error is not retryable or the deadline
 * would pass; then rethrows the last error.
 */
async function retry(fn, options = {}) {
    const attempts = options.attempts ?? 5;
    const base = options.baseDelayMs ?? 500;
    const max = options.maxDelayMs ?? 10_000;
    const wait = options.sleep ?? sleep;
    const started = Date.now();
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (error) {
            if (attempt >= attempts || (options.retryable && !options.retryable(error)))
                throw error;
            let delay = backoffDelay(attempt, base, max, options.random);
            if (options.deadlineMs !== undefined) {
                const left = options.deadlineMs - (Date.now() - started);
                if (left <= 0)
                    throw error;
                delay = Math.min(delay, left);
            }
            if (options.onRetry)
                options.onRetry(error, attempt, delay);
            else
                core/* info */.pq(`${options.label ?? 'Attempt'} failed (${errorMessage(error)}); retry ${attempt}/${attempts - 1} in ${delay}ms`);
            await wait(delay);
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/summary.ts


/** Escapes text for a Markdown table cell. */
function cell(value) {
    if (value === null || value === undefined || value === '')
        return '—';
    return String(value).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
function markdownTable(headers, rows) {
    const lines = [`| ${headers.map(cell).join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`];
    for (const row of rows)
        lines.push(`| ${row.map(cell).join(' | ')} |`);
    return `${lines.join('\n')}\n`;
}
/** Appends a heading, optional text and a table to the step summary and writes it. */
async function writeSummary(section) {
    let markdown = `### ${section.title}\n\n`;
    if (section.text)
        markdown += `${section.text}\n\n`;
    if (section.headers && section.rows)
        markdown += `${markdownTable(section.headers, section.rows)}\n`;
    if (section.details)
        markdown += `${section.details}\n\n`;
    await writeSummaryMarkdown(markdown);
}
/** Appends Markdown to the step summary (redacted; see redact.ts), or to the log outside a runner. */
async function writeSummaryMarkdown(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY) {
        core/* info */.pq(markdown);
        return;
    }
    await core/* summary */.z.addRaw(redact(markdown)).write();
}

;// CONCATENATED MODULE: ./packages/core/src/files.ts


/** Files up to this size are read (and hashed) in one piece; larger ones are streamed. */
const ONE_READ_BYTES = 1024 * 1024;
const readInto = (fd, buffer, offset) => new Promise((resolve, reject) => (0,external_node_fs_.read)(fd, buffer, offset, buffer.length - offset, offset, (error, count) => (error ? reject(error) : resolve(count))));
/**
 * The bytes of a file whose size is known (from a stat or a plan): one open, reads until the end,
 * one close, on a plain descriptor. Thousands of small files are read this way: a FileHandle per
 * file, or readFile's extra fstat and promise steps, cost more CPU than the reads (measured: 40%
 * less for 2,000 files), and the reads stay asynchronous, so a slow disk is still read in parallel.
 * Returns undefined when the file no longer has `size` bytes (it changed since it was measured):
 * the caller never gets a shortened or padded body.
 */
function readKnownSize(file, size, scratch) {
    return new Promise((resolve, reject) => {
        (0,external_node_fs_.open)(file, 'r', (openError, fd) => {
            if (openError)
                return reject(openError);
            // One byte more than expected: a file that grew reads past `size` and is reported as changed.
            const buffer = scratch && scratch.length >= size + 1 ? scratch.subarray(0, size + 1) : Buffer.allocUnsafe(size + 1);
            (async () => {
                let filled = 0;
                for (;;) {
                    const count = await readInto(fd, buffer, filled);
                    if (!count)
                        break;
                    filled += count;
                    if (filled > size)
                        break;
                }
                return filled === size ? buffer.subarray(0, size) : undefined;
            })().then((bytes) => (0,external_node_fs_.close)(fd, (closeError) => (closeError ? reject(closeError) : resolve(bytes))), (readError) => (0,external_node_fs_.close)(fd, () => reject(readError)));
        });
    });
}
/**
 * Read buffers, reused: hashing a site reads every byte of it once, and uploading it a second time;
 * a new buffer per file is memory outside the heap that only a collection gives back (measured on a
 * 2,000-file, 54 MiB site: a re-publish spent 150 ms in the collector, 66 ms with reuse). Buffers
 * go by size class (powers of two from 16 KiB), and at most SCRATCH_POOL_BYTES are kept.
 */
const SCRATCH_POOL_BYTES = 32 * 1024 * 1024;
const MIN_SCRATCH_BYTES = 16 * 1024;
const scratchPool = new Map();
let pooledBytes = 0;
/**
 * Runs `use` with a buffer of at least `bytes` bytes, from the pool or new. The buffer goes back to
 * the pool only when `use` succeeded: after a failure something may still hold it (a request body
 * whose write the store cut short), so it is left to the collector.
 */
async function withScratch(bytes, use) {
    let size = MIN_SCRATCH_BYTES;
    while (size < bytes)
        size *= 2;
    const spare = scratchPool.get(size);
    const pooled = spare?.pop();
    if (pooled)
        pooledBytes -= size;
    const scratch = pooled ?? Buffer.allocUnsafeSlow(size);
    const result = await use(scratch);
    if (pooledBytes + size <= SCRATCH_POOL_BYTES) {
        pooledBytes += size;
        if (spare)
            spare.push(scratch);
        else
            scratchPool.set(size, [scratch]);
    }
    return result;
}
/**
 * File bytes read while hashing, kept for the upload that follows, so a file that is published is
 * read once rather than twice (measured: a first publish of 2,000 files spent 0.6 s of its main
 * thread in open/read/close). Bounded by `budget` bytes; only files up to ONE_READ_BYTES, and only
 * those `wanted` says will probably be written (publishDirectory: not already in the store at the
 * same size). `take` hands a file's bytes over once and forgets them.
 */
class KeptBytes {
    budget;
    wanted;
    kept = new Map();
    held = 0;
    constructor(budget, wanted) {
        this.budget = budget;
        this.wanted = wanted;
    }
    /** Whether the bytes of this file (relative key, size) would be kept. */
    wants(key, size) {
        return size <= ONE_READ_BYTES && this.held + size <= this.budget && this.wanted(key, size);
    }
    put(file, bytes) {
        if (this.held + bytes.length > this.budget || this.kept.has(file))
            return;
        this.kept.set(file, bytes);
        this.held += bytes.length;
    }
    /** The bytes read from `file` when it had `size` bytes, once; undefined when none were kept. */
    take(file, size) {
        const bytes = this.kept.get(file);
        if (!bytes)
            return undefined;
        this.kept.delete(file);
        this.held -= bytes.length;
        return bytes.length === size ? bytes : undefined;
    }
}
let syncScratch;
/**
 * sha256 (hex) of a file read synchronously, and with `keep` a copy of its bytes (when it still has
 * `size` bytes and is at most ONE_READ_BYTES). For scanning a site that was just built, so is in
 * the page cache: 2,000 files hashed this way take a third of the time of asynchronous reads
 * (measured: 85-105 ms against 260-400 ms), whose thread-pool hops and promises cost more than the
 * copies. The caller gives the event loop a turn between files (scanDirectory). A file that no
 * longer has `size` bytes is hashed as it is now; the upload checks the sha256 of what it sends.
 */
function hashFileSync(file, size, keep = false) {
    const scratch = (syncScratch ??= Buffer.allocUnsafeSlow(ONE_READ_BYTES + 1));
    const fd = (0,external_node_fs_.openSync)(file, 'r');
    try {
        if (size <= ONE_READ_BYTES) {
            // Bytes to keep are read into a buffer of their own (no copy out of the scratch buffer after).
            const target = keep ? Buffer.allocUnsafeSlow(size + 1) : scratch;
            // One byte more than expected can be read: a file that grew is not taken as `size` bytes.
            let filled = 0;
            for (let count; filled <= size && (count = (0,external_node_fs_.readSync)(fd, target, filled, target.length - filled, filled)) > 0;)
                filled += count;
            if (filled === size) {
                const bytes = target.subarray(0, size);
                return { sha256: (0,external_node_crypto_.hash)('sha256', bytes, 'hex'), ...(keep ? { bytes } : {}) };
            }
        }
        const hash = (0,external_node_crypto_.createHash)('sha256');
        for (let position = 0, count; (count = (0,external_node_fs_.readSync)(fd, scratch, 0, scratch.length, position)) > 0; position += count)
            hash.update(scratch.subarray(0, count));
        return { sha256: hash.digest('hex') };
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** sha256 (hex) of a file, streamed (bounded memory); small files being scanned go through hashFileSync. */
async function sha256File(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file, { highWaterMark: ONE_READ_BYTES }))
        hash.update(chunk);
    return hash.digest('hex');
}

;// CONCATENATED MODULE: ./packages/core/src/target-kinds.ts
/**
 * The kinds of target (config `target:`) and what each can do, for the checks made when the config
 * is loaded — before any target exists. The targets themselves (one file each and the factory) live
 * in @shipkit/targets, whose factory builds exactly these kinds.
 */
const TARGET_KINDS = {
    /** A static site in an object store (S3, S3-compatible, Azure Blob): installs can be removed, so it can host previews. */
    s3: { previews: true },
    /** The user's deploy command. */
    command: { previews: false },
    /** Amazon ECS services. */
    ecs: { previews: false },
    /** A Google Cloud Run service: a revision per release, traffic moved between revisions. */
    'cloud-run': { previews: false },
    /** Kubernetes workloads: a rendered kustomize overlay (or manifests), applied server-side. */
    kubernetes: { previews: false },
};
/** Whether a kind of target can host pull request previews (each its own install, removed when the pull request closes). */
function hostsPreviews(kind) {
    return !!kind && Object.hasOwn(TARGET_KINDS, kind) && TARGET_KINDS[kind].previews;
}

;// CONCATENATED MODULE: ./packages/core/src/index.ts






















/***/ })

};
