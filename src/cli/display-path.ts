import { relative, sep } from "node:path";

/** A path as reports show it: relative to the working folder, with forward slashes. */
export function displayPath(cwd: string, absolute: string): string {
  const path = relative(cwd, absolute) || absolute;
  return sep === "/" ? path : path.split(sep).join("/");
}
