import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv } from "ajv";

const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../docs/report.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

/** Every way `report` breaks docs/report.schema.json, as `path: message` lines (empty when it conforms). */
export function reportSchemaErrors(report: unknown): string[] {
  if (validate(report)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || "/"}: ${error.message ?? "invalid"}`);
}

const planSchema = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../docs/plan.schema.json"), "utf8"));
const validatePlan = new Ajv({ allErrors: true, strict: true }).compile(planSchema);

/** Every way `plan` breaks docs/plan.schema.json, as `path: message` lines (empty when it conforms). */
export function planSchemaErrors(plan: unknown): string[] {
  if (validatePlan(plan)) return [];
  return (validatePlan.errors ?? []).map((error) => `${error.instancePath || "/"}: ${error.message ?? "invalid"}`);
}
