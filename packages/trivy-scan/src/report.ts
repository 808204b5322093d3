import { readFile } from 'node:fs/promises';
import { ShipkitError, showValue } from '@shipkit/core';

/**
 * Trivy's JSON report, schema version 2. Every field Trivy writes is `omitempty`: a clean image
 * has no `Results`, a result without findings has no `Vulnerabilities`. Anything present must
 * have the documented shape; a report that does not is an error naming the file and the field,
 * never a crash and never a silent pass.
 */

/** Ascending: the index is the rank used for thresholds. */
export const SEVERITIES = ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export type FindingKind = 'vulnerability' | 'misconfiguration' | 'secret';

export interface Finding {
  kind: FindingKind;
  /** VulnerabilityID, misconfiguration ID or secret RuleID. */
  id: string;
  /** Misconfigurations may carry a second id (AVD-...), matched by ignore files too. */
  altId?: string;
  severity: Severity;
  title?: string;
  /** The result's Target: an OS description, a lockfile or a scanned file. */
  target: string;
  resultClass?: string;
  resultType?: string;
  pkgName?: string;
  pkgPath?: string;
  purl?: string;
  installedVersion?: string;
  fixedVersion?: string;
  status?: string;
  link?: string;
  description?: string;
  /** Misconfiguration message / resolution. */
  message?: string;
  resolution?: string;
  startLine?: number;
  endLine?: number;
  /** Secret category (AWS, GitHub...). The secret's text is never copied out of the report. */
  category?: string;
}

export interface ScanReport {
  /** Where the report was read from, for messages. */
  file: string;
  artifactName?: string;
  artifactType?: string;
  trivyVersion?: string;
  /** The report exactly as Trivy wrote it: the merged report keeps every finding. */
  raw: Record<string, unknown>;
  findings: Finding[];
}

type Json = Record<string, unknown>;

class Reader {
  constructor(private readonly file: string) {}

  fail(where: string, problem: string): never {
    throw new ShipkitError(`Trivy report ${this.file} is malformed: ${where} ${problem}.`, {
      hint: 'The report must be Trivy JSON (--format json, SchemaVersion 2). Re-run the scan; if it repeats, the Trivy version may be unsupported.',
    });
  }

  object(value: unknown, where: string): Json {
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Json;
    return this.fail(where, `should be an object but is ${showValue(value)}`);
  }

  /** An omitempty list: absent or null means empty. */
  list(value: unknown, where: string): unknown[] {
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value;
    return this.fail(where, `should be a list but is ${showValue(value)}`);
  }

  optionalString(value: unknown, where: string): string | undefined {
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'string') return value;
    return this.fail(where, `should be a string but is ${showValue(value)}`);
  }

  requiredString(value: unknown, where: string): string {
    const text = this.optionalString(value, where);
    if (text === undefined) return this.fail(where, 'is missing');
    return text;
  }

  optionalNumber(value: unknown, where: string): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    return this.fail(where, `should be a number but is ${showValue(value)}`);
  }

  severity(value: unknown, where: string): Severity {
    // Trivy omits an empty severity; it then means "not rated", which is UNKNOWN.
    if (value === undefined || value === null || value === '') return 'UNKNOWN';
    if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value.toUpperCase())) {
      return value.toUpperCase() as Severity;
    }
    return this.fail(where, `should be one of ${SEVERITIES.join(', ')} but is ${showValue(value)}`);
  }
}

export function parseReport(text: string, file: string): ScanReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ShipkitError(`Trivy report ${file} is not valid JSON (${detail}).`, {
      hint: text.trim() ? 'The file may be truncated: Trivy may have been killed while writing it.' : 'The file is empty: Trivy wrote no report.',
    });
  }
  const read = new Reader(file);
  const root = read.object(data, 'the top level');
  if (root.SchemaVersion !== 2) {
    read.fail('SchemaVersion', `should be 2 but is ${showValue(root.SchemaVersion)}`);
  }
  const trivy = root.Trivy === undefined ? {} : read.object(root.Trivy, 'Trivy');
  const findings: Finding[] = [];
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
      if (status && status !== 'FAIL') return;
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

export async function readReport(file: string): Promise<ScanReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ShipkitError(`Trivy report ${file} could not be read: ${(error as Error).message}.`, {
      hint: 'Trivy exited without writing its --output file; see its log above.',
    });
  }
  return parseReport(text, file);
}

/** Findings per severity, every severity present (zero when none). */
export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = Object.fromEntries([...SEVERITIES].reverse().map((severity) => [severity, 0])) as SeverityCounts;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** Most severe first; stable within a severity. */
export function bySeverityDescending(a: Finding, b: Finding): number {
  return severityRank(b.severity) - severityRank(a.severity);
}
