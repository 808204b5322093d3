export const id = 263;
export const ids = [263];
export const modules = {

/***/ 68263:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a$: () => (/* reexport */ DEFAULT_SETTINGS),
  vP: () => (/* reexport */ DEFAULT_STEP_SAMPLES),
  Uy: () => (/* reexport */ MIN_STEP_SAMPLES),
  pO: () => (/* reexport */ Redactor),
  wf: () => (/* reexport */ analyseStep),
  d_: () => (/* reexport */ analysisSummary),
  ln: () => (/* reexport */ baseUrlFromConfig),
  US: () => (/* reexport */ buildChecks),
  mZ: () => (/* reexport */ checksFromUrls),
  qb: () => (/* reexport */ collectSecrets),
  xw: () => (/* reexport */ createMetricProviders),
  Qy: () => (/* reexport */ displayUrl),
  XG: () => (/* reexport */ environmentChecks),
  hh: () => (/* reexport */ parseChecksInput),
  L1: () => (/* reexport */ parseStatusSpec),
  Mo: () => (/* reexport */ resolveSettings),
  Lw: () => (/* reexport */ runSmoke),
  w9: () => (/* reexport */ smokeFromConfig),
  f4: () => (/* reexport */ validateBaseUrl)
});

// UNUSED EXPORTS: CloudWatchProvider, DEFAULT_MIN_REQUESTS, HttpError, PrometheusProvider, albDimensions, assertCors, assertResponse, decideStep, deepEqual, describeStatus, errorBudget, expandEnv, fillQuery, headerValue, isSensitiveHeader, jsonPath, notReadyYet, parseJsonPath, parsePattern, percentile, preflightHeaders, probe, request, resolveUrl, stabilityOf, statusMatches, stepPassProbability, urlSecrets

// EXTERNAL MODULE: ./packages/core/src/index.ts + 21 modules
var src = __webpack_require__(29480);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./packages/checks/src/spec.ts



const DEFAULT_SETTINGS = {
    expectStatus: '200-399',
    timeout: '2m',
    requestTimeout: '10s',
    samples: 0,
    maxErrorRate: '5%',
    concurrency: 4,
    maxRedirects: 10,
};
/**
 * Parses an expected status: `200`, `200-299`, `200,204,301-302`, or a list of those.
 * `name` is what errors call it (an input name or a located field).
 */
