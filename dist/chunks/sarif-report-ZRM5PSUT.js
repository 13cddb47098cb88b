import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  ruleDocUrl,
  ruleHelpMarkdown
} from "./chunk-A7XTBYXE.js";
import {
  fingerprints
} from "./chunk-4DBK4YXO.js";
import {
  displayMessage
} from "./chunk-RE5JWGWN.js";
import "./chunk-FOQMQZLO.js";

// src/adapters/report/sarif-report.ts
var SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
var SOURCE_ROOT = "%SRCROOT%";
var FINGERPRINT_KEY = "migragate/v1";
var LEVEL = { error: "error", warning: "warning", info: "note" };
var SarifReporter = class {
  render(input) {
    return `${JSON.stringify(buildSarifLog(input), null, 2)}
`;
  }
};
function pathUri(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
function artifactLocation(file) {
  return { uri: pathUri(file), uriBaseId: SOURCE_ROOT };
}
function region(span) {
  return { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn };
}
function ruleDescriptor(meta, url) {
  const link = url === void 0 ? "" : `

[${meta.name}](${url})`;
  return {
    id: meta.name,
    name: pascalCase(meta.name),
    shortDescription: { text: meta.summary },
    fullDescription: { text: meta.rationale },
    help: { text: meta.safeAlternative, markdown: `${ruleHelpMarkdown(meta)}${link}` },
    ...url !== void 0 ? { helpUri: url } : {},
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] }
  };
}
function pascalCase(name) {
  return name.split("-").map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
}
function buildSarifLog(input) {
  const ruleIndex = new Map(input.rules.map((meta, index) => [meta.name, index]));
  const findings = [...input.result.findings, ...input.result.suppressed];
  const prints = fingerprints(findings);
  const failed = input.skipped.filter((file) => file.failed);
  const results = findings.map((finding, index) => {
    const position = ruleIndex.get(finding.rule);
    const suppression = "suppression" in finding ? finding.suppression : void 0;
    return {
      ruleId: finding.rule,
      ...position !== void 0 ? { ruleIndex: position } : {},
      level: LEVEL[finding.severity],
      message: { text: `${displayMessage(finding)} \u2014 ${finding.hint}` },
      locations: [
        { physicalLocation: { artifactLocation: artifactLocation(finding.span.file), region: region(finding.span) } }
      ],
      ...finding.related !== void 0 ? {
        relatedLocations: finding.related.map((place, index2) => ({
          id: index2 + 1,
          physicalLocation: { artifactLocation: artifactLocation(place.span.file), region: region(place.span) },
          message: { text: place.message }
        }))
      } : {},
      partialFingerprints: { [FINGERPRINT_KEY]: prints[index] },
      ...suppression ? {
        suppressions: [
          {
            kind: "inSource",
            ...suppression.reason !== void 0 ? { justification: suppression.reason } : {},
            location: {
              physicalLocation: {
                artifactLocation: artifactLocation(suppression.span.file),
                region: region(suppression.span)
              }
            }
          }
        ]
      } : {},
      ...finding.revision !== void 0 ? { properties: { revision: finding.revision } } : {}
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
            ...input.links?.project !== void 0 ? { informationUri: input.links.project } : {},
            rules: input.rules.map((meta) => ruleDescriptor(meta, ruleDocUrl(input, meta.name)))
          }
        },
        invocations: [
          {
            // A gate cannot vouch for a file it failed to read: such a run did not succeed, whatever it found.
            executionSuccessful: failed.length === 0,
            toolExecutionNotifications: failed.map((file) => ({
              level: "error",
              message: { text: `not analysed: ${file.reason}` },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(file.file) } }]
            }))
          }
        ],
        columnKind: "utf16CodeUnits",
        results
      }
    ]
  };
}
export {
  SarifReporter,
  buildSarifLog,
  pathUri
};
