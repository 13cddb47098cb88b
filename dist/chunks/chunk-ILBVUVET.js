import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/services/dialect.ts
var DIALECT_NAMES = [
  [/postgres/i, "postgresql"],
  [/mysql|mariadb/i, "mysql"],
  [/sqlite/i, "sqlite"]
];
function dialectsNamed(text) {
  return new Set(DIALECT_NAMES.filter(([pattern]) => pattern.test(text)).map(([, dialect]) => dialect));
}
var FOLDER_DIALECT = /(?:^|\/)(?:postgres(?:ql)?|mysql|mariadb|sqlite)\//i;
function isNegated(condition) {
  let negations = 0;
  let text = condition.trim();
  while (negations < 100 && /^not \(.*\)$/s.test(text)) {
    negations++;
    text = text.slice(5, -1).trim();
  }
  if (/^not\s/.test(text)) negations++;
  if (/!=|\bnot in\b|\bis not\b/.test(text)) negations++;
  return negations % 2 === 1;
}
function excludedDialects(context) {
  const excluded = /* @__PURE__ */ new Set();
  for (const condition of context.conditions) {
    const named = dialectsNamed(condition);
    const [dialect] = named;
    if (named.size === 1 && dialect && isNegated(condition)) excluded.add(dialect);
  }
  return excluded;
}
function dialectOf(context, file, reading) {
  for (let index = context.conditions.length - 1; index >= 0; index--) {
    const condition = context.conditions[index] ?? "";
    const named = dialectsNamed(condition);
    if (named.size !== 1 || isNegated(condition)) continue;
    const [dialect] = named;
    if (dialect) return dialect;
  }
  return (reading.forced ? void 0 : folderDialect(file)) ?? reading.dialect;
}
function operationDialect(context, file, reading) {
  const dialect = dialectOf(context, file, reading);
  return context.conditions.length > 0 && excludedDialects(context).has(dialect) ? "other" : dialect;
}
function folderDialect(file) {
  return folderNamingDialect(file)?.dialect;
}
function folderNamingDialect(file) {
  if (!FOLDER_DIALECT.test(file)) return void 0;
  const folders = file.split("/").slice(0, -1);
  for (let index = folders.length - 1; index >= 0; index--) {
    const folder = folders[index] ?? "";
    const named = dialectsNamed(folder);
    const [dialect] = named;
    if (named.size === 1 && dialect && /^(?:postgres(?:ql)?|mysql|mariadb|sqlite)$/i.test(folder))
      return { folder: folders.slice(0, index + 1).join("/"), dialect };
  }
  return void 0;
}

export {
  excludedDialects,
  dialectOf,
  operationDialect,
  folderNamingDialect
};