function parseStatusSpec(value, name) {
    const parts = Array.isArray(value) ? value.flatMap((item) => String(item).split(',')) : String(value).split(',');
    const ranges = [];
    for (const raw of parts) {
        const part = raw.trim();
        const match = /^(\d{3})(?:\s*-\s*(\d{3}))?$/.exec(part);
        const min = match ? Number(match[1]) : NaN;
        const max = match?.[2] ? Number(match[2]) : min;
        if (!match || min < 100 || max > 599 || min > max) {
            throw (0,src.invalidInput)(name, value, 'HTTP status codes between 100 and 599, ranges such as 200-299, or a comma-separated list of them');
        }
        ranges.push({ min, max });
    }
    if (!ranges.length)
        throw (0,src.invalidInput)(name, value, 'at least one status code or range');
    return ranges;
}
function statusMatches(status, ranges) {
    return ranges.some((range) => status >= range.min && status <= range.max);
}
function describeStatus(ranges) {
    return ranges.map((range) => (range.min === range.max ? String(range.min) : `${range.min}-${range.max}`)).join(', ');
}
/** `/pattern/flags` is a regular expression; anything else is a literal. */
function parsePattern(text, name) {
    const match = /^\/(.*)\/([dgimsuy]*)$/s.exec(text);
    if (!match)
        return text;
    try {
        return new RegExp(match[1], match[2].replace('g', ''));
    }
    catch (error) {
        throw new src.ShipkitError(`${name} has an invalid regular expression ${JSON.stringify(text)}: ${error.message}.`);
    }
}
/** Splits `a.b[0].c`, `$.a.b`, `items[-1]` or `["key.with.dots"]` into steps; undefined when it is not a path. */
function parseJsonPath(pathText) {
    const text = pathText.trim().replace(/^\$\.?/, '');
    const steps = [];
    const pattern = /(^|\.)([^.[\]"']+)|\[(-?\d+)\]|\[\s*(["'])(.*?)\4\s*\]/y;
    let consumed = 0;
    while (consumed < text.length) {
        pattern.lastIndex = consumed;
        const match = pattern.exec(text);
        if (!match)
            return undefined;
        if (match[2] !== undefined)
            steps.push(match[2]);
        else if (match[3] !== undefined)
            steps.push(Number(match[3]));
        else
            steps.push(match[5]);
        consumed = pattern.lastIndex;
    }
    return steps;
}
/** Joins a path onto a base URL, keeping the base's own path (`https://h/app` + `/health` = `https://h/app/health`). */
function resolveUrl(base, checkPath) {
    const url = new URL(base);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(checkPath))
        return checkPath;
    const [pathPart, query] = splitQuery(checkPath);
    const basePath = url.pathname.replace(/\/+$/, '');
    const joined = `${basePath}/${pathPart.replace(/^\/+/, '')}`;
    url.pathname = joined;
    url.search = query ?? url.search;
    url.hash = '';
    return url.toString();
}
function splitQuery(text) {
    const index = text.indexOf('?');
    return index === -1 ? [text, undefined] : [text.slice(0, index), text.slice(index)];
}
function validateBaseUrl(value, name) {
    // smoke-test may log in with user:password@ (it redacts them from names, logs and the ledger).
    return (0,src.checkHttpUrl)(name, value, { allowCredentials: true });
}
/** Expands `${NAME}` from the environment, so config files can take secrets from `env:` instead of inline. */
function expandEnv(text, env, where, expanded) {
    return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name) => {
        const value = env[name];
        if (value === undefined) {
            throw new src.ShipkitError(`${where} uses \${${name}}, but the environment variable ${name} is not set.`, {
                hint: `Pass it to the step, e.g. env: { ${name}: \${{ secrets.${name} }} }.`,
            });
        }
        if (value)
            expanded.push(value);
        return value;
    });
}
/** Turns validated check configs into runnable checks; semantic errors are located in their source. */
function buildChecks(configs, locate, defaults, fieldPrefix = []) {
    const expandedValues = [];
    const seen = new Map();
    const checks = configs.map((config, index) => {
        const at = (field) => {
            const fieldPath = field === undefined ? [...fieldPrefix, index] : [...fieldPrefix, index, field];
            const label = [...fieldPrefix, index, ...(field === undefined ? [] : [field])]
                .reduce((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
            return `${locate(fieldPath)}: ${label}`;
        };
        if (seen.has(config.name)) {
            throw new src.ShipkitError(`${at('name')} repeats the check name ${JSON.stringify(config.name)} (also used by check ${seen.get(config.name) + 1}).`, {
                hint: 'Check names label the report and the failed-checks output; make them unique.',
            });
        }
        seen.set(config.name, index);
        if (config.url && config.path)
            throw new src.ShipkitError(`${at('url')} and path are both set; give one of them.`);
        const env = defaults.env ?? process.env;
        let url;
        if (config.url) {
            url = validateBaseUrl(expandEnv(config.url, env, at('url'), expandedValues), at('url'));
        }
        else {
            if (!defaults.baseUrl) {
                throw new src.ShipkitError(`${at(config.path === undefined ? undefined : 'path')} has ${config.path === undefined ? 'neither url nor path' : `the path ${JSON.stringify(config.path)}`} but no base URL is known.`, {
                    hint: 'Set the base-url input (e.g. deploy-env\'s slot-url), the environment\'s url in the config, or give the check an absolute url.',
                });
            }
            url = resolveUrl(defaults.baseUrl, config.path ?? '/');
        }
        const headers = {};
        for (const [name, value] of Object.entries(config.headers ?? {})) {
            // A header name or value with a control character (CR/LF) could split the request: refused, never retried.
            if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
                throw new src.ShipkitError(`${at('headers')} has an invalid header name ${JSON.stringify(name.slice(0, 200))}: expected a token such as Authorization or X-Api-Key.`);
            const expanded = expandEnv(value, env, at('headers'), expandedValues);
            // eslint-disable-next-line no-control-regex
            if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(expanded))
                throw new src.ShipkitError(`${at('headers')}.${name} has an invalid value: it contains a control character (CR, LF...); expected a single-line header value.`);
            headers[name] = expanded;
        }
        let body;
        if (config.body !== undefined) {
            if (typeof config.body === 'string')
                body = config.body;
            else {
                body = JSON.stringify(config.body);
                if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'))
                    headers['content-type'] = 'application/json';
            }
        }
        const expectHeaders = {};
        for (const [name, value] of Object.entries(config['expect-headers'] ?? {}))
            expectHeaders[name.toLowerCase()] = parsePattern(value, `${at('expect-headers')}.${name}`);
        let bodyMatches;
        if (config['body-matches'] !== undefined) {
            const pattern = config['body-matches'];
            const parsed = parsePattern(pattern.startsWith('/') ? pattern : `/${pattern}/`, at('body-matches'));
            bodyMatches = parsed instanceof RegExp ? parsed : new RegExp(parsed);
        }
        for (const jsonPathText of Object.keys(config['expect-json'] ?? {})) {
            if (!parseJsonPath(jsonPathText))
                throw new src.ShipkitError(`${at('expect-json')} has an invalid JSON path ${JSON.stringify(jsonPathText)}: expected a path such as data.items[0].id.`);
        }
        const method = config.method ?? 'GET';
        return {
            name: config.name,
            url,
            method,
            headers,
            body,
            expectStatus: config['expect-status'] === undefined ? defaults.expectStatus : parseStatusSpec(config['expect-status'], at('expect-status')),
            bodyContains: config['body-contains'] === undefined ? [] : [].concat(config['body-contains']),
            bodyMatches,
            // A string value written as /regex/ is matched against the JSON value (as text), like expect-headers.
            expectJson: Object.fromEntries(Object.entries(config['expect-json'] ?? {}).map(([jsonPathText, value]) => [jsonPathText, typeof value === 'string' ? parsePattern(value, `${at('expect-json')}.${jsonPathText}`) : value])),
            expectHeaders,
            cors: config.cors ? { origin: config.cors.origin, method: config.cors.method ?? method, headers: config.cors.headers ?? [], credentials: config.cors.credentials } : undefined,
            followRedirects: config['follow-redirects'] ?? true,
            maxRedirects: config['max-redirects'] ?? DEFAULT_SETTINGS.maxRedirects,
            maxLatencyMs: config['max-latency'] === undefined ? undefined : (0,src.parseDuration)(config['max-latency'], at('max-latency')),
            certMinDays: config['cert-min-days'],
            requestTimeoutMs: config['request-timeout'] === undefined ? defaults.requestTimeoutMs : (0,src.parseTimeout)(config['request-timeout'], at('request-timeout')),
        };
    });
    return { checks, expandedValues };
}
/** Checks for the `url` input: one GET per URL with the default expected status. */
function checksFromUrls(urls, defaults) {
    const seen = new Set();
    return urls.map((raw) => {
        const url = defaults.baseUrl && !/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? resolveUrl(defaults.baseUrl, raw) : validateBaseUrl(raw, 'url');
        let name = displayUrl(url);
        for (let n = 2; seen.has(name); n++)
            name = `${displayUrl(url)} #${n}`;
        seen.add(name);
        return {
            name,
            url,
            method: 'GET',
            headers: {},
            expectStatus: defaults.expectStatus,
            bodyContains: [],
            expectJson: {},
            expectHeaders: {},
            followRedirects: true,
            maxRedirects: DEFAULT_SETTINGS.maxRedirects,
            requestTimeoutMs: defaults.requestTimeoutMs,
        };
    });
}
/** A URL without its user:password part, safe to print. */
function displayUrl(url) {
    try {
        const parsed = new URL(url);
        if (parsed.username || parsed.password) {
            parsed.username = '';
            parsed.password = '';
        }
        return parsed.toString();
    }
    catch {
        return url;
    }
}
/** The password in a URL's user-info, which must be masked. */
/** Query parameters whose values are credentials, by name (the redaction's rule, see @shipkit/core redact.ts). */
const SECRET_PARAM = /^(x-amz-(signature|credential|security-token)|sig|se)$|token|key|secret|passw(or)?d|pwd|code|signature|credential/i;
function urlSecrets(url) {
    try {
        const parsed = new URL(url);
        const values = parsed.password ? [decodeURIComponent(parsed.password)] : [];
        // A token put into the query literally (?token=${{ secrets.X }}) is a secret too.
        for (const [name, value] of parsed.searchParams)
            if (SECRET_PARAM.test(name) && value)
                values.push(value);
        return values;
    }
    catch {
        return [];
    }
}
/**
 * Reads the `checks` input: inline YAML (a list of checks, the shape of smoke.checks) or the path
 * of a file holding such a list or a whole smoke mapping (`checks:`, `timeout:`...). Errors name
 * the input or the file, the line and the field.
 */
function parseChecksInput(value, workspace) {
    const text = value.trim();
    const looksLikePath = !text.includes('\n') && /\.(ya?ml|json)$/i.test(text) && !/^[-[{]/.test(text);
    if (looksLikePath) {
        // By real path, inside the workspace: a symlink to a secrets file is refused unread.
        const file = (0,src.resolveInside)('checks', text, { workspace, kind: 'checks file' });
        if (!(0,external_node_fs_.existsSync)(file)) {
            throw (0,src.invalidInput)('checks', value, 'a YAML list of checks or the path of an existing YAML file', `No file at ${file}; paths are relative to the workspace.`);
        }
        return parseChecksDocument((0,src.readFileInside)('checks', text, { workspace, kind: 'checks file' }).text, text, `checks file ${text}`);
    }
    return parseChecksDocument(value, 'input "checks"', 'input "checks"');
}
function parseChecksDocument(text, source, what) {
    const isList = /^\s*(#.*\n\s*)*(-|\[)/.test(text);
    const { value, locate } = (0,src.parseYamlWithSchema)(text, {
        source,
        what,
        // Validate against the shape the text has, so errors are about the checks, not about "oneOf".
        validate: isList ? src.SCHEMA_VALIDATORS.checkList : src.SCHEMA_VALIDATORS.smoke,
        hint: 'Each check needs a name and a url or path; see smoke.checks in the shipkit config schema.',
    });
    if (Array.isArray(value))
        return { checks: value, settings: {}, locate, fieldPrefix: [] };
    if (!value.checks?.length)
        throw new src.ShipkitError(`${source}: has no checks (expected a list of checks or a mapping with checks:).`);
    const { checks, ...settings } = value;
    return { checks, settings, locate, fieldPrefix: ['checks'] };
}
/** The smoke section that applies: the environment's over the top-level one, field by field. */
function smokeFromConfig(loaded, environment) {
    const top = loaded.config.smoke ?? {};
    const own = environment ? environmentConfigOf(loaded, environment)?.smoke : undefined;
    if (own?.checks?.length)
        return { smoke: { ...top, ...own }, fieldPrefix: ['environments', environment, 'smoke', 'checks'] };
    return { smoke: { ...top, ...(own ?? {}), checks: top.checks }, fieldPrefix: ['smoke', 'checks'] };
}
/** The base URL when the input is empty: the slot's URL, else the environment's. */
function baseUrlFromConfig(loaded, environment, slot) {
    if (!loaded || !environment)
        return undefined;
    const env = environmentConfigOf(loaded, environment);
    if (!env)
        return undefined;
    if (slot)
        return env.slots?.[slot]?.url;
    return env.url;
}
/** Settings: an input when given, else the checks file's, else the config's smoke section, else the default. */
function resolveSettings(inputs, ...layers) {
    const pick = (key) => layers.find((layer) => layer[key] !== undefined)?.[key];
    const integer = (name, text, min) => {
        const number = Number(text.trim());
        if (!text.trim() || !Number.isInteger(number) || number < min)
            throw (0,src.invalidInput)(name, text, `a whole number of at least ${min}`);
        return number;
    };
    const errorRate = inputs.maxErrorRate ?? pick('max-error-rate');
    const p95 = inputs.maxP95 ?? pick('max-p95');
    return {
        timeoutMs: (0,src.parseTimeout)(inputs.timeout ?? pick('timeout') ?? DEFAULT_SETTINGS.timeout, 'timeout'),
        requestTimeoutMs: (0,src.parseTimeout)(inputs.requestTimeout ?? pick('request-timeout') ?? DEFAULT_SETTINGS.requestTimeout, 'request-timeout'),
        samples: inputs.samples !== undefined ? integer('samples', inputs.samples, 0) : (pick('samples') ?? DEFAULT_SETTINGS.samples),
        maxErrorRate: errorRate === undefined ? (0,src.parseRatio)('max-error-rate', DEFAULT_SETTINGS.maxErrorRate) : typeof errorRate === 'number' ? errorRate : (0,src.parseRatio)('max-error-rate', errorRate),
        maxP95Ms: p95 === undefined ? undefined : (0,src.parseDuration)(p95, 'max-p95'),
        concurrency: inputs.concurrency !== undefined ? integer('concurrency', inputs.concurrency, 1) : (pick('concurrency') ?? DEFAULT_SETTINGS.concurrency),
        insecure: inputs.insecure,
        retryAssertions: inputs.retryAssertions ?? pick('retry-assertions') ?? false,
    };
}
/** An environment of the config, looked up as an own property (`constructor` is not an environment). */
function environmentConfigOf(loaded, name) {
    const environments = loaded.config.environments;
    return environments && Object.hasOwn(environments, name) ? environments[name] : undefined;
}
/**
 * The environment's smoke checks (its own, else the top-level ones) against `baseUrl`, or one GET
 * of `baseUrl` when the config has none. Secrets they carry are registered with `redactor`.
 * blue-green-switch analyses canary steps with these.
 */
function environmentChecks(loaded, environment, baseUrl, redactor, env = process.env) {
    const { smoke, fieldPrefix } = smokeFromConfig(loaded, environment);
    const settings = resolveSettings({ insecure: false }, smoke);
    const defaults = { baseUrl, expectStatus: parseStatusSpec(DEFAULT_SETTINGS.expectStatus, 'expect-status'), requestTimeoutMs: settings.requestTimeoutMs, env };
    if (!smoke.checks?.length)
        return { checks: checksFromUrls([baseUrl], defaults), smoke };
    const built = buildChecks(smoke.checks, loaded.locate, defaults, fieldPrefix);
    collectSecrets(built.checks, built.expandedValues, redactor);
    return { checks: built.checks, smoke };
}

;// CONCATENATED MODULE: ./packages/checks/src/secrets.ts


const SENSITIVE_NAMES = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key', 'apikey', 'x-auth-token', 'x-csrf-token', 'x-xsrf-token']);
/** Headers whose values are credentials: never printed, always masked. */
function isSensitiveHeader(name) {
    const lower = name.toLowerCase();
    return SENSITIVE_NAMES.has(lower) || /(auth|token|secret|password|passwd|api-?key|session|signature|credential)/.test(lower);
}
/**
 * Keeps the secret values of the checks and registers them with the one redaction of
 * @shipkit/core (redact.ts), which removes them in every form (percent-encoded, JSON-escaped,
 * base64, each line) from everything the action writes: logs, outputs, the step summary, the
 * JUnit file, the ledger.
 */
class Redactor {
    register;
    values = new Set();
    constructor(register = (value) => void (0,src.addSecret)(value, { minLength: 3 })) {
        this.register = register;
    }
    add(value) {
        const text = value?.trim();
        if (!text || text.length < 3 || this.values.has(text))
            return;
        this.values.add(text);
        this.register(text);
        // `Bearer abc` and `Basic abc`: the credential alone can show up elsewhere, mask it too.
        const scheme = /^(bearer|basic|token|digest)\s+(.+)$/i.exec(text);
        if (scheme)
            this.add(scheme[2]);
    }
    redact(text) {
        return (0,src.redact)(text, [...this.values]);
    }
    get size() {
        return this.values.size;
    }
}
/** Registers every secret the checks carry: sensitive header values, values from ${ENV}, URL passwords. */
function collectSecrets(checks, expandedValues, redactor) {
    for (const value of expandedValues)
        redactor.add(value);
    for (const check of checks) {
        for (const [name, value] of Object.entries(check.headers))
            if (isSensitiveHeader(name))
                redactor.add(value);
        for (const value of urlSecrets(check.url))
            redactor.add(value);
    }
}

;// CONCATENATED MODULE: ./packages/checks/src/assert.ts



/** Short excerpt of a body for a failure message, redacted before it is cut (a cut secret is no longer recognisable). */
function excerpt(text, length = 120) {
    const flat = (0,src.redact)(text).replace(/\s+/g, ' ').trim();
    return JSON.stringify(flat.length > length ? `${flat.slice(0, length)}…` : flat);
}
/** A JSON value as it would appear in the body, cut when long. */
function shortJson(value, length = 80) {
    const text = (0,src.redact)(JSON.stringify(value) ?? String(value));
    return text.length > length ? `${text.slice(0, length)}…` : text;
}
function headerValue(headers, name) {
    const value = headers[name.toLowerCase()];
    if (value === undefined)
        return undefined;
    return Array.isArray(value) ? value.join(', ') : String(value);
}
/** Reads a JSON path (see parseJsonPath) from a parsed value; found is false when any step is missing. */
function jsonPath(value, pathText) {
    const steps = parseJsonPath(pathText);
    if (!steps)
        return { found: false };
    let current = value;
    for (const step of steps) {
        if (typeof step === 'number') {
            if (!Array.isArray(current))
                return { found: false };
            const index = step < 0 ? current.length + step : step;
            if (index < 0 || index >= current.length)
                return { found: false };
            current = current[index];
        }
        else {
            if (!current || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, step))
                return { found: false };
            current = current[step];
        }
    }
    return { found: true, value: current };
}
function deepEqual(a, b) {
    if (Object.is(a, b))
        return true;
    if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object')
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    if (Array.isArray(a))
        return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return keysA.length === keysB.length && keysA.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
}
function matches(expected, actual) {
    return expected instanceof RegExp ? expected.test(actual) : expected.trim() === actual.trim();
}
function show(expected) {
    return expected instanceof RegExp ? String(expected) : JSON.stringify(expected);
}
/** Every assertion of a check against its response; an empty list means it passed. */
function assertResponse(check, response) {
    const failures = [];
    if (!statusMatches(response.status, check.expectStatus)) {
        const location = response.headers.location ? ` (Location: ${response.headers.location})` : '';
        failures.push(`status ${response.status}, expected ${describeStatus(check.expectStatus)}${location}`);
    }
    for (const text of check.bodyContains) {
        if (!response.body.includes(text))
            failures.push(`body does not contain ${JSON.stringify(text)} (body starts ${excerpt(response.body)})`);
    }
    if (check.bodyMatches && !check.bodyMatches.test(response.body)) {
        failures.push(`body does not match ${String(check.bodyMatches)} (body starts ${excerpt(response.body)})`);
    }
    const jsonEntries = Object.entries(check.expectJson);
    if (jsonEntries.length) {
        let parsed;
        let parsedOk = true;
        try {
            parsed = JSON.parse(response.body);
        }
        catch {
            parsedOk = false;
            failures.push(`body is not JSON (body starts ${excerpt(response.body)})`);
        }
        if (parsedOk) {
            for (const [pathText, expected] of jsonEntries) {
                const found = jsonPath(parsed, pathText);
                if (!found.found)
                    failures.push(`JSON ${pathText} is missing, expected ${shortJson(expected)}`);
                else if (expected instanceof RegExp) {
                    if (!expected.test(typeof found.value === 'string' ? found.value : JSON.stringify(found.value)))
                        failures.push(`JSON ${pathText} is ${shortJson(found.value)}, expected a match of ${String(expected)}`);
                }
                else if (!deepEqual(found.value, expected))
                    failures.push(`JSON ${pathText} is ${shortJson(found.value)}, expected ${shortJson(expected)}`);
            }
        }
    }
    for (const [name, expected] of Object.entries(check.expectHeaders)) {
        const actual = headerValue(response.headers, name);
        const hidden = isSensitiveHeader(name);
        if (actual === undefined)
            failures.push(`header ${name} is missing${hidden ? '' : `, expected ${show(expected)}`}`);
        else if (!matches(expected, actual))
            failures.push(hidden ? `header ${name} does not have the expected value (values of this header are not shown)` : `header ${name} is ${JSON.stringify(actual)}, expected ${show(expected)}`);
    }
    if (check.maxLatencyMs !== undefined && response.latencyMs > check.maxLatencyMs) {
        failures.push(`latency ${response.latencyMs}ms is above max-latency ${check.maxLatencyMs}ms`);
    }
    if (check.certMinDays !== undefined) {
        if (response.certDaysLeft === undefined)
            failures.push(`cert-min-days is set but ${response.url} is not served over TLS`);
        else if (response.certDaysLeft < check.certMinDays) {
            failures.push(`TLS certificate expires in ${response.certDaysLeft} days (${response.certValidTo}), expected at least ${check.certMinDays}`);
        }
    }
    return failures;
}
/** Request headers of a CORS preflight for the expectation. */
function preflightHeaders(cors) {
    const headers = { origin: cors.origin, 'access-control-request-method': cors.method.toUpperCase() };
    if (cors.headers.length)
        headers['access-control-request-headers'] = cors.headers.map((name) => name.toLowerCase()).join(',');
    return headers;
}
const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);
function tokens(value) {
    return (value ?? '').split(',').map((token) => token.trim()).filter(Boolean);
}
/**
 * Asserts a preflight response the way a browser decides (Fetch standard, CORS check): the origin
 * must be echoed (or `*` without credentials), credentials allowed when asked for, the method
 * listed unless CORS-safelisted, every requested header listed (`*` only without credentials).
 */
function assertCors(cors, response) {
    const failures = [];
    const prefix = `CORS preflight from ${cors.origin}:`;
    if (response.status < 200 || response.status > 299)
        failures.push(`${prefix} status ${response.status}, expected 2xx`);
    const allowOrigin = headerValue(response.headers, 'access-control-allow-origin');
    const credentials = headerValue(response.headers, 'access-control-allow-credentials');
    if (allowOrigin === undefined)
        failures.push(`${prefix} Access-Control-Allow-Origin is missing`);
    else if (allowOrigin === '*') {
        if (cors.credentials)
            failures.push(`${prefix} Access-Control-Allow-Origin is "*", which browsers refuse with credentials`);
    }
    else if (allowOrigin !== cors.origin) {
        failures.push(`${prefix} Access-Control-Allow-Origin is ${JSON.stringify(allowOrigin)}, expected ${JSON.stringify(cors.origin)}`);
    }
    if (cors.credentials === true && credentials !== 'true') {
        failures.push(`${prefix} Access-Control-Allow-Credentials is ${credentials === undefined ? 'missing' : JSON.stringify(credentials)}, expected "true"`);
    }
    else if (cors.credentials === false && credentials === 'true') {
        failures.push(`${prefix} Access-Control-Allow-Credentials is "true", expected credentials not to be allowed`);
    }
    const wildcardAllowed = !cors.credentials;
    const methods = tokens(headerValue(response.headers, 'access-control-allow-methods'));
    const method = cors.method.toUpperCase();
    const methodAllowed = SAFELISTED_METHODS.has(method) || methods.includes(method) || (wildcardAllowed && methods.includes('*'));
    if (!methodAllowed)
        failures.push(`${prefix} Access-Control-Allow-Methods ${methods.length ? JSON.stringify(methods.join(', ')) : 'is missing and'} does not allow ${method}`);
    const allowedHeaders = tokens(headerValue(response.headers, 'access-control-allow-headers')).map((name) => name.toLowerCase());
    const missing = cors.headers.filter((name) => {
        const lower = name.toLowerCase();
        if (allowedHeaders.includes(lower))
            return false;
        // Authorization is never covered by the wildcard.
        return !(wildcardAllowed && allowedHeaders.includes('*') && lower !== 'authorization');
    });
    if (missing.length)
        failures.push(`${prefix} Access-Control-Allow-Headers does not allow ${missing.join(', ')}`);
    return failures;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./packages/checks/src/http.ts



/** A request that produced no response; `kind` tells why, the message says it for humans. */
class HttpError extends Error {
    kind;
    latencyMs;
    constructor(kind, message, latencyMs) {
        super(message);
        this.kind = kind;
        this.latencyMs = latencyMs;
        this.name = 'HttpError';
    }
}
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME|TLS|SSL|ERR_SSL/;
const DAY_MS = 86_400_000;
/**
 * One HTTP exchange over node:http/https with a fresh connection, a timeout that always applies
 * (timer + abort, so a server that accepts and never answers cannot hold the caller), optional
 * redirect following with a hop limit and loop detection, and the peer certificate's expiry.
 */
async function request(options) {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
    }, Math.max(0, options.timeoutMs));
    const onOuterAbort = () => controller.abort();
    if (options.signal?.aborted)
        controller.abort();
    options.signal?.addEventListener('abort', onOuterAbort, { once: true });
    const failure = (error) => {
        if (error instanceof HttpError)
            return error;
        if (timedOut)
            return new HttpError('timeout', `timed out after ${options.timeoutMs}ms (request-timeout)`, elapsed());
        if (controller.signal.aborted)
            return new HttpError('aborted', 'cancelled: the overall deadline passed', elapsed());
        const code = error.code ?? '';
        const message = error.message ?? String(error);
        if (TLS_CODES.test(code) || /certificate/i.test(message)) {
            return new HttpError('tls', `TLS certificate rejected: ${message}${code ? ` (${code})` : ''}; set insecure: true to accept it`, elapsed());
        }
        return new HttpError('connection', `${message}${code && !message.includes(code) ? ` (${code})` : ''}`, elapsed());
    };
    try {
        const visited = [];
        const seen = new Set();
        let url = options.url;
        let method = options.method.toUpperCase();
        let body = options.body;
        let headers = { ...(options.headers ?? {}) };
        const maxRedirects = options.maxRedirects ?? 10;
        for (;;) {
            seen.add(`${method} ${url}`);
            const { response, certDaysLeft, certValidTo } = await exchange(url, method, headers, body, options.insecure ?? false, controller.signal);
            const location = response.headers.location;
            if (options.followRedirects && REDIRECTS.has(response.statusCode ?? 0) && location) {
                response.resume();
                const next = new URL(location, url).toString();
                visited.push(url);
                if (response.statusCode === 303 || ((response.statusCode === 301 || response.statusCode === 302) && method === 'POST')) {
                    method = method === 'HEAD' ? 'HEAD' : 'GET';
                    body = undefined;
                }
                if (new URL(next).origin !== new URL(url).origin)
                    headers = withoutCredentials(headers);
                if (seen.has(`${method} ${next}`)) {
                    throw new HttpError('redirect-loop', `redirect loop: ${[...visited, next].join(' -> ')}`, elapsed());
                }
                if (visited.length > maxRedirects) {
                    throw new HttpError('too-many-redirects', `more than ${maxRedirects} redirects (last: ${next})`, elapsed());
                }
                url = next;
                continue;
            }
            const text = await readBody(response, options.maxBodyBytes ?? 1024 * 1024);
            return {
                status: response.statusCode ?? 0,
                headers: response.headers,
                body: text,
                latencyMs: elapsed(),
                url,
                redirects: visited,
                certDaysLeft,
                certValidTo,
            };
        }
    }
    catch (error) {
        throw failure(error);
    }
    finally {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onOuterAbort);
    }
}
function withoutCredentials(headers) {
    return Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name.toLowerCase())));
}
function exchange(url, method, headers, body, insecure, signal) {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
        return Promise.reject(new HttpError('protocol', `unsupported protocol ${target.protocol} in ${url}`, 0));
    }
    const secure = target.protocol === 'https:';
    const auth = target.username || target.password ? `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}` : undefined;
    const outgoing = { 'user-agent': 'shipkit-smoke-test', ...headers };
    if (body !== undefined && !Object.keys(outgoing).some((name) => name.toLowerCase() === 'content-length')) {
        outgoing['content-length'] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
        const transport = secure ? (external_node_https_default()) : (external_node_http_default());
        const req = transport.request({
            protocol: target.protocol,
            hostname: target.hostname.replace(/^\[|\]$/g, ''),
            port: target.port || undefined,
            path: `${target.pathname}${target.search}`,
            method,
            headers: outgoing,
            auth,
            agent: false,
            signal,
            ...(secure ? { rejectUnauthorized: !insecure, servername: isIp(target.hostname) ? undefined : target.hostname } : {}),
        }, (response) => {
            let certDaysLeft;
            let certValidTo;
            if (secure) {
                const certificate = response.socket.getPeerCertificate?.();
                if (certificate?.valid_to) {
                    certValidTo = new Date(certificate.valid_to).toISOString();
                    certDaysLeft = Math.floor((Date.parse(certificate.valid_to) - Date.now()) / DAY_MS);
                }
            }
            resolve({ response, certDaysLeft, certValidTo });
        });
        req.on('error', reject);
        if (body !== undefined)
            req.write(body);
        req.end();
    });
}
function isIp(host) {
    return /^[\d.]+$/.test(host) || host.includes(':') || host.startsWith('[');
}
function readBody(response, maxBytes) {
    const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase();
    const stream = encoding === 'gzip' || encoding === 'x-gzip' ? response.pipe(external_node_zlib_default().createGunzip())
        : encoding === 'deflate' ? response.pipe(external_node_zlib_default().createInflate())
            : encoding === 'br' ? response.pipe(external_node_zlib_default().createBrotliDecompress())
                : response;
    return new Promise((resolve, reject) => {
        const chunks = [];
        let kept = 0;
        stream.on('data', (chunk) => {
            if (kept < maxBytes) {
                chunks.push(chunk.subarray(0, maxBytes - kept));
                kept += Math.min(chunk.length, maxBytes - kept);
            }
        });
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        stream.on('error', reject);
        if (stream !== response)
            response.on('error', reject);
        // An abort mid-body destroys the response; the stream then errors or closes without 'end'.
        response.on('aborted', () => reject(new Error('the connection closed before the body was complete')));
        response.on('close', () => {
            if (!response.complete)
                reject(new Error('the connection closed before the body was complete'));
        });
    });
}

