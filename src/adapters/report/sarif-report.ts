import type { Finding, RuleMeta, Severity, SourceSpan, SuppressedFinding } from "../../domain/index.js";
import { fingerprints } from "./fingerprint.js";
import { displayMessage } from "./report-facts.js";
import type { Reporter, ReportInput } from "./report-model.js";
import { ruleDocUrl, ruleHelpMarkdown } from "./rule-docs.js";

const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/** Report paths are relative to the working directory; CI runs from the repository root, which SARIF calls SRCROOT. */
const SOURCE_ROOT = "%SRCROOT%";
/** The key of our own fingerprint scheme in partialFingerprints; bump the version if the scheme ever changes. */
const FINGERPRINT_KEY = "migragate/v1";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it. Same input, byte-identical output. */
export class SarifReporter implements Reporter {
  render(input: ReportInput): string {
    return `${JSON.stringify(buildSarifLog(input), null, 2)}\n`;
  }
}

/** A relative report path as a URI reference: each segment percent-encoded, `/` kept. */
export function pathUri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function artifactLocation(file: string) {
  return { uri: pathUri(file), uriBaseId: SOURCE_ROOT };
}

/** SARIF and SourceSpan agree: 1-based lines and columns (UTF-16 code units), the end column exclusive. */
function region(span: SourceSpan) {
  return { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

/** The help travels with the report: a link is added only when the rule's document has a known address. */
function ruleDescriptor(meta: RuleMeta, url: string | undefined) {
  const link = url === undefined ? "" : `\n\n[${meta.name}](${url})`;
  return {
    id: meta.name,
    name: pascalCase(meta.name),
    shortDescription: { text: meta.summary },
    fullDescription: { text: meta.rationale },
    help: { text: meta.safeAlternative, markdown: `${ruleHelpMarkdown(meta)}${link}` },
    ...(url !== undefined ? { helpUri: url } : {}),
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
  };
}

/** SARIF's convention for a rule's `name`: an identifier in PascalCase (`add-column-not-null` -> AddColumnNotNull). */
function pascalCase(name: string): string {
  return name
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

export function buildSarifLog(input: ReportInput) {
  const ruleIndex = new Map(input.rules.map((meta, index) => [meta.name, index]));
  const findings: readonly (Finding | SuppressedFinding)[] = [...input.result.findings, ...input.result.suppressed];
  const prints = fingerprints(findings);
  const failed = input.skipped.filter((file) => file.failed);
  const results = findings.map((finding, index) => {
    const position = ruleIndex.get(finding.rule);
    const suppression = "suppression" in finding ? finding.suppression : undefined;
    return {
      ruleId: finding.rule,
      ...(position !== undefined ? { ruleIndex: position } : {}),
      level: LEVEL[finding.severity],
      message: { text: `${displayMessage(finding)} — ${finding.hint}` },
      locations: [
        { physicalLocation: { artifactLocation: artifactLocation(finding.span.file), region: region(finding.span) } },
      ],
      ...(finding.related !== undefined
        ? {
            relatedLocations: finding.related.map((place, index) => ({
              id: index + 1,
              physicalLocation: { artifactLocation: artifactLocation(place.span.file), region: region(place.span) },
              message: { text: place.message },
            })),
          }
        : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: prints[index] },
      ...(suppression
        ? {
            suppressions: [
              {
                kind: "inSource",
                ...(suppression.reason !== undefined ? { justification: suppression.reason } : {}),
                location: {
                  physicalLocation: {
                    artifactLocation: artifactLocation(suppression.span.file),
                    region: region(suppression.span),
                  },
                },
              },
            ],
          }
        : {}),
      ...(finding.revision !== undefined ? { properties: { revision: finding.revision } } : {}),
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: input.tool.name,
            version: input.tool.version,
            ...(input.links?.project !== undefined ? { informationUri: input.links.project } : {}),
            rules: input.rules.map((meta) => ruleDescriptor(meta, ruleDocUrl(input, meta.name))),
          },
        },
        invocations: [
          {
            // A gate cannot vouch for a file it failed to read: such a run did not succeed, whatever it found.
            executionSuccessful: failed.length === 0,
            toolExecutionNotifications: failed.map((file) => ({
              level: "error",
              message: { text: `not analysed: ${file.reason}` },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(file.file) } }],
            })),
          },
        ],
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
}
