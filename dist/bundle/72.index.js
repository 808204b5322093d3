export const id = 72;
export const ids = [72];
export const modules = {

/***/ 60072:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29480);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41639);


await (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runAction)({ main: _main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i, post: _main_js__WEBPACK_IMPORTED_MODULE_1__/* .post */ .b });

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 41639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main),
  b: () => (/* binding */ post)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 21 modules
var src = __webpack_require__(29480);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/cache.js + 83 modules
var cache = __webpack_require__(49511);
;// CONCATENATED MODULE: ./packages/trivy-scan/src/cache.ts






/**
 * Trivy's cache directory (vulnerability DB, Java DB, checks bundle) kept with the Actions cache
 * under a daily key, restored from the newest earlier day when today's is missing. Saving happens
 * in the post step, which runs even when the scan failed or the job was cancelled, so a DB that was
 * downloaded is never downloaded again the same day.
 */
const DEFAULT_DB_REPOSITORIES = ['mirror.gcr.io/aquasec/trivy-db:2', 'public.ecr.aws/aquasecurity/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2'];
const DEFAULT_JAVA_DB_REPOSITORIES = ['mirror.gcr.io/aquasec/trivy-java-db:1', 'public.ecr.aws/aquasecurity/trivy-java-db:1', 'ghcr.io/aquasecurity/trivy-java-db:1'];
function defaultCacheDir() {
    return external_node_path_default().join(external_node_os_default().homedir(), '.cache', 'trivy');
}
function cacheKeys(now = new Date(), runnerOs = process.env.RUNNER_OS ?? process.platform) {
    const prefix = `shipkit-trivy-cache-${runnerOs}-`;
    return { primary: `${prefix}${now.toISOString().slice(0, 10)}`, restore: [prefix] };
}
/** Why the cache is not used, or undefined when it can be. */
function cacheUnavailableReason() {
    if (!cache/* isFeatureAvailable */.w3())
        return 'the Actions cache service is not available here (no ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL)';
    return undefined;
}
async function restoreTrivyCache(cacheDir, keys) {
    const reason = cacheUnavailableReason();
    if (reason) {
        src.runner.info(`Trivy cache: skipped, ${reason}.`);
        return { skipped: reason, unavailable: true };
    }
    try {
        const restoredKey = await cache/* restoreCache */.P3([cacheDir], keys.primary, keys.restore);
        src.runner.info(restoredKey ? `Trivy cache: restored ${restoredKey}${restoredKey === keys.primary ? '' : ` (today's key ${keys.primary} not saved yet)`}.` : `Trivy cache: no entry for ${keys.primary} or an earlier day.`);
        return { restoredKey };
    }
    catch (error) {
        // A cache problem must never fail a scan: Trivy downloads the DB instead.
        src.runner.warning(`Trivy cache: restore failed (${(0,src.errorMessage)(error)}); the DB will be downloaded.`);
        return { skipped: (0,src.errorMessage)(error) };
    }
}
async function saveTrivyCache(cacheDir, keys, restoredKey) {
    const reason = cacheUnavailableReason();
    if (reason) {
        src.runner.info(`Trivy cache: not saved, ${reason}.`);
        return { saved: false, reason };
    }
    if (restoredKey === keys.primary) {
        src.runner.info(`Trivy cache: ${keys.primary} was restored; nothing new to save.`);
        return { saved: false, reason: 'up to date' };
    }
    if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(cacheDir, 'db')) && !(0,external_node_fs_.existsSync)(external_node_path_default().join(cacheDir, 'java-db'))) {
        src.runner.info(`Trivy cache: nothing to save, ${cacheDir} has no database.`);
        return { saved: false, reason: 'no database' };
    }
    // The per-image layer cache (fanal) is large and useless on another runner; the DBs are what we keep.
    await (0,promises_.rm)(external_node_path_default().join(cacheDir, 'fanal'), { recursive: true, force: true });
    try {
        // saveCache logs and returns -1 for a lost race (another job saved today's key first).
        const id = await cache/* saveCache */.Io([cacheDir], keys.primary);
        if (id === -1)
            return { saved: false, reason: 'not saved (see the line above)' };
        src.runner.info(`Trivy cache: saved ${keys.primary}.`);
        return { saved: true, reason: 'saved' };
    }
    catch (error) {
        src.runner.warning(`Trivy cache: save failed (${(0,src.errorMessage)(error)}).`);
        return { saved: false, reason: (0,src.errorMessage)(error) };
    }
}

// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 7 modules
var esm = __webpack_require__(33581);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./packages/trivy-scan/src/report.ts


/**
 * Trivy's JSON report, schema version 2. Every field Trivy writes is `omitempty`: a clean image
 * has no `Results`, a result without findings has no `Vulnerabilities`. Anything present must
 * have the documented shape; a report that does not is an error naming the file and the field,
 * never a crash and never a silent pass.
 */