;// CONCATENATED MODULE: ./packages/checks/src/run.ts




/** One attempt of a check: the request, its assertions, and the CORS preflight when asked for. */
async function probe(check, insecure, signal) {
    try {
        const response = await request({
            url: check.url,
            method: check.method,
            headers: check.headers,
            body: check.body,
            timeoutMs: check.requestTimeoutMs,
            followRedirects: check.followRedirects,
            maxRedirects: check.maxRedirects,
            insecure,
            signal,
        });
        const failures = assertResponse(check, response);
        if (check.cors) {
            const preflight = await request({ url: response.url, method: 'OPTIONS', headers: preflightHeaders(check.cors), timeoutMs: check.requestTimeoutMs, insecure, signal });
            failures.push(...assertCors(check.cors, preflight));
        }
        return { ok: failures.length === 0, failures, status: response.status, latencyMs: response.latencyMs, certDaysLeft: response.certDaysLeft };
    }
    catch (error) {
        if (!(error instanceof HttpError))
            throw error;
        return { ok: false, failures: [error.message], errorKind: error.kind, latencyMs: error.latencyMs };
    }
}
/** Nearest-rank percentile of sorted values. */
function percentile(sorted, p) {
    if (!sorted.length)
        return undefined;
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
/** Summarises stability samples and decides them against the limits. */
function stabilityOf(samples, maxErrorRate, maxP95Ms) {
    const latencies = samples.filter((sample) => sample.status !== undefined && sample.latencyMs !== undefined).map((sample) => sample.latencyMs).sort((a, b) => a - b);
    const failed = samples.filter((sample) => !sample.ok);
    const errorRate = samples.length ? failed.length / samples.length : 0;
    const reasons = new Map();
    for (const sample of failed) {
        const reason = sample.failures[0] ?? 'failed';
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    const result = {
        samples: samples.length,
        errors: failed.length,
        errorRate,
        p50Ms: percentile(latencies, 50),
        p95Ms: percentile(latencies, 95),
        maxMs: latencies.length ? latencies[latencies.length - 1] : undefined,
        passed: true,
        failures: [],
        errorReasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    };
    if (errorRate > maxErrorRate) {
        const top = result.errorReasons[0];
        result.failures.push(`error rate ${percent(errorRate)} (${failed.length}/${samples.length}) is above max-error-rate ${percent(maxErrorRate)}${top ? `; most common: ${top.reason} (${top.count}x)` : ''}`);
    }
    if (maxP95Ms !== undefined && result.p95Ms !== undefined && result.p95Ms > maxP95Ms) {
        result.failures.push(`p95 latency ${result.p95Ms}ms is above max-p95 ${maxP95Ms}ms`);
    }
    if (maxP95Ms !== undefined && result.p95Ms === undefined && samples.length)
        result.failures.push('no sample got a response, so p95 latency is unknown');
    result.passed = result.failures.length === 0;
    return result;
}
function percent(ratio) {
    return `${Number((ratio * 100).toFixed(2))}%`;
}
/** A check as the log names it: its name and the URL it requests (credentials never shown). */
function label(check) {
    const url = displayUrl(check.url);
    return check.name === url ? url : `${check.name} (${check.method} ${url})`;
}
/** What readiness waits out: no answer (connection refused, reset, timeout) or an answer that says "not yet" (404, 408, 425, 429, 5xx). */
function notReadyYet(probe) {
    if (probe.errorKind !== undefined || probe.status === undefined)
        return true;
    return probe.status >= 500 || [404, 408, 425, 429].includes(probe.status);
}
/**
 * Runs the checks: readiness first (each check retried with exponential backoff and jitter until
 * the overall deadline, which also cancels any request still in flight), then for ready checks
 * the optional stability phase (`samples` sequential requests each, within a budget of `timeout`
 * of its own). Checks run concurrently, at most `concurrency` at once.
 */
async function runSmoke(checks, settings, options = {}) {
    const log = options.log ?? (() => undefined);
    const startedAt = new Date();
    const started = performance.now();
    const deadline = started + settings.timeoutMs;
    const controller = new AbortController();
    const deadlineTimer = setTimeout(() => controller.abort(), settings.timeoutMs);
    const base = options.baseDelayMs ?? 500;
    const max = options.maxDelayMs ?? 10_000;
    const readiness = async (check) => {
        const checkStarted = performance.now();
        let attempts = 0;
        let last;
        let lastReal;
        while (!controller.signal.aborted) {
            attempts++;
            last = await probe(check, settings.insecure, controller.signal);
            if (last.errorKind !== 'aborted')
                lastReal = last;
            if (last.ok) {
                log(`✓ ${label(check)}: ${last.status} in ${last.latencyMs}ms (attempt ${attempts})`);
                return { ...baseResult(check, attempts, checkStarted), ...fromProbe(last), passed: true, ready: true };
            }
            // An answer that fails its assertions (200 with the wrong JSON) will not change by waiting: fail now.
            if (!settings.retryAssertions && !notReadyYet(last)) {
                log(`✗ ${label(check)}: ${last.failures.join('; ')} (not retried: the server answered; set retry-assertions to wait for this answer to change)`);
                return { ...baseResult(check, attempts, checkStarted), ...fromProbe(last), passed: false, ready: false, failures: last.failures };
            }
            const left = deadline - performance.now();
            const delay = Math.min((0,src.backoffDelay)(attempts, base, max, options.random), left);
            if (left - delay < 50)
                break;
            log(`… ${label(check)}: ${last.failures[0]} — attempt ${attempts}, retrying in ${delay}ms`);
            await (0,src.sleep)(delay, controller.signal);
        }
        const timeoutText = `not ready within the overall timeout of ${(0,src.formatDuration)(settings.timeoutMs)}`;
        let failures;
        if (!last)
            failures = [`${timeoutText}: the check never started (raise concurrency or timeout)`];
        else if (last.errorKind === 'aborted') {
            failures = lastReal ? [...lastReal.failures, `${timeoutText} (the last attempt was cancelled at the deadline)`] : [`${timeoutText}: no response before the deadline cancelled the request`];
        }
        else
            failures = last.failures;
        const shown = last?.errorKind === 'aborted' ? lastReal : last;
        log(`✗ ${label(check)}: ${failures.join('; ')} (${attempts} attempt${attempts === 1 ? '' : 's'})`);
        return { ...baseResult(check, attempts, checkStarted), ...(shown ? fromProbe(shown) : {}), errorKind: shown?.errorKind ?? last?.errorKind, passed: false, ready: false, failures };
    };
    // The stability phase of each check gets a budget of its own (`timeout` again): samples are
    // sequential, so without it many hung samples could add up to far more than the deadline.
    const stability = async (check, result) => {
        const samples = [];
        const budget = new AbortController();
        const budgetTimer = setTimeout(() => budget.abort(), settings.timeoutMs);
        try {
            for (let index = 0; index < settings.samples && !budget.signal.aborted; index++) {
                const sample = await probe(check, settings.insecure, budget.signal);
                if (sample.errorKind !== 'aborted')
                    samples.push(sample);
            }
        }
        finally {
            clearTimeout(budgetTimer);
        }
        const summary = stabilityOf(samples, settings.maxErrorRate, settings.maxP95Ms);
        if (samples.length < settings.samples) {
            summary.failures.push(`only ${samples.length} of ${settings.samples} samples finished within the timeout of ${(0,src.formatDuration)(settings.timeoutMs)}`);
            summary.passed = false;
        }
        log(`${summary.passed ? '✓' : '✗'} ${check.name} stability: ${summary.samples} samples, error rate ${percent(summary.errorRate)}, p50 ${summary.p50Ms ?? '—'}ms, p95 ${summary.p95Ms ?? '—'}ms, max ${summary.maxMs ?? '—'}ms`);
        return { ...result, stability: summary, passed: summary.passed, failures: summary.failures };
    };
    try {
        const results = await (0,src.mapLimit)(checks, settings.concurrency, async (check) => {
            const ready = await readiness(check);
            return ready.ready && settings.samples > 0 ? stability(check, ready) : ready;
        });
        const failedChecks = results.filter((result) => !result.passed).map((result) => result.name);
        return {
            passed: failedChecks.length === 0,
            startedAt: startedAt.toISOString(),
            durationMs: Math.round(performance.now() - started),
            settings: { ...settings },
            checks: results,
            failedChecks,
        };
    }
    finally {
        clearTimeout(deadlineTimer);
    }
}
function baseResult(check, attempts, checkStarted) {
    return {
        name: check.name,
        url: displayUrl(check.url),
        method: check.method,
        passed: false,
        ready: false,
        attempts,
        readyAfterMs: Math.round(performance.now() - checkStarted),
        failures: [],
    };
}
function fromProbe(result) {
    return { status: result.status, latencyMs: result.latencyMs, failures: result.failures, errorKind: result.errorKind, certDaysLeft: result.certDaysLeft };
}

;// CONCATENATED MODULE: ./packages/checks/src/analysis.ts



/**
 * Requests per check and URL in a canary step when neither canary.samples nor smoke.samples
 * says. With the default 5% error budget, a release failing 10% of requests (twice the budget)
 * passes a step with probability 1.4% (power 98.6%), and one failing 2% is aborted 1.1% of the
 * time (see stepPassProbability and docs/design.md).
 */
const DEFAULT_STEP_SAMPLES = 150;
/** Fewer samples per step are refused: below 20 the decision is close to a coin toss (20 at a 5% budget: a 10% failure rate passes 39% of steps). */
const MIN_STEP_SAMPLES = 20;
/** Failed samples a step tolerates: floor(maxErrorRate × samples); one more fails it. */
function errorBudget(samples, maxErrorRate) {
    return Math.floor(maxErrorRate * samples + 1e-9);
}
/**
 * The decision of one check in one step, as analyseStep takes it, over outcomes in the order they
 * arrive (true = the request passed): the step fails at the first sample that makes the failures
 * exceed the budget, and passes when all `samples` are taken within it.
 */
function decideStep(outcomes, samples, maxErrorRate) {
    const budget = errorBudget(samples, maxErrorRate);
    let taken = 0;
    let failures = 0;
    for (const ok of outcomes) {
        if (taken >= samples)
            break;
        taken++;
        if (!ok)
            failures++;
        if (failures > budget)
            return { passed: false, taken, failures };
    }
    return { passed: true, taken, failures };
}
/** The chance a step passes when each request fails independently with `failureRate`: P(Binomial(samples, failureRate) ≤ budget). */
function stepPassProbability(samples, maxErrorRate, failureRate) {
    const budget = errorBudget(samples, maxErrorRate);
    let total = 0;
    let term = (1 - failureRate) ** samples; // P(X = 0)
    for (let k = 0; k <= budget; k++) {
        total += term;
        term *= ((samples - k) / (k + 1)) * (failureRate / (1 - failureRate));
    }
    return Math.min(1, total);
}
/**
 * Analyses one step of a canary: every check runs `samples` times against every target, spread
 * evenly over `durationMs`; each check's samples are judged like smoke-test's stability phase
 * (error rate against `maxErrorRate`, p95 against `maxP95Ms`). The step fails as soon as one
 * check has spent its error budget (more failures than `maxErrorRate × samples` can never pass):
 * the other checks stop, so a bad release gets as little traffic as possible. A passing step
 * lasts the whole duration.
 */
async function analyseStep(options) {
    const now = options.now ?? Date.now;
    const started = now();
    const samples = Math.max(1, options.samples);
    const budget = errorBudget(samples, options.maxErrorRate);
    const interval = options.durationMs / samples;
    const stop = new AbortController();
    let tripped;
    const pairs = options.targets.flatMap((target) => target.checks.map((check) => ({ target, check })));
    const results = await (0,src.mapLimit)(pairs, Math.max(1, pairs.length), async ({ target, check }) => {
        const taken = [];
        for (let index = 0; index < samples && !stop.signal.aborted; index++) {
            const wait = started + index * interval - now();
            if (wait > 0)
                await (0,src.sleep)(wait, stop.signal);
            if (stop.signal.aborted)
                break;
            const sample = await probe(check, options.insecure ?? false, stop.signal);
            if (sample.errorKind === 'aborted')
                break;
            taken.push(sample);
            // The one decision (decideStep): failures past the budget fail the step at once.
            const decision = decideStep(taken.map((entry) => entry.ok), samples, options.maxErrorRate);
            const failed = decision.failures;
            if (!decision.passed && !tripped) {
                tripped = { target: target.name, check: check.name, reasons: [`${failed} of ${taken.length} requests failed (budget ${budget} of ${samples}); last: ${sample.failures[0] ?? 'failed'}`] };
                options.log?.(`✗ ${target.name}: ${check.name} spent its error budget (${tripped.reasons[0]})`);
                stop.abort();
            }
        }
        const stability = stabilityOf(taken, options.maxErrorRate, options.maxP95Ms);
        return { target: target.name, check: check.name, url: displayUrl(check.url), stability };
    });
    // A passing step lasts its whole duration: the bake time is what makes the analysis worth something.
    if (!tripped) {
        const left = started + options.durationMs - now();
        if (left > 0)
            await (0,src.sleep)(left);
    }
    const failing = results.find((result) => !result.stability.passed);
    const failed = tripped ?? (failing ? { target: failing.target, check: failing.check, reasons: failing.stability.failures } : undefined);
    for (const result of results) {
        const s = result.stability;
        options.log?.(`${s.passed ? '✓' : '✗'} ${result.target}: ${result.check} — ${s.samples} requests, error rate ${Number((s.errorRate * 100).toFixed(2))}%, p95 ${s.p95Ms ?? '—'}ms`);
    }
    return { passed: !failed, durationMs: now() - started, checks: results, failed };
}
/** The analysis as the ledger keeps it: per check, the counts and latencies (no bodies, no headers). */
function analysisSummary(result) {
    return {
        passed: result.passed,
        durationMs: result.durationMs,
        checks: result.checks.map((entry) => ({
            target: entry.target,
            check: entry.check,
            samples: entry.stability.samples,
            errors: entry.stability.errors,
            errorRate: entry.stability.errorRate,
            p95Ms: entry.stability.p95Ms,
            passed: entry.stability.passed,
        })),
        ...(result.failed ? { failedCheck: result.failed.check, failedTarget: result.failed.target, reason: result.failed.reasons.join('; ') } : {}),
    };
}

;// CONCATENATED MODULE: ./packages/checks/src/metrics/types.ts
/** Fills `{slot}`, `{release}`, `{environment}` and `{weight}` in a query. */
function fillQuery(query, context) {
    return query.replace(/\{(slot|release|environment|weight)\}/g, (_match, key) => String(context[key]));
}

;// CONCATENATED MODULE: ./packages/checks/src/metrics/prometheus.ts


/**
 * A Prometheus instant query (GET /api/v1/query) at the end of each step. The answer must be one
 * number (a scalar, or a vector of one sample): none (no data — the new slot got no traffic, or the
 * query names nothing) and several are failures, because neither shows the release is healthy; a
 * value above `max` (or NaN) fails the step.
 */
class PrometheusProvider {
    options;
    type = 'prometheus';
    name;
    constructor(options) {
        this.options = options;
        this.name = options.name;
    }
    async evaluate(context, signal) {
        const query = fillQuery(this.options.query, context);
        const base = { name: this.name, threshold: this.options.max };
        const url = new URL('api/v1/query', this.options.url.endsWith('/') ? this.options.url : `${this.options.url}/`);
        url.searchParams.set('query', query);
        let answer;
        try {
            const timeout = AbortSignal.timeout(this.options.requestTimeoutMs ?? 10_000);
            const response = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, headers: { accept: 'application/json' } });
            answer = (await response.json().catch(() => ({})));
            if (!response.ok || answer.status !== 'success')
                return { ...base, passed: false, detail: `Prometheus answered HTTP ${response.status}${answer.error ? `: ${answer.error}` : ''} to ${JSON.stringify(query)}` };
        }
        catch (error) {
            return { ...base, passed: false, detail: `could not query Prometheus at ${url.origin}: ${(0,src.errorMessage)(error)}` };
        }
        const values = samplesOf(answer);
        if (values.length !== 1) {
            return { ...base, passed: false, detail: `${JSON.stringify(query)} gave ${values.length ? `${values.length} series` : 'no data'}; expected one number (aggregate it, e.g. with sum())` };
        }
        const value = values[0];
        const passed = Number.isFinite(value) && value <= this.options.max;
        return { ...base, value, passed, detail: `${JSON.stringify(query)} = ${value}${passed ? ` (at most ${this.options.max})` : `, above ${this.options.max}`}` };
    }
}
function samplesOf(answer) {
    const { resultType, result } = answer.data ?? {};
    if (resultType === 'scalar' && Array.isArray(result))
        return [Number(result[1])];
    if (resultType === 'vector' && Array.isArray(result))
        return result.map((sample) => Number(sample.value?.[1]));
    return [];
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-cjs/index.js
var dist_cjs = __webpack_require__(44085);
;// CONCATENATED MODULE: ./packages/checks/src/metrics/cloudwatch.ts


/** The ALB metrics' one period (CloudWatch publishes ALB metrics per minute). */
const PERIOD_SECONDS = 60;
/** Requests a step needs before its 5xx rate counts (canary.analysis[].min-requests): see docs/design.md. */
const DEFAULT_MIN_REQUESTS = 100;
/** The two queries of a step: their ids and the ALB metrics they sum. */
const METRICS = { errors: 'HTTPCode_Target_5XX_Count', requests: 'RequestCount' };
/** The CloudWatch dimensions of an ALB listener's load balancer and of a target group, from their ARNs (undefined when the ARN is not one). */
function albDimensions(listenerArn, targetGroupArn) {
    const listener = /^arn:aws[a-z-]*:elasticloadbalancing:([a-z0-9-]+):\d{12}:listener\/(app\/[A-Za-z0-9-]+\/[0-9a-f]+)\/[0-9a-f]+$/.exec(listenerArn);
    const group = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:(targetgroup\/[A-Za-z0-9-]+\/[0-9a-f]+)$/.exec(targetGroupArn);
    return { loadBalancer: listener?.[2], targetGroup: group?.[1], region: listener?.[1] };
}
/**
 * The new slot's target group as CloudWatch sees it (namespace AWS/ApplicationELB, dimensions
 * LoadBalancer + TargetGroup, in the order AWS lists them: CloudWatch ignores the order, moto does
 * not): one GetMetricData over the step's window, whole minutes from the
 * minute the step's weight was set to the minute after now, summing HTTPCode_Target_5XX_Count and
 * RequestCount (Sum, 60 s periods). The error rate is sum(5xx) / sum(requests); no 5xx data points
 * is zero 5xx (ALB publishes none then), but fewer requests than `minRequests` fail the step, since
 * a target group that received (almost) nothing shows nothing about the release. A rate above `max`
 * fails it; so does an error reading the metrics.
 */
class CloudWatchProvider {
    options;
    type = 'cloudwatch';
    name;
    client;
    constructor(options) {
        this.options = options;
        this.name = options.name;
        this.client = options.client;
    }
    async evaluate(context, signal) {
        const base = { name: this.name, threshold: this.options.max };
        const targetGroup = this.options.targetGroups[context.slot];
        const minute = PERIOD_SECONDS * 1000;
        const start = Math.floor(context.since / minute) * minute;
        const end = Math.max(start + minute, Math.ceil((this.options.now ?? Date.now)() / minute) * minute);
        const window = `${new Date(start).toISOString().slice(11, 16)}-${new Date(end).toISOString().slice(11, 16)} UTC`;
        const where = `${targetGroup} of ${this.options.loadBalancer}`;
        const query = (id, metric) => ({
            Id: id,
            ReturnData: true,
            MetricStat: {
                Metric: { Namespace: 'AWS/ApplicationELB', MetricName: metric, Dimensions: [{ Name: 'LoadBalancer', Value: this.options.loadBalancer }, { Name: 'TargetGroup', Value: targetGroup }] },
                Period: PERIOD_SECONDS,
                Stat: 'Sum',
            },
        });
        const sums = { errors: 0, requests: 0 };
        const answered = new Set();
        try {
            this.client ??= new dist_cjs/* CloudWatchClient */.WBn({ ...(0,src.awsClientSettings)('CLOUDWATCH', { endpoint: this.options.endpoint }), ...(this.options.region ? { region: this.options.region } : {}) });
            let nextToken;
            do {
                const output = await this.client.send(new dist_cjs/* GetMetricDataCommand */.Soe({ StartTime: new Date(start), EndTime: new Date(end), ScanBy: 'TimestampAscending', NextToken: nextToken, MetricDataQueries: [query('errors', METRICS.errors), query('requests', METRICS.requests)] }), { abortSignal: signal });
                for (const result of output.MetricDataResults ?? []) {
                    if (!result.Id || !(result.Id in sums))
                        continue;
                    // InternalError / Forbidden: CloudWatch could not read that metric (its values are missing or
                    // incomplete). A 5xx count that could not be read is not zero 5xx: the step fails.
                    if (result.StatusCode && result.StatusCode !== 'Complete' && result.StatusCode !== 'PartialData') {
                        const messages = (result.Messages ?? []).map((message) => [message.Code, message.Value].filter(Boolean).join(' ')).filter(Boolean).join('; ');
                        throw new Error(`GetMetricData answered ${METRICS[result.Id]} with status ${result.StatusCode}${messages ? ` (${messages})` : ''}`);
                    }
                    answered.add(result.Id);
                    sums[result.Id] += (result.Values ?? []).reduce((sum, value) => sum + value, 0);
                }
                nextToken = output.NextToken;
            } while (nextToken);
            const missing = Object.keys(sums).filter((id) => !answered.has(id));
            if (missing.length)
                throw new Error(`GetMetricData returned no result for ${missing.map((id) => METRICS[id]).join(' and ')}`);
        }
        catch (error) {
            return { ...base, passed: false, detail: `could not read the CloudWatch metrics of ${where}: ${(0,src.errorMessage)(error)}` };
        }
        const { errors, requests } = sums;
        if (requests < this.options.minRequests) {
            return { ...base, passed: false, detail: `only ${requests} requests reached ${where} in ${window} (RequestCount); at least ${this.options.minRequests} are needed for the 5xx rate to say anything` };
        }
        const value = errors / requests;
        const passed = value <= this.options.max;
        const rate = `${errors} 5xx of ${requests} requests = ${cloudwatch_percent(value)} on ${where} in ${window}`;
        return { ...base, value, passed, detail: passed ? `${rate} (at most ${cloudwatch_percent(this.options.max)})` : `${rate}, above ${cloudwatch_percent(this.options.max)}` };
    }
}
function cloudwatch_percent(value) {
    return `${Number((value * 100).toFixed(2))}%`;
}

;// CONCATENATED MODULE: ./packages/checks/src/metrics/factory.ts



/**
 * Builds the metric providers of `canary.analysis`, validating every entry (naming the field, the
 * value and what was expected) before anything changes.
 */
function createMetricProviders(entries, field, environment) {
    if (entries === undefined)
        return [];
    if (!Array.isArray(entries))
        throw (0,src.invalidInput)(field, entries, 'a list of metric checks, e.g. [{ type: prometheus, url: ..., query: ..., max: 0.05 }]');
    return entries.map((entry, index) => {
        const at = `${field}[${index}]`;
        switch (entry?.type) {
            case 'prometheus': {
                const url = checkUrl(entry.url, `${at}.url`, 'the Prometheus server\'s http(s) URL, e.g. http://prometheus:9090');
                if (typeof entry.query !== 'string' || !entry.query.trim())
                    throw (0,src.invalidInput)(`${at}.query`, entry.query ?? '', 'a PromQL query giving one number, e.g. sum(rate(http_requests_total{slot="{slot}",code=~"5.."}[1m])) / sum(rate(http_requests_total{slot="{slot}"}[1m]))');
                const max = numberField(entry.max, `${at}.max`, 'a number: the step fails when the query gives more');
                return new PrometheusProvider({ name: entry.name ?? `prometheus ${index + 1}`, url: url.toString(), query: entry.query, max });
            }
            case 'cloudwatch': {
                for (const other of ['url', 'query']) {
                    if (entry[other] !== undefined)
                        throw (0,src.invalidInput)(`${at}.${other}`, entry[other], 'nothing: a cloudwatch check reads the new slot\'s target group metrics (HTTPCode_Target_5XX_Count / RequestCount), it takes max and min-requests');
                }
                const max = numberField(entry.max, `${at}.max`, 'the highest 5xx rate a step may show, a number from 0 to 1 (e.g. 0.05) or a percentage such as 5%', true);
                const minRequests = entry['min-requests'] === undefined ? DEFAULT_MIN_REQUESTS : Number(entry['min-requests']);
                if (entry['min-requests'] === '' || !Number.isInteger(minRequests) || minRequests < 1)
                    throw (0,src.invalidInput)(`${at}.min-requests`, entry['min-requests'] ?? '', `a whole number of requests of at least 1 (default ${DEFAULT_MIN_REQUESTS}): a step whose window saw fewer fails, since no traffic shows nothing`);
                if (entry.endpoint !== undefined)
                    checkUrl(entry.endpoint, `${at}.endpoint`, 'the CloudWatch API\'s http(s) URL, e.g. https://monitoring.us-east-1.amazonaws.com');
                const env = environment?.field ?? 'the environment';
                const listenerArn = environment?.router?.['listener-arn'];
                if (environment?.router?.type !== 'alb' || !listenerArn) {
                    throw (0,src.invalidInput)(`${env}.router.type`, environment?.router?.type ?? '', 'alb for a cloudwatch check: it reads the metrics of the new slot\'s target group behind the listener (router.listener-arn, slots.<slot>.target-group-arn)');
                }
                const targetGroups = {};
                let loadBalancer = '';
                let region;
                for (const slot of ['blue', 'green']) {
                    const arn = environment.targetGroups?.[slot] ?? '';
                    const dimensions = albDimensions(listenerArn, arn);
                    if (!dimensions.loadBalancer)
                        throw (0,src.invalidInput)(`${env}.router.listener-arn`, listenerArn, 'the ARN of an application load balancer\'s listener (arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<id>/<id>): CloudWatch publishes target group 5xx counts for application load balancers');
                    if (!dimensions.targetGroup)
                        throw (0,src.invalidInput)(`${env}.slots.${slot}.target-group-arn`, arn, 'a target group ARN such as arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop-blue/73e2d6bc24d8a067');
                    targetGroups[slot] = dimensions.targetGroup;
                    loadBalancer = dimensions.loadBalancer;
                    region = dimensions.region;
                }
                return new CloudWatchProvider({ name: entry.name ?? `cloudwatch ${index + 1}`, max, minRequests, loadBalancer, targetGroups, region, endpoint: entry.endpoint });
            }
            default:
                throw new src.ShipkitError(`${at}.type has an invalid value ${JSON.stringify(entry?.type ?? '')}: expected prometheus or cloudwatch.`);
        }
    });
}
/** A threshold: a number, or for cloudwatch a percentage such as `5%`; errors name the field, the value and what was expected. */
function numberField(value, field, expected, rate = false) {
    const text = typeof value === 'string' ? value.trim() : value;
    const parsed = rate && typeof text === 'string' && /^\d+(\.\d+)?%$/.test(text) ? Number(text.slice(0, -1)) / 100 : Number(text);
    if (text === undefined || text === '' || typeof text === 'boolean' || !Number.isFinite(parsed) || (rate && (parsed < 0 || parsed > 1)))
        throw (0,src.invalidInput)(field, value ?? '', expected);
    return parsed;
}
/** An http(s) URL without credentials; a refused one is never echoed with its password. */
function checkUrl(value, field, expected) {
    let url;
    try {
        url = new URL(String(value ?? ''));
    }
    catch {
        throw (0,src.invalidInput)(field, value ?? '', expected);
    }
    if (!/^https?:$/.test(url.protocol))
        throw (0,src.invalidInput)(field, value, 'an http(s) URL');
    if (url.username || url.password)
        throw (0,src.invalidInput)(field, `${url.protocol}//***@${url.host}`, 'a URL without credentials (they would reach logs and the ledger)');
    return url;
}

;// CONCATENATED MODULE: ./packages/checks/src/index.ts












/***/ })

};
