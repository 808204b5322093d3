import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { bySeverityDescending, severityRank, type Finding, type Severity } from './report.js';

/**
 * One upload-ready SARIF 2.1.0 file: a run per scanned target, each with its own
 * `automationDetails.id` category (code scanning rejects two runs of one tool with the same
 * category in a file), within code scanning's limits. Levels and `security-severity` come from
 * Trivy's own severity, the same one the gate uses, so the Security tab and the gate agree.
 */

export const SARIF_LIMITS = { runsPerFile: 20, resultsPerRun: 25_000 } as const;

export interface SarifTarget {
  /** The image ref or scanned path, as the user named it. */
  name: string;
  findings: readonly Finding[];
  trivyVersion?: string;
  /** For fs/config scans: results point at files in the repository. */
  filesInRepository: boolean;
}

export interface SarifBuild {
  sarif: SarifLog;
  warnings: string[];
}

export interface SarifLog {
  version: '2.1.0';
  $schema: string;
  runs: SarifRun[];
}

export interface SarifRun {
  tool: { driver: { name: string; fullName: string; informationUri: string; version?: string; rules: SarifRule[] } };
  automationDetails: { id: string };
  results: SarifResult[];
  properties: Record<string, unknown>;
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; precision: string; 'security-severity'?: string };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: Array<{
    physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; endLine: number } };
    message: { text: string };
  }>;
  partialFingerprints: Record<string, string>;
}

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** GitHub's bands: critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9. */
const SECURITY_SEVERITY: Record<Severity, string | undefined> = {
  CRITICAL: '9.5',
  HIGH: '8.0',
  MEDIUM: '5.5',
  LOW: '2.0',
  UNKNOWN: undefined,
};

export function sarifLevel(severity: Severity): SarifLevel {
  if (severity === 'CRITICAL' || severity === 'HIGH') return 'error';
  if (severity === 'MEDIUM') return 'warning';
  return 'note';
}

/** An image reference without its tag or digest: registry/name stays the same from build to build. */
export function withoutTagOrDigest(name: string): string {
  const bare = name.replace(/^[a-z]+:\/\//i, '').replace(/@.*$/, '');
  const slash = bare.lastIndexOf('/');
  const colon = bare.lastIndexOf(':');
  return colon > slash ? bare.slice(0, colon) : bare;
}

/**
 * The run's category. Code scanning tracks alerts per category, so it must not change between
 * builds: it names the image repository (no tag, no digest) or the scanned path.
 */
export function categoryFor(name: string): string {
  const slug = withoutTagOrDigest(name).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return `trivy-scan/${slug || 'workspace'}`;
}

/**
 * An image has no file in the repository; its repository becomes the location, as Trivy does: no
 * tag or digest (they change every build and would reopen every alert), and no ":" (a registry
 * port would read as a URI scheme).
 */
export function imageUri(name: string): string {
  return withoutTagOrDigest(name).replace(/:/g, '_');
}

/** Code scanning refuses SARIF uploads larger than this once gzipped. */
export const SARIF_UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

export function sarifSizeWarning(text: string): string | undefined {
  const size = gzipSync(text).length;
  if (size <= SARIF_UPLOAD_LIMIT_BYTES) return undefined;
  return `SARIF: the file is ${(size / 1024 / 1024).toFixed(1)} MiB gzipped, over code scanning's ${SARIF_UPLOAD_LIMIT_BYTES / 1024 / 1024} MiB upload limit; scan fewer targets per step or raise fail-on for reporting.`;
}

function ruleName(finding: Finding): string {
  if (finding.kind === 'misconfiguration') return 'Misconfiguration';
  if (finding.kind === 'secret') return 'Secret';
  return finding.resultClass === 'lang-pkgs' ? 'LanguageSpecificPackageVulnerability' : 'OsPackageVulnerability';
}

function describe(finding: Finding): string {
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
function fingerprint(target: string, finding: Finding): string {
  const parts = [withoutTagOrDigest(target), finding.kind, finding.id, finding.target, finding.pkgName ?? '', finding.pkgPath ?? '', finding.installedVersion ?? '', String(finding.startLine ?? '')];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

function buildRun(target: SarifTarget, category: string, warnings: string[]): SarifRun {
  let findings = [...target.findings].sort(bySeverityDescending);
  if (findings.length > SARIF_LIMITS.resultsPerRun) {
    warnings.push(
      `SARIF: ${target.name} has ${findings.length} findings; code scanning takes at most ${SARIF_LIMITS.resultsPerRun} results per run, so the ${findings.length - SARIF_LIMITS.resultsPerRun} least severe were left out of the SARIF file (the JSON report keeps them all).`,
    );
    findings = findings.slice(0, SARIF_LIMITS.resultsPerRun);
  }
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const results: SarifResult[] = findings.map((finding) => {
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
    } else {
      // One rule per id: it carries the most severe finding's severity.
      const rule = rules[index];
      const current = rule.properties.tags[2] as Severity;
      if (severityRank(finding.severity) > severityRank(current)) {
        rule.properties.tags[2] = finding.severity;
        rule.defaultConfiguration.level = sarifLevel(finding.severity);
        const securitySeverity = SECURITY_SEVERITY[finding.severity];
        if (securitySeverity) rule.properties['security-severity'] = securitySeverity;
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

export function buildSarif(targets: readonly SarifTarget[]): SarifBuild {
  const warnings: string[] = [];
  let kept = targets;
  if (targets.length > SARIF_LIMITS.runsPerFile) {
    kept = targets.slice(0, SARIF_LIMITS.runsPerFile);
    warnings.push(
      `SARIF: ${targets.length} targets were scanned; code scanning takes at most ${SARIF_LIMITS.runsPerFile} runs per file, so ${targets
        .slice(SARIF_LIMITS.runsPerFile)
        .map((target) => target.name)
        .join(', ')} ${targets.length - SARIF_LIMITS.runsPerFile === 1 ? 'is' : 'are'} not in the SARIF file (the JSON report, summary and gate include them).`,
    );
  }
  const used = new Set<string>();
  const runs = kept.map((target) => {
    const base = categoryFor(target.name);
    let category = base;
    for (let n = 2; used.has(category); n++) category = `${base}-${n}`;
    used.add(category);
    return buildRun(target, category, warnings);
  });
  return { sarif: { version: '2.1.0', $schema: SCHEMA, runs }, warnings };
}