/** Ascending: the index is the rank used for thresholds. */
const SEVERITIES = ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
function severityRank(severity) {
    return SEVERITIES.indexOf(severity);
}
class Reader {
    file;
    constructor(file) {
        this.file = file;
    }
    fail(where, problem) {
        throw new src.ShipkitError(`Trivy report ${this.file} is malformed: ${where} ${problem}.`, {
            hint: 'The report must be Trivy JSON (--format json, SchemaVersion 2). Re-run the scan; if it repeats, the Trivy version may be unsupported.',
        });
    }
    object(value, where) {
        if (value && typeof value === 'object' && !Array.isArray(value))
            return value;
        return this.fail(where, `should be an object but is ${(0,src.showValue)(value)}`);
    }
    /** An omitempty list: absent or null means empty. */
    list(value, where) {
        if (value === undefined || value === null)
            return [];
        if (Array.isArray(value))
            return value;
        return this.fail(where, `should be a list but is ${(0,src.showValue)(value)}`);
    }
    optionalString(value, where) {
        if (value === undefined || value === null || value === '')
            return undefined;
        if (typeof value === 'string')
            return value;
        return this.fail(where, `should be a string but is ${(0,src.showValue)(value)}`);
    }
    requiredString(value, where) {
        const text = this.optionalString(value, where);
        if (text === undefined)
            return this.fail(where, 'is missing');
        return text;
    }
    optionalNumber(value, where) {
        if (value === undefined || value === null)
            return undefined;
        if (typeof value === 'number' && Number.isFinite(value))
            return value;
        return this.fail(where, `should be a number but is ${(0,src.showValue)(value)}`);
    }
    severity(value, where) {
        // Trivy omits an empty severity; it then means "not rated", which is UNKNOWN.
        if (value === undefined || value === null || value === '')
            return 'UNKNOWN';
        if (typeof value === 'string' && SEVERITIES.includes(value.toUpperCase())) {
            return value.toUpperCase();
        }
        return this.fail(where, `should be one of ${SEVERITIES.join(', ')} but is ${(0,src.showValue)(value)}`);
    }
}
function parseReport(text, file) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new src.ShipkitError(`Trivy report ${file} is not valid JSON (${detail}).`, {
            hint: text.trim() ? 'The file may be truncated: Trivy may have been killed while writing it.' : 'The file is empty: Trivy wrote no report.',
        });
    }
    const read = new Reader(file);
    const root = read.object(data, 'the top level');
    if (root.SchemaVersion !== 2) {
        read.fail('SchemaVersion', `should be 2 but is ${(0,src.showValue)(root.SchemaVersion)}`);
    }
    const trivy = root.Trivy === undefined ? {} : read.object(root.Trivy, 'Trivy');
    const findings = [];
    read.list(root.Results, 'Results').forEach((item, r) => {
        const at = `Results[${r}]`;
        const result = read.object(item, at);
        const target = read.optionalString(result.Target, `${at}.Target`) ?? '';
        const resultClass = read.optionalString(result.Class, `${at}.Class`);
        const resultType = read.optionalString(result.Type, `${at}.Type`);
        read.list(result.Vulnerabilities, `${at}.Vulnerabilities`).forEach((entry, v) => {
            const where = `${at}.Vulnerabilities[${v}]`;
            const vuln = read.object(entry, where);
            const identifier = vuln.PkgIdentifier === undefined || vuln.PkgIdentifier === null ? {} : read.object(vuln.PkgIdentifier, `${where}.PkgIdentifier`);
            findings.push({
                kind: 'vulnerability',
                id: read.requiredString(vuln.VulnerabilityID, `${where}.VulnerabilityID`),
                severity: read.severity(vuln.Severity, `${where}.Severity`),
                title: read.optionalString(vuln.Title, `${where}.Title`),
                target,
                resultClass,
                resultType,
                pkgName: read.optionalString(vuln.PkgName, `${where}.PkgName`),
                pkgPath: read.optionalString(vuln.PkgPath, `${where}.PkgPath`),
                purl: read.optionalString(identifier.PURL, `${where}.PkgIdentifier.PURL`),
                installedVersion: read.optionalString(vuln.InstalledVersion, `${where}.InstalledVersion`),
                fixedVersion: read.optionalString(vuln.FixedVersion, `${where}.FixedVersion`),
                status: read.optionalString(vuln.Status, `${where}.Status`),
                link: read.optionalString(vuln.PrimaryURL, `${where}.PrimaryURL`),
                description: read.optionalString(vuln.Description, `${where}.Description`),
            });
        });
        read.list(result.Misconfigurations, `${at}.Misconfigurations`).forEach((entry, m) => {
            const where = `${at}.Misconfigurations[${m}]`;
            const misconf = read.object(entry, where);
            const status = read.optionalString(misconf.Status, `${where}.Status`);
            // With --include-non-failures Trivy also lists passed checks; only failures are findings.
            if (status && status !== 'FAIL')
                return;
            const cause = misconf.CauseMetadata === undefined || misconf.CauseMetadata === null ? {} : read.object(misconf.CauseMetadata, `${where}.CauseMetadata`);
            const id = read.optionalString(misconf.ID, `${where}.ID`) ?? read.requiredString(misconf.AVDID, `${where}.AVDID`);
            const avdId = read.optionalString(misconf.AVDID, `${where}.AVDID`);
            findings.push({
                kind: 'misconfiguration',
                id,
                altId: avdId && avdId !== id ? avdId : undefined,
                severity: read.severity(misconf.Severity, `${where}.Severity`),
                title: read.optionalString(misconf.Title, `${where}.Title`),
                target,
                resultClass,
                resultType,
                status,
                link: read.optionalString(misconf.PrimaryURL, `${where}.PrimaryURL`),
                description: read.optionalString(misconf.Description, `${where}.Description`),
                message: read.optionalString(misconf.Message, `${where}.Message`),
                resolution: read.optionalString(misconf.Resolution, `${where}.Resolution`),
                startLine: read.optionalNumber(cause.StartLine, `${where}.CauseMetadata.StartLine`),
                endLine: read.optionalNumber(cause.EndLine, `${where}.CauseMetadata.EndLine`),
            });
        });
        read.list(result.Secrets, `${at}.Secrets`).forEach((entry, s) => {
            const where = `${at}.Secrets[${s}]`;
            const secret = read.object(entry, where);
            findings.push({
                kind: 'secret',
                id: read.requiredString(secret.RuleID, `${where}.RuleID`),
                severity: read.severity(secret.Severity, `${where}.Severity`),
                title: read.optionalString(secret.Title, `${where}.Title`),
                target,
                resultClass,
                resultType,
                category: read.optionalString(secret.Category, `${where}.Category`),
                startLine: read.optionalNumber(secret.StartLine, `${where}.StartLine`),
                endLine: read.optionalNumber(secret.EndLine, `${where}.EndLine`),
            });
        });
    });
    return {
        file,
        artifactName: read.optionalString(root.ArtifactName, 'ArtifactName'),
        artifactType: read.optionalString(root.ArtifactType, 'ArtifactType'),
        trivyVersion: read.optionalString(trivy.Version, 'Trivy.Version'),
        raw: root,
        findings,
    };
}
async function readReport(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new src.ShipkitError(`Trivy report ${file} could not be read: ${error.message}.`, {
            hint: 'Trivy exited without writing its --output file; see its log above.',
        });
    }
    return parseReport(text, file);
}
function countBySeverity(findings) {
    const counts = Object.fromEntries([...SEVERITIES].reverse().map((severity) => [severity, 0]));
    for (const finding of findings)
        counts[finding.severity]++;
    return counts;
}
/** Most severe first; stable within a severity. */
function bySeverityDescending(a, b) {
    return severityRank(b.severity) - severityRank(a.severity);
}

;// CONCATENATED MODULE: ./packages/trivy-scan/src/gate.ts






