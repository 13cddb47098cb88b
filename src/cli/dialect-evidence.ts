import { dirname, join, resolve } from "node:path";
import type { AlembicConfig } from "../adapters/fs/alembic-config.js";
import { databaseDrivers } from "../adapters/fs/database-drivers.js";
import { dialectFromUrl } from "../adapters/fs/discovery.js";
import { readSmallFile } from "../adapters/fs/safe-read.js";
import { dialectMarks } from "../adapters/python/dialect-marks.js";
import { envReplacesUrl } from "../adapters/python/env-url.js";
import type { DialectInputs, UrlEvidence } from "../services/dialect-decision.js";
import type { SourceFile } from "./extract-sources.js";
import type { RunSettings } from "./settings.js";

/** An env.py larger than this is not read for its URL handling. */
const MAX_ENV_BYTES = 1_000_000;

/** A URL for reports, its password hidden: `postgresql://app:***@db/app`. */
function shownUrl(url: string): string {
  return url.replace(/(:\/\/[^:/@\s]*):[^@\s]*@/, "$1:***@");
}

/**
 * What the project says about its database, for `decideDialect`: the command line and config file, each Alembic
 * configuration's `sqlalchemy.url` (and whether its env.py replaces it), and the drivers the project depends on.
 */
export function dialectInputs(
  settings: RunSettings,
  configs: readonly AlembicConfig[],
  start: string,
  display: (absolute: string) => string,
  revisions: readonly SourceFile[],
): DialectInputs {
  const configFile = settings.configFile ? display(settings.configFile.file) : "the config file";
  return {
    ...(settings.dialectGiven === "flag" && settings.dialect ? { flag: settings.dialect } : {}),
    ...(settings.dialectGiven === "config" && settings.dialect
      ? { config: { dialect: settings.dialect, detail: `dialect in ${configFile}` } }
      : {}),
    ...projectDialectEvidence(configs, start, display, revisions),
  };
}

/**
 * What the project's own files say about its database: Alembic configurations' URLs, the drivers it depends on, and
 * the options of one database its revisions pass.
 */
export function projectDialectEvidence(
  configs: readonly AlembicConfig[],
  start: string,
  display: (absolute: string) => string,
  revisions: readonly SourceFile[],
): Pick<DialectInputs, "urls" | "drivers" | "revisions"> {
  const urls: UrlEvidence[] = [];
  for (const config of configs) {
    const dialect = config.url === undefined ? undefined : dialectFromUrl(config.url);
    if (!config.url || !dialect) continue;
    const env = readSmallFile(join(config.scriptLocation, "env.py"), MAX_ENV_BYTES);
    urls.push({
      source: config.kind,
      dialect,
      detail: `sqlalchemy.url = ${shownUrl(config.url)} in ${display(config.file)}`,
      replacedByEnv: env !== undefined && envReplacesUrl(env),
    });
  }
  const [first] = configs;
  const drivers = databaseDrivers(first ? dirname(first.file) : resolve(start)).map((driver) => ({
    dialect: driver.dialect,
    detail: `database driver ${driver.driver} in ${display(driver.file)}`,
  }));
  return {
    urls,
    drivers,
    revisions: revisions.map((source) => ({ file: source.file, marks: dialectMarks(source.text) })),
  };
}
