import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import draft04 from "ajv-draft-04";
import formats from "ajv-formats";

// The official schema is draft-04, and strict mode rejects its own `required` lists inside `anyOf`.
const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, "../schemas/sarif-schema-2.1.0.json"), "utf8"));
// Both are CommonJS modules whose `default` is what they export (the module object itself works only at run time).
const ajv = new draft04.default({ allErrors: true, strict: false });
formats.default(ajv);
const validate = ajv.compile(schema);

/** Every way `log` breaks the official SARIF 2.1.0 schema, as `path: message` lines (empty when it conforms). */
export function sarifSchemaErrors(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).map(
    (error: { instancePath: string; message?: string }) =>
      `${error.instancePath || "/"}: ${error.message ?? "invalid"}`,
  );
}