function parseFailOn(value, input = 'fail-on') {
    const text = value.trim().toUpperCase();
    if (text === 'NONE')
        return 'none';
    if (SEVERITIES.includes(text))
        return text;
    throw (0,src.invalidInput)(input, value, `one of ${SEVERITIES.join(', ')} (the lowest severity that fails the step) or none`);
}
const ALL_KINDS = ['vulnerability', 'misconfiguration', 'secret'];
const YAML_SECTIONS = {
    vulnerabilities: 'vulnerability',
    misconfigurations: 'misconfiguration',
    secrets: 'secret',
    licenses: undefined, // Trivy's license findings are not gated here; accepted so shared files load.
};
function parseDate(value, where) {
    if (value instanceof Date && !Number.isNaN(value.getTime()))
        return value;
    const text = typeof value === 'string' ? value.trim() : '';
    const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(text);
    if (!text || Number.isNaN(date.getTime())) {
        throw new src.ShipkitError(`Ignore file ${where}: invalid expiry date ${(0,src.showValue)(value)}: expected YYYY-MM-DD (or an RFC 3339 time).`);
    }
    return date;
}
/** The plain format: one id per line, optionally `exp:YYYY-MM-DD`; `#` starts a comment line. */
function parseTrivyIgnore(text, file) {
    const rules = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            return;
        const [id, ...rest] = line.split(/\s+/);
        const source = `${file}:${index + 1}`;
        const expiry = rest.find((field) => field.startsWith('exp:'));
        rules.push({ id, kinds: ALL_KINDS, source, expiresAt: expiry === undefined ? undefined : parseDate(expiry.slice(4), source) });
    });
    return rules;
}
/** The YAML format (.trivyignore.yaml): sections of entries with id, paths, purls, statement, expired_at. */
function parseTrivyIgnoreYaml(text, file) {
    let doc;
    try {
        doc = dist.parse(text, { maxAliasCount: 100 });
    }
    catch (error) {
        throw new src.ShipkitError(`Ignore file ${file} is not valid YAML: ${error.message.split('\n')[0]}`);
    }
    if (doc === null || doc === undefined)
        return [];
    if (typeof doc !== 'object' || Array.isArray(doc)) {
        throw new src.ShipkitError(`Ignore file ${file} should be a mapping with vulnerabilities, misconfigurations, secrets or licenses lists.`);
    }
    const rules = [];
    for (const [section, entries] of Object.entries(doc)) {
        if (!(section in YAML_SECTIONS)) {
            throw new src.ShipkitError(`Ignore file ${file} has an unknown section ${(0,src.showValue)(section)}: expected vulnerabilities, misconfigurations, secrets or licenses.`);
        }
        const kind = YAML_SECTIONS[section];
        if (entries === null || entries === undefined)
            continue;
        if (!Array.isArray(entries))
            throw new src.ShipkitError(`Ignore file ${file}: ${section} should be a list of entries with an id.`);
        entries.forEach((entry, index) => {
            const where = `${file} ${section}[${index}]`;
            if (!entry || typeof entry !== 'object' || Array.isArray(entry))
                throw new src.ShipkitError(`Ignore file ${where} should be a mapping with an id.`);
            const item = entry;
            if (typeof item.id !== 'string' || !item.id.trim())
                throw new src.ShipkitError(`Ignore file ${where} has no id.`);
            const list = (field) => {
                const value = item[field];
                if (value === undefined || value === null)
                    return undefined;
                if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
                    return value;
                throw new src.ShipkitError(`Ignore file ${where}.${field} should be a list of strings but is ${(0,src.showValue)(value)}.`);
            };
            if (!kind)
                return;
            rules.push({
                id: item.id.trim(),
                kinds: [kind],
                paths: list('paths'),
                purls: list('purls'),
                expiresAt: item.expired_at === undefined || item.expired_at === null ? undefined : parseDate(item.expired_at, where),
                statement: typeof item.statement === 'string' ? item.statement : undefined,
                source: where,
            });
        });
    }
    return rules;
}
async function loadIgnoreFile(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new src.ShipkitError(`Ignore file ${file} could not be read: ${error.message}.`, {
            hint: 'Check the "trivyignores" input: paths are relative to the workspace.',
        });
    }
    return /\.ya?ml$/i.test(file) ? parseTrivyIgnoreYaml(text, file) : parseTrivyIgnore(text, file);
}
function parsePurl(text) {
    const match = /^pkg:([^/]+)\/(.+?)(?:@([^?#]+))?(?:\?([^#]*))?(?:#.*)?$/.exec(text);
    if (!match)
        return undefined;
    const segments = match[2].split('/').map(decodeURIComponent);
    const qualifiers = new Map();
    for (const pair of (match[4] ?? '').split('&').filter(Boolean)) {
        const [key, value = ''] = pair.split('=');
        qualifiers.set(key.toLowerCase(), decodeURIComponent(value));
    }
    return {
        type: match[1].toLowerCase(),
        name: segments.pop() ?? '',
        namespace: segments.join('/'),
        version: match[3] === undefined ? undefined : decodeURIComponent(match[3]),
        qualifiers,
    };
}
/** Trivy's rule: same type, namespace and name; version and qualifiers only when the rule gives them. */
function purlMatches(rule, target) {
    if (!target)
        return true;
    const want = parsePurl(rule);
    const have = parsePurl(target);
    if (!want || !have)
        return rule === target;
    if (want.type !== have.type || want.namespace !== have.namespace || want.name !== have.name)
        return false;
    if (want.version !== undefined && want.version !== have.version)
        return false;
    for (const [key, value] of want.qualifiers)
        if (have.qualifiers.get(key) !== value)
            return false;
    return true;
}
function ruleMatches(rule, finding) {
    if (!rule.kinds.includes(finding.kind))
        return false;
    if (rule.id !== finding.id && rule.id !== finding.altId)
        return false;
    if (rule.paths?.length) {
        const candidates = [finding.target, finding.pkgPath].filter((p) => Boolean(p));
        if (!rule.paths.some((pattern) => candidates.some((candidate) => (0,esm/* minimatch */.xF)(candidate, pattern, { dot: true }))))
            return false;
    }
    if (rule.purls?.length && finding.kind === 'vulnerability') {
        if (!rule.purls.some((purl) => purlMatches(purl, finding.purl)))
            return false;
    }
    return true;
}
/** A vulnerability without a fix: no fixed version, or a status other than "fixed". */
function isUnfixed(finding) {
    if (finding.kind !== 'vulnerability')
        return false;
    return !finding.fixedVersion || (finding.status !== undefined && finding.status !== 'fixed');
}
function gate(findings, options) {
    const now = options.now ?? new Date();
    const active = options.ignores.filter((rule) => !rule.expiresAt || rule.expiresAt.getTime() > now.getTime());
    const expired = options.ignores.filter((rule) => rule.expiresAt && rule.expiresAt.getTime() <= now.getTime());
    const gated = findings.map((finding) => {
        const rule = active.find((candidate) => ruleMatches(candidate, finding));
        let verdict;
        if (options.failOn === 'none')
            verdict = { gating: false, reason: 'not-gated' };
        else if (severityRank(finding.severity) < severityRank(options.failOn))
            verdict = { gating: false, reason: 'below-threshold' };
        else if (rule)
            verdict = { gating: false, reason: 'ignored', rule };
        else if (options.ignoreUnfixed && isUnfixed(finding))
            verdict = { gating: false, reason: 'unfixed' };
        else
            verdict = { gating: true };
        if (rule && verdict.gating === false && verdict.reason !== 'ignored')
            verdict = { ...verdict, rule };
        return { ...finding, verdict };
    });
    return { findings: gated, gating: gated.filter((finding) => finding.verdict.gating), expired };
}
/** The ignore files to use: the input's list, else `.trivyignore` / `.trivyignore.yaml` in the workspace when present. */
function resolveIgnoreFiles(given, workspace, exists) {
    // By real path, inside the workspace (or RUNNER_TEMP): a symlink elsewhere is refused unread.
    if (given.length)
        return given.map((file) => (0,src.resolveInside)('trivyignores', file, { workspace, kind: 'file' }));
    return ['.trivyignore', '.trivyignore.yaml', '.trivyignore.yml'].map((file) => external_node_path_default().join(workspace, file)).filter(exists);
}

// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(59805);
;// CONCATENATED MODULE: ./packages/trivy-scan/src/install.ts





const VERSION = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;
/**
 * Trivy releases known to be compromised (a supply-chain attack on the release pipeline shipped
 * malicious binaries as these versions); refused whatever the checksum says.
 */
const COMPROMISED_TRIVY_VERSIONS = new Set(['0.69.4', '0.69.5', '0.69.6']);
function normalizeVersion(value, input = 'version') {
    const match = VERSION.exec(value.trim());
    if (!match)
        throw (0,src.invalidInput)(input, value, 'a Trivy release version such as 0.69.3 (pinned; "latest" is not supported)');
    if (COMPROMISED_TRIVY_VERSIONS.has(match[1])) {
        throw (0,src.invalidInput)(input, value, `a Trivy release that is not known to be compromised (${[...COMPROMISED_TRIVY_VERSIONS].join(', ')} are), such as 0.69.3`);
    }
    return match[1];
}
function normalizeDownloadUrl(value, input = 'download-url') {
    let url;
    try {
        url = new URL(value.trim());
    }
    catch {
        throw (0,src.invalidInput)(input, value, 'an http(s) URL, the base of the release downloads (…/releases/download)');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw (0,src.invalidInput)(input, value, 'an http(s) URL');
    return url.toString().replace(/\/+$/, '');
}
function normalizeSha256(value, input = 'trivy-sha256') {
    const text = value.trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(text))
        throw (0,src.invalidInput)(input, value, 'a sha256 digest of 64 hex digits');
    return text;
}
/**
 * The sha256 of each platform's archive of the default version, pinned in the source: a checksum
 * fetched from the same origin as the archive proves nothing against a tampered release. Taken from
 * the release's trivy_<version>_checksums.txt, cross-checked with independent public pins.
 */
const PINNED_TRIVY_SHA256 = {
    '0.69.3': {
        'trivy_0.69.3_Linux-64bit.tar.gz': '1816b632dfe529869c740c0913e36bd1629cb7688bd5634f4a858c1d57c88b75',
        'trivy_0.69.3_Linux-ARM64.tar.gz': '7e3924a974e912e57b4a99f65ece7931f8079584dae12eb7845024f97087bdfd',
        'trivy_0.69.3_macOS-64bit.tar.gz': 'fec4a9f7569b624dd9d044fca019e5da69e032700edbb1d7318972c448ec2f4e',
        'trivy_0.69.3_macOS-ARM64.tar.gz': 'a2f2179afd4f8bb265ca3c7aefb56a666bc4a9a411663bc0f22c3549fbc643a5',
    },
};
/** The version a trivy binary reports (`trivy --version`: "Version: 0.69.3"), or undefined. */
async function trivyVersion(binary) {
    try {
        const result = await (0,src.exec)(binary, ['--version'], { silent: true, check: false, label: 'trivy --version' });
        return /Version:\s*v?(\d+\.\d+\.\d+)/.exec(`${result.stdout}\n${result.stderr}`)?.[1];
    }
    catch {
        return undefined;
    }
}
/** Trivy's release asset name for a platform, e.g. trivy_0.69.3_Linux-64bit.tar.gz. */
function assetName(version, platform, arch) {
    const os = platform === 'linux' ? 'Linux' : platform === 'darwin' ? 'macOS' : undefined;
    const archNames = { x64: '64bit', arm64: 'ARM64', arm: 'ARM', ppc64: 'PPC64LE', s390x: 's390x' };
    const cpu = archNames[arch];
    if (!os || !cpu || (os === 'macOS' && !['x64', 'arm64'].includes(arch))) {
        throw new src.ShipkitError(`There is no Trivy release build for ${platform}/${arch} that this action can install.`, {
            hint: 'Install Trivy yourself before this step (it is used from PATH), or run on Linux or macOS (x64 or arm64).',
        });
    }
    return `trivy_${version}_${os}-${cpu}.tar.gz`;
}
/** Parses `<sha256>  <file>` lines (sha256sum format) into a map. */
function parseChecksums(text) {
    const sums = new Map();
    for (const line of text.split(/\r?\n/)) {
        const match = /^([0-9a-fA-F]{64})\s+\*?(\S+)\s*$/.exec(line.trim());
        if (match)
            sums.set(match[2], match[1].toLowerCase());
    }
    return sums;
}
async function download(url, what) {
    try {
        return await tool_cache/* downloadTool */.bq(url);
    }
    catch (error) {
        throw new src.ShipkitError(`Could not download the Trivy ${what} from ${url}: ${error.message}`, {
            hint: 'Check the "version" and "download-url" inputs; a mirror must keep the GitHub release layout (v<version>/<asset>).',
        });
    }
}
/** The first executable file called `name` on PATH. */
function findOnPath(name, searchPath = process.env.PATH ?? '') {
    for (const dir of searchPath.split((external_node_path_default()).delimiter).filter(Boolean)) {
        const candidate = external_node_path_default().join(dir, name);
        try {
            if (!(0,external_node_fs_.statSync)(candidate).isFile())
                continue;
            (0,external_node_fs_.accessSync)(candidate, external_node_fs_.constants.X_OK);
            return candidate;
        }
        catch {
            // not here
        }
    }
    return undefined;
}
async function installTrivy(options) {
    if (!options.ignorePath) {
        const onPath = findOnPath('trivy');
        if (onPath) {
            const found = await trivyVersion(onPath);
            if (found === options.version) {
                src.runner.info(`Using trivy ${found} from PATH: ${onPath}`);
                return { path: onPath, source: 'path', version: found };
            }
            src.runner.warning(`The trivy on PATH (${onPath}) is ${found ? `version ${found}` : 'of an unknown version'}, not the requested ${options.version}: installing ${options.version} instead.`);
        }
    }
    const platform = options.platform ?? process.platform;
    const arch = options.arch ?? process.arch;
    const asset = assetName(options.version, platform, arch);
    const cached = tool_cache/* find */.I6('trivy', options.version, arch);
    if (cached && (0,external_node_fs_.existsSync)(external_node_path_default().join(cached, 'trivy'))) {
        src.runner.info(`Using trivy ${options.version} from the tool cache`);
        return { path: external_node_path_default().join(cached, 'trivy'), source: 'tool-cache', version: options.version };
    }
    const base = `${options.downloadUrl}/v${options.version}`;
    const pinned = PINNED_TRIVY_SHA256[options.version]?.[asset];
    src.runner.info(`Downloading ${base}/${asset}`);
    let expectedFromRelease;
    if (!pinned) {
        // Not pinned here: the release's own checksums file (same origin, so it proves integrity, not
        // authenticity; pass trivy-sha256 to pin the bytes of other versions).
        const checksumsName = `trivy_${options.version}_checksums.txt`;
        const checksumsFile = await download(`${base}/${checksumsName}`, 'checksums file');
        expectedFromRelease = parseChecksums(await (0,promises_.readFile)(checksumsFile, 'utf8')).get(asset);
        await (0,promises_.rm)(checksumsFile, { force: true });
        if (!expectedFromRelease) {
            throw new src.ShipkitError(`The Trivy checksums file ${base}/${checksumsName} has no entry for ${asset}; refusing to install an unverified binary.`);
        }
        if (!options.sha256)
            src.runner.warning(`Trivy ${options.version} is not pinned in shipkit: its archive is checked against the checksums file of the same release only. Set trivy-sha256 to pin it.`);
    }
    const tarball = await download(`${base}/${asset}`, 'release');
    const actual = await (0,src.sha256File)(tarball);
    const mismatch = pinned && actual !== pinned
        ? `shipkit pins ${asset} to ${pinned}`
        : expectedFromRelease && actual !== expectedFromRelease
            ? `the release's checksums file says ${expectedFromRelease}`
            : options.sha256 && actual !== options.sha256
                ? `the "trivy-sha256" input says ${options.sha256}`
                : undefined;
    if (mismatch) {
        await (0,promises_.rm)(tarball, { force: true });
        throw new src.ShipkitError(`Refusing to install Trivy: ${asset} from ${base} has sha256 ${actual}, but ${mismatch}.`, {
            hint: 'The download was corrupted or tampered with. Nothing was extracted. Check the mirror (download-url) and retry.',
        });
    }
    src.runner.info(`Verified sha256 ${actual} of ${asset}`);
    const extracted = await tool_cache/* extractTar */.nN(tarball, undefined, 'xz');
    await (0,promises_.rm)(tarball, { force: true });
    if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(extracted, 'trivy'))) {
        throw new src.ShipkitError(`The Trivy release ${asset} has no "trivy" executable at its top level.`);
    }
    const dir = await tool_cache/* cacheDir */.e8(extracted, 'trivy', options.version, arch);
    return { path: external_node_path_default().join(dir, 'trivy'), source: 'download', version: options.version };
}

;// CONCATENATED MODULE: ./packages/trivy-scan/src/scan.ts




const DEFAULT_RETRY = { attempts: 5, baseDelayMs: 10_000, maxDelayMs: 60_000 };
/** Registries answer 429 / TOOMANYREQUESTS when the DB is pulled too often; that is worth waiting for. */
function isRateLimited(error) {
    const text = error instanceof Error ? error.message : String(error);
    return /TOOMANYREQUESTS|too many requests|(?:status|code)[\s:=]*429\b/i.test(text);
}
function validateImageRef(ref) {
    // A ref is one token; a leading "-" would be read as a flag.
    if (!ref || /\s/.test(ref) || ref.startsWith('-')) {
        throw new src.ShipkitError(`Input "image-refs" has an invalid image reference ${JSON.stringify(ref)}: expected a reference such as registry.example.com/app:1.2.3 (one per line).`);
    }
    return ref;
}
/** A path argument that cannot be mistaken for a flag. */
function safePathArgument(scanRef) {
    return scanRef.startsWith('-') ? `./${scanRef}` : scanRef;
}
function dbArguments(settings) {
    const args = ['--db-repository', settings.dbRepositories.join(',')];
    if (settings.javaDbRepositories.length)
        args.push('--java-db-repository', settings.javaDbRepositories.join(','));
    return args;
}
async function runTrivy(settings, args, label) {
    const policy = settings.retry ?? DEFAULT_RETRY;
    return (0,src.retry)(() => (0,src.exec)(settings.trivy, args, { env: settings.env, label }), {
        ...policy,
        retryable: isRateLimited,
        onRetry: (_error, attempt, delay) => src.runner.warning(`${label}: the registry is rate limiting (TOOMANYREQUESTS); retry ${attempt}/${policy.attempts - 1} in ${Math.round(delay / 1000)}s.`),
    });
}
/** Downloads (or refreshes) the vulnerability DB once, so the scans that follow skip the update. */
async function prepareDatabase(settings) {
    await runTrivy(settings, ['image', '--download-db-only', '--cache-dir', settings.cacheDir, '--no-progress', ...dbArguments(settings)], 'trivy DB download');
}
/** Trivy applies a .trivyignore in its working directory by default; an empty one keeps every finding in the report. */
async function emptyIgnoreFile(settings) {
    const file = external_node_path_default().join(settings.outputDir, '.shipkit-empty-trivyignore');
    await (0,promises_.writeFile)(file, '');
    return file;
}
function scanArguments(settings, target, output, ignoreFile) {
    const common = ['--format', 'json', '--output', output, '--cache-dir', settings.cacheDir, '--no-progress', '--exit-code', '0', '--ignorefile', ignoreFile, '--severity', SEVERITIES.join(',')];
    if (settings.timeoutMs)
        common.push('--timeout', `${Math.ceil(settings.timeoutMs / 1000)}s`);
    // `config` has no DB flags and no progress bar option.
    if (settings.scanType === 'config')
        return ['config', ...common.filter((arg) => arg !== '--no-progress'), safePathArgument(target)];
    const db = ['--skip-db-update', ...(settings.javaDbRepositories.length ? ['--java-db-repository', settings.javaDbRepositories.join(',')] : [])];
    if (settings.scanType === 'fs')
        return ['fs', ...common, ...db, safePathArgument(target)];
    return ['image', ...common, ...db, ...(settings.insecure ? ['--insecure'] : []), validateImageRef(target)];
}
function reportFileName(index, target) {
    const slug = target.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 80) || 'target';
    return `${String(index + 1).padStart(2, '0')}-${slug}.trivy.json`;
}
async function scanTargets(settings, targets) {
    await (0,promises_.mkdir)(settings.outputDir, { recursive: true });
    const ignoreFile = await emptyIgnoreFile(settings);
    if (settings.scanType !== 'config') {
        await src.runner.group('Trivy vulnerability DB', () => prepareDatabase(settings));
    }
    const outputs = [];
    // One at a time: Trivy locks its cache directory, so parallel scans would only wait on each other.
    for (const [index, target] of targets.entries()) {
        const reportFile = external_node_path_default().join(settings.outputDir, reportFileName(index, target.name));
        await (0,promises_.rm)(reportFile, { force: true });
        const label = `trivy ${settings.scanType} ${target.name}`;
        await src.runner.group(label, () => runTrivy(settings, scanArguments(settings, target.ref, reportFile, ignoreFile), label));
        outputs.push({ name: target.name, reportFile });
    }
    return outputs;
}

