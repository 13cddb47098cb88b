export * from "./analysis.js";
export * from "./column-types.js";
export * from "./finding.js";
export * from "./locks.js";
export * from "./operation.js";
export * from "./phase.js";
export * from "./revision.js";
export * from "./source.js";