;// CONCATENATED MODULE: ./packages/trivy-scan/src/context.ts








const REPOSITORY = /^[a-z0-9][a-z0-9.-]*(?::\d+)?(?:\/[a-z0-9._-]+)+(?::[A-Za-z0-9._-]+)?$/;
function repositories(name, fallback) {
    const given = (0,src.getList)(name);
    for (const repo of given) {
        if (!REPOSITORY.test(repo))
            throw (0,src.invalidInput)(name, repo, 'OCI repositories such as mirror.gcr.io/aquasec/trivy-db:2, one per line or comma-separated, in order of preference');
    }
    return given.length ? given : fallback;
}
async function readContext(env = process.env) {
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const scanType = (0,src.getEnum)('scan-type', ['image', 'fs', 'config'], 'image');
    const imageRefs = (0,src.parseList)((0,src.getString)('image-refs'));
    let targets;
    let repositoryPrefix;
    if (scanType === 'image') {
        if (!imageRefs.length) {
            throw new src.ShipkitError('Input "image-refs" is required when scan-type is image but was not given.', {
                hint: "Pass build-images' refs output (one image reference per line), or set scan-type to fs or config with scan-ref.",
            });
        }
        targets = [...new Set(imageRefs.map(validateImageRef))].map((ref) => ({ name: ref, ref }));
    }
    else {
        if (imageRefs.length)
            throw (0,src.invalidInput)('image-refs', (0,src.getString)('image-refs'), `nothing when scan-type is ${scanType} (scan-ref names what is scanned)`);
        const scanRef = (0,src.getString)('scan-ref') || '.';
        const absolute = external_node_path_default().resolve(workspace, scanRef);
        if (!(0,external_node_fs_.existsSync)(absolute))
            throw (0,src.invalidInput)('scan-ref', scanRef, `a file or directory in the workspace (${absolute} does not exist)`);
        targets = [{ name: scanRef, ref: absolute }];
        const relative = external_node_path_default().relative(workspace, (0,external_node_fs_.statSync)(absolute).isDirectory() ? absolute : external_node_path_default().dirname(absolute));
        repositoryPrefix = relative.startsWith('..') || external_node_path_default().isAbsolute(relative) ? undefined : relative.split((external_node_path_default()).sep).join('/');
    }
    const ignoreFiles = resolveIgnoreFiles((0,src.getList)('trivyignores'), workspace, external_node_fs_.existsSync);
    const ignores = (await Promise.all(ignoreFiles.map(loadIgnoreFile))).flat();
    const sha256 = (0,src.getString)('trivy-sha256');
    const runnerTemp = env.RUNNER_TEMP || external_node_os_default().tmpdir();
    const outputDir = (0,src.getString)('output-dir');
    return {
        scanType,
        targets,
        repositoryPrefix,
        failOn: parseFailOn((0,src.getString)('fail-on') || 'CRITICAL'),
        ignoreUnfixed: (0,src.getBoolean)('ignore-unfixed', false),
        ignoreFiles,
        ignores,
        version: normalizeVersion((0,src.getString)('version') || '0.69.3'),
        downloadUrl: normalizeDownloadUrl((0,src.getString)('download-url') || 'https://github.com/aquasecurity/trivy/releases/download'),
        sha256: sha256 ? normalizeSha256(sha256) : undefined,
        cache: (0,src.getBoolean)('cache', true),
        insecure: (0,src.getBoolean)('insecure', false),
        dbRepositories: repositories('db-repository', DEFAULT_DB_REPOSITORIES),
        javaDbRepositories: repositories('java-db-repository', DEFAULT_JAVA_DB_REPOSITORIES),
        cacheDir: env.TRIVY_CACHE_DIR || defaultCacheDir(),
        outputDir: outputDir ? (0,src.resolveInside)('output-dir', outputDir, { workspace, env, kind: 'directory' }) : external_node_path_default().join(runnerTemp, 'shipkit-trivy-scan'),
        timeoutMs: (0,src.getDuration)('timeout'),
        workspace,
    };
}

;// CONCATENATED MODULE: ./packages/trivy-scan/src/outcome.ts


function evaluate(scans, options) {
    const expired = new Map();
    const targets = scans.map(({ name, report }) => {
        const result = gate(report.findings, options);
        for (const rule of result.expired)
            expired.set(rule.source, rule);
        return { name, findings: result.findings, counts: countBySeverity(report.findings), gating: result.gating, filesInRepository: options.filesInRepository, repositoryPrefix: options.repositoryPrefix };
    });
    return {
        targets,
        reports: scans.map((scan) => scan.report),
        expiredIgnores: [...expired.values()],
        passed: targets.every((target) => target.gating.length === 0),
        counts: Object.fromEntries(targets.map((target) => [target.name, target.counts])),
    };
}
/** A repository path for a finding of an fs/config scan (Trivy reports targets relative to the scanned path). */
function repositoryPath(target, findingTarget) {
    if (!target.filesInRepository || !findingTarget)
        return undefined;
    return target.repositoryPrefix ? `${target.repositoryPrefix}/${findingTarget}` : findingTarget;
}
function sarifTargets(outcome) {
    return outcome.targets.map((target, index) => ({
        name: target.name,
        findings: target.findings.map((finding) => ({ ...finding, target: repositoryPath(target, finding.target) ?? finding.target })),
        trivyVersion: outcome.reports[index].trivyVersion,
        filesInRepository: target.filesInRepository,
    }));
}
/** Secret findings keep their rule, file and lines; the matched text and code excerpt stay out of files we publish. */
function withoutSecretText(report) {
    const results = report.Results;
    if (!Array.isArray(results))
        return report;
    return {
        ...report,
        Results: results.map((result) => {
            if (!result || typeof result !== 'object' || !Array.isArray(result.Secrets))
                return result;
            const secrets = result.Secrets.map((secret) => {
                if (!secret || typeof secret !== 'object')
                    return secret;
                const { Match: _match, Code: _code, ...rest } = secret;
                return rest;
            });
            return { ...result, Secrets: secrets };
        }),
    };
}
function findingSummary(finding) {
    return {
        kind: finding.kind,
        id: finding.id,
        severity: finding.severity,
        target: finding.target,
        ...(finding.pkgName ? { package: finding.pkgName, installed: finding.installedVersion, fixed: finding.fixedVersion } : {}),
        ...(finding.startLine ? { line: finding.startLine } : {}),
        ...(finding.verdict.gating ? {} : { reason: finding.verdict.reason, ...(finding.verdict.rule ? { rule: finding.verdict.rule.source } : {}) }),
    };
}
/** The merged report: every Trivy report unchanged (every finding, secrets' text removed) plus the gate's verdicts. */
function mergedReport(outcome, options) {
    return {
        tool: 'shipkit/trivy-scan',
        passed: outcome.passed,
        failOn: options.failOn,
        ignoreUnfixed: options.ignoreUnfixed,
        ignoreFiles: options.ignoreFiles,
        counts: outcome.counts,
        targets: outcome.targets.map((target, index) => ({
            name: target.name,
            counts: target.counts,
            gating: target.gating.map(findingSummary),
            notGating: target.findings.filter((finding) => !finding.verdict.gating).map(findingSummary),
            report: withoutSecretText(outcome.reports[index].raw),
        })),
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./packages/trivy-scan/src/sarif.ts



/**
 * One upload-ready SARIF 2.1.0 file: a run per scanned target, each with its own
 * `automationDetails.id` category (code scanning rejects two runs of one tool with the same
 * category in a file), within code scanning's limits. Levels and `security-severity` come from
 * Trivy's own severity, the same one the gate uses, so the Security tab and the gate agree.
 */
const SARIF_LIMITS = { runsPerFile: 20, resultsPerRun: 25_000 };
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** GitHub's bands: critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9. */
const SECURITY_SEVERITY = {
    CRITICAL: '9.5',
    HIGH: '8.0',
    MEDIUM: '5.5',
    LOW: '2.0',
    UNKNOWN: undefined,
};
function sarifLevel(severity) {
    if (severity === 'CRITICAL' || severity === 'HIGH')
        return 'error';
    if (severity === 'MEDIUM')
        return 'warning';
    return 'note';
}
/** An image reference without its tag or digest: registry/name stays the same from build to build. */
function withoutTagOrDigest(name) {
    const bare = name.replace(/^[a-z]+:\/\//i, '').replace(/@.*$/, '');
    const slash = bare.lastIndexOf('/');
    const colon = bare.lastIndexOf(':');
    return colon > slash ? bare.slice(0, colon) : bare;
}
/**
 * The run's category. Code scanning tracks alerts per category, so it must not change between
 * builds: it names the image repository (no tag, no digest) or the scanned path.
 */
function categoryFor(name) {
    const slug = withoutTagOrDigest(name).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
    return `trivy-scan/${slug || 'workspace'}`;
}
/**
 * An image has no file in the repository; its repository becomes the location, as Trivy does: no
 * tag or digest (they change every build and would reopen every alert), and no ":" (a registry
 * port would read as a URI scheme).
 */
function imageUri(name) {
    return withoutTagOrDigest(name).replace(/:/g, '_');
}
/** Code scanning refuses SARIF uploads larger than this once gzipped. */
const SARIF_UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;
function sarifSizeWarning(text) {
    const size = (0,external_node_zlib_.gzipSync)(text).length;
    if (size <= SARIF_UPLOAD_LIMIT_BYTES)
        return undefined;
    return `SARIF: the file is ${(size / 1024 / 1024).toFixed(1)} MiB gzipped, over code scanning's ${SARIF_UPLOAD_LIMIT_BYTES / 1024 / 1024} MiB upload limit; scan fewer targets per step or raise fail-on for reporting.`;
}
function ruleName(finding) {
    if (finding.kind === 'misconfiguration')
        return 'Misconfiguration';
    if (finding.kind === 'secret')
        return 'Secret';
    return finding.resultClass === 'lang-pkgs' ? 'LanguageSpecificPackageVulnerability' : 'OsPackageVulnerability';
}
function describe(finding) {
    if (finding.kind === 'vulnerability') {
        return [
            `Package: ${finding.pkgName ?? 'unknown'}`,
            `Installed Version: ${finding.installedVersion ?? 'unknown'}`,
            `Vulnerability ${finding.id}`,
            `Severity: ${finding.severity}`,
            `Fixed Version: ${finding.fixedVersion ?? 'none'}`,
            finding.link ? `Link: [${finding.id}](${finding.link})` : '',
        ].filter(Boolean).join('\n');
    }
    if (finding.kind === 'misconfiguration') {
        return [`Misconfiguration ${finding.id}: ${finding.title ?? ''}`, `Severity: ${finding.severity}`, finding.message ?? '', finding.resolution ? `Resolution: ${finding.resolution}` : '']
            .filter(Boolean).join('\n');
    }
    // Never the matched text: only where the secret is and what kind it is.
    return [`Secret ${finding.id}: ${finding.title ?? ''}`, `Severity: ${finding.severity}`, finding.category ? `Category: ${finding.category}` : ''].filter(Boolean).join('\n');
}
/** Stable across builds of the same image: no tag or digest in it. */
function fingerprint(target, finding) {
    const parts = [withoutTagOrDigest(target), finding.kind, finding.id, finding.target, finding.pkgName ?? '', finding.pkgPath ?? '', finding.installedVersion ?? '', String(finding.startLine ?? '')];
    return (0,external_node_crypto_.createHash)('sha256').update(parts.join('\u0000')).digest('hex');
}
function buildRun(target, category, warnings) {
    let findings = [...target.findings].sort(bySeverityDescending);
    if (findings.length > SARIF_LIMITS.resultsPerRun) {
        warnings.push(`SARIF: ${target.name} has ${findings.length} findings; code scanning takes at most ${SARIF_LIMITS.resultsPerRun} results per run, so the ${findings.length - SARIF_LIMITS.resultsPerRun} least severe were left out of the SARIF file (the JSON report keeps them all).`);
        findings = findings.slice(0, SARIF_LIMITS.resultsPerRun);
    }
    const rules = [];
    const ruleIndex = new Map();
    const results = findings.map((finding) => {
        let index = ruleIndex.get(finding.id);
        if (index === undefined) {
            index = rules.length;
            ruleIndex.set(finding.id, index);
            const securitySeverity = SECURITY_SEVERITY[finding.severity];
            rules.push({
                id: finding.id,
                name: ruleName(finding),
                shortDescription: { text: finding.title ?? finding.id },
                fullDescription: { text: finding.description ?? finding.message ?? finding.title ?? finding.id },
                ...(finding.link ? { helpUri: finding.link } : {}),
                help: {
                    text: describe(finding),
                    markdown: `**${finding.kind} ${finding.id}** (${finding.severity})\n\n${finding.description ?? finding.message ?? finding.title ?? ''}${finding.link ? `\n\n[${finding.id}](${finding.link})` : ''}`,
                },
                defaultConfiguration: { level: sarifLevel(finding.severity) },
                properties: {
                    tags: [finding.kind, 'security', finding.severity],
                    precision: 'very-high',
                    ...(securitySeverity ? { 'security-severity': securitySeverity } : {}),
                },
            });
        }
        else {
            // One rule per id: it carries the most severe finding's severity.
            const rule = rules[index];
            const current = rule.properties.tags[2];
            if (severityRank(finding.severity) > severityRank(current)) {
                rule.properties.tags[2] = finding.severity;
                rule.defaultConfiguration.level = sarifLevel(finding.severity);
                const securitySeverity = SECURITY_SEVERITY[finding.severity];
                if (securitySeverity)
                    rule.properties['security-severity'] = securitySeverity;
            }
        }
        // Image findings have no file in the repository: point at the target name, line 1, as Trivy does.
        const inFile = target.filesInRepository && Boolean(finding.target);
        const uri = inFile ? finding.target : imageUri(target.name);
        const startLine = inFile && finding.startLine && finding.startLine > 0 ? finding.startLine : 1;
        const endLine = inFile && finding.endLine && finding.endLine >= startLine ? finding.endLine : startLine;
        const where = finding.kind === 'vulnerability' ? `${finding.target}: ${finding.pkgName ?? ''}@${finding.installedVersion ?? ''}` : finding.target;
        return {
            ruleId: finding.id,
            ruleIndex: index,
            level: sarifLevel(finding.severity),
            message: { text: describe(finding) },
            locations: [
                {
                    physicalLocation: { artifactLocation: { uri, ...(inFile ? { uriBaseId: '%SRCROOT%' } : {}) }, region: { startLine, endLine } },
                    message: { text: where },
                },
            ],
            partialFingerprints: { 'shipkitTrivyFinding/v1': fingerprint(target.name, finding) },
        };
    });
    return {
        tool: {
            driver: {
                name: 'Trivy',
                fullName: 'Trivy Vulnerability Scanner',
                informationUri: 'https://github.com/aquasecurity/trivy',
                ...(target.trivyVersion ? { version: target.trivyVersion } : {}),
                rules,
            },
        },
        // A trailing slash makes the whole id the category (no run id part).
        automationDetails: { id: `${category}/` },
        results,
        properties: { target: target.name, findings: target.findings.length },
    };
}
function buildSarif(targets) {
    const warnings = [];
    let kept = targets;
    if (targets.length > SARIF_LIMITS.runsPerFile) {
        kept = targets.slice(0, SARIF_LIMITS.runsPerFile);
        warnings.push(`SARIF: ${targets.length} targets were scanned; code scanning takes at most ${SARIF_LIMITS.runsPerFile} runs per file, so ${targets
            .slice(SARIF_LIMITS.runsPerFile)
            .map((target) => target.name)
            .join(', ')} ${targets.length - SARIF_LIMITS.runsPerFile === 1 ? 'is' : 'are'} not in the SARIF file (the JSON report, summary and gate include them).`);
    }
    const used = new Set();
    const runs = kept.map((target) => {
        const base = categoryFor(target.name);
        let category = base;
        for (let n = 2; used.has(category); n++)
            category = `${base}-${n}`;
        used.add(category);
        return buildRun(target, category, warnings);
    });
    return { sarif: { version: '2.1.0', $schema: SCHEMA, runs }, warnings };
}

;// CONCATENATED MODULE: ./packages/trivy-scan/src/summary.ts


function verdictText(verdict) {
    if (verdict.gating)
        return 'fails the gate';
    switch (verdict.reason) {
        case 'below-threshold':
            return 'below threshold';
        case 'unfixed':
            return 'no fix (ignore-unfixed)';
        case 'ignored':
            return `ignored by ${verdict.rule?.source ?? 'an ignore file'}${verdict.rule?.statement ? `: ${verdict.rule.statement}` : ''}`;
        default:
            return 'not gated (fail-on: none)';
    }
}
/** The package column: the package for vulnerabilities, the file (and line) for the other kinds. */
function findingPlace(finding) {
    // Language packages: which lockfile or jar, since an image can hold several.
    if (finding.kind === 'vulnerability')
        return finding.resultClass === 'lang-pkgs' && finding.pkgName ? `${finding.pkgName} (${finding.pkgPath ?? finding.target})` : (finding.pkgName ?? finding.target);
    return finding.startLine ? `${finding.target}:${finding.startLine}` : finding.target;
}
function linked(finding) {
    return finding.link ? `[${finding.id}](${finding.link})` : finding.id;
}
/** Gating findings first, then by severity. */
function topFindings(findings, limit) {
    return [...findings]
        .sort((a, b) => Number(b.verdict.gating) - Number(a.verdict.gating) || bySeverityDescending(a, b))
        .slice(0, limit);
}
function renderSummary(input) {
    const limit = input.topFindings ?? 10;
    const gatingTotal = input.targets.reduce((sum, target) => sum + target.gating.length, 0);
    const threshold = input.failOn === 'none' ? 'gating off (fail-on: none)' : `fail-on ${input.failOn}${input.ignoreUnfixed ? ', unfixed vulnerabilities ignored' : ''}`;
    let markdown = '### Trivy scan\n\n';
    markdown += gatingTotal
        ? `❌ **Failed**: ${gatingTotal} finding${gatingTotal === 1 ? '' : 's'} at or above ${input.failOn} (${threshold}).\n\n`
        : `✅ **Passed** (${threshold}).\n\n`;
    const severities = [...SEVERITIES].reverse();
    markdown += (0,src.markdownTable)(['Target', ...severities, 'Gating'], input.targets.map((target) => [target.name, ...severities.map((severity) => target.counts[severity]), target.gating.length]));
    markdown += '\n';
    for (const target of input.targets) {
        markdown += `#### ${target.name}\n\n`;
        if (!target.findings.length) {
            markdown += 'No findings.\n\n';
            continue;
        }
        const top = topFindings(target.findings, limit);
        markdown += (0,src.markdownTable)(['Severity', 'ID', 'Package', 'Installed', 'Fixed', 'Title', 'Gate'], top.map((finding) => [
            finding.severity,
            linked(finding),
            findingPlace(finding),
            finding.installedVersion,
            finding.fixedVersion,
            finding.title,
            verdictText(finding.verdict),
        ]));
        if (target.findings.length > top.length)
            markdown += `\n${target.findings.length - top.length} more in the report file.\n`;
        markdown += '\n';
    }
    if (input.expiredIgnores.length) {
        markdown += `**Expired ignore entries** (no longer applied): ${input.expiredIgnores
            .map((rule) => `${rule.id} (${rule.source}, expired ${rule.expiresAt?.toISOString().slice(0, 10)})`)
            .join(', ')}\n\n`;
    }
    for (const warning of input.warnings ?? [])
        markdown += `> ⚠️ ${warning}\n\n`;
    return markdown;
}
/** GitHub shows at most 10 error annotations per step; the rest are summarised in one more. */
const ANNOTATION_LIMIT = 10;
function gatingAnnotations(targets, limit = ANNOTATION_LIMIT) {
    const all = targets.flatMap((target) => target.gating.map((finding) => ({ target, finding })));
    all.sort((a, b) => bySeverityDescending(a.finding, b.finding));
    const shown = all.slice(0, limit).map(({ target, finding }) => {
        const place = finding.kind === 'vulnerability' ? `${finding.pkgName ?? '?'} ${finding.installedVersion ?? ''}${finding.fixedVersion ? ` (fixed in ${finding.fixedVersion})` : ' (no fix yet)'}` : findingPlace(finding);
        const file = target.filesInRepository && finding.target ? (target.repositoryPrefix ? `${target.repositoryPrefix}/${finding.target}` : finding.target) : undefined;
        return {
            level: 'error',
            title: `${finding.severity} ${finding.id} in ${target.name}`,
            message: `${finding.id} (${finding.severity}) in ${place}: ${finding.title ?? finding.message ?? ''}${finding.link ? ` ${finding.link}` : ''}`.trim(),
            ...(file ? { file, startLine: finding.startLine, endLine: finding.endLine } : {}),
        };
    });
    if (all.length > limit) {
        shown.push({ level: 'error', title: 'More gating findings', message: `${all.length - limit} more findings fail the gate; see the step summary and the report file.` });
    }
    return shown;
}

;// CONCATENATED MODULE: ./packages/trivy-scan/src/main.ts











const STATE_CACHE_DIR = 'trivy-cache-dir';
const STATE_CACHE_KEY = 'trivy-cache-key';
const STATE_CACHE_RESTORE = 'trivy-cache-restore-prefix';
const STATE_CACHE_RESTORED = 'trivy-cache-restored-key';
/** Reads the inputs, calls the modules, writes the outputs. */
async function main() {
    const ctx = await readContext();
    const trivy = await installTrivy({ version: ctx.version, downloadUrl: ctx.downloadUrl, sha256: ctx.sha256 });
    if (ctx.cache) {
        const keys = cacheKeys();
        const restored = await restoreTrivyCache(ctx.cacheDir, keys);
        if (!restored.unavailable) {
            // The post step saves it, also when the scan below fails (or the restore hiccuped).
            src.runner.saveState(STATE_CACHE_DIR, ctx.cacheDir);
            src.runner.saveState(STATE_CACHE_KEY, keys.primary);
            src.runner.saveState(STATE_CACHE_RESTORE, keys.restore[0]);
            src.runner.saveState(STATE_CACHE_RESTORED, restored.restoredKey ?? '');
        }
    }
    else {
        src.runner.info('Trivy cache: disabled by the "cache" input.');
    }
    const scans = await scanTargets({
        trivy: trivy.path,
        scanType: ctx.scanType,
        cacheDir: ctx.cacheDir,
        dbRepositories: ctx.dbRepositories,
        javaDbRepositories: ctx.javaDbRepositories,
        insecure: ctx.insecure,
        outputDir: ctx.outputDir,
        timeoutMs: ctx.timeoutMs,
    }, ctx.targets);
    const reports = await Promise.all(scans.map(async (scan) => ({ name: scan.name, report: await readReport(scan.reportFile) })));
    // Trivy's own files hold secrets' code excerpts; the merged report keeps everything else. A report
    // that failed to parse stays on disk as evidence.
    await Promise.all(scans.map((scan) => (0,promises_.rm)(scan.reportFile, { force: true })));
    const outcome = evaluate(reports, {
        failOn: ctx.failOn,
        ignoreUnfixed: ctx.ignoreUnfixed,
        ignores: ctx.ignores,
        filesInRepository: ctx.scanType !== 'image',
        repositoryPrefix: ctx.repositoryPrefix,
    });
    await (0,promises_.mkdir)(ctx.outputDir, { recursive: true });
    const reportFile = external_node_path_default().join(ctx.outputDir, 'trivy-report.json');
    await (0,promises_.writeFile)(reportFile, (0,src.redact)(`${JSON.stringify(mergedReport(outcome, ctx), null, 2)}\n`));
    const { sarif, warnings } = buildSarif(sarifTargets(outcome));
    const sarifFile = external_node_path_default().join(ctx.outputDir, 'trivy-results.sarif');
    const sarifText = (0,src.redact)(`${JSON.stringify(sarif)}\n`);
    await (0,promises_.writeFile)(sarifFile, sarifText);
    const sizeWarning = sarifSizeWarning(sarifText);
    if (sizeWarning)
        warnings.push(sizeWarning);
    for (const warning of warnings)
        src.runner.warning(warning);
    for (const rule of outcome.expiredIgnores) {
        src.runner.warning(`Ignore entry ${rule.id} (${rule.source}) expired on ${rule.expiresAt?.toISOString().slice(0, 10)} and no longer applies.`);
    }
    const markdown = renderSummary({ targets: outcome.targets, failOn: ctx.failOn, ignoreUnfixed: ctx.ignoreUnfixed, expiredIgnores: outcome.expiredIgnores, warnings });
    await (0,src.writeSummaryMarkdown)(markdown);
    for (const annotation of gatingAnnotations(outcome.targets)) {
        src.runner.error(annotation.message, { title: annotation.title, file: annotation.file, startLine: annotation.startLine, endLine: annotation.endLine });
    }
    // Outputs first: a failed gate still hands the SARIF and report to later `if: always()` steps.
    (0,src.setOutput)('passed', String(outcome.passed));
    (0,src.setOutput)('counts', outcome.counts);
    (0,src.setOutput)('report-file', reportFile);
    (0,src.setOutput)('sarif-file', sarifFile);
    if (!outcome.passed) {
        const gating = outcome.targets.filter((target) => target.gating.length);
        throw new src.ShipkitError(`Trivy found ${gating.reduce((sum, target) => sum + target.gating.length, 0)} finding(s) at or above ${ctx.failOn}: ${gating.map((target) => `${target.name} (${target.gating.length})`).join(', ')}.`, { hint: 'Fix or upgrade the packages, or record an accepted risk in a .trivyignore(.yaml) with a statement and an expiry date. The step summary lists them.' });
    }
}
/** Saves Trivy's cache: the post step runs even when the scan failed or the job was cancelled. */
async function post() {
    const cacheDir = src.runner.getState(STATE_CACHE_DIR);
    const primary = src.runner.getState(STATE_CACHE_KEY);
    if (!cacheDir || !primary) {
        src.runner.info('Trivy cache: nothing to save (the cache was not used in this run).');
        return;
    }
    await saveTrivyCache(cacheDir, { primary, restore: [src.runner.getState(STATE_CACHE_RESTORE)] }, src.runner.getState(STATE_CACHE_RESTORED) || undefined);
}


/***/ })

};
