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
function topLevelParts(text, joiner) {
  const parts = [];
  let depth = 0;
  let quote;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote !== void 0) {
      if (char === "\\") index++;
      else if (char === quote) quote = void 0;
    } else if (char === '"' || char === "'") quote = char;
    else if ("([{".includes(char)) depth++;
    else if (")]}".includes(char)) depth--;
    else if (depth === 0 && text.startsWith(joiner, index) && /\s/.test(text[index - 1] ?? "") && /\s/.test(text[index + joiner.length] ?? "")) {
      parts.push(text.slice(start, index).trim());
      start = index + joiner.length;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}
function unwrappedNot(text) {
  if (!text.startsWith("not (") || !text.endsWith(")")) return void 0;
  const inner = text.slice(5, -1);
  let depth = 0;
  for (const char of inner) {
    if (char === "(") depth++;
    else if (char === ")" && --depth < 0) return void 0;
  }
  return depth === 0 ? inner.trim() : void 0;
}
function atomNegated(atom) {
  let negations = /^not\s/.test(atom) ? 1 : 0;
  if (/!=|\bnot in\b|\bis not\b/.test(atom)) negations++;
  if (/(?:\bis|==)\s*False\b/.test(atom)) negations++;
  return negations % 2 === 1;
}
function dialectTest(condition) {
  if (dialectsNamed(condition).size !== 1) return void 0;
  let negations = 0;
  let text = condition.trim();
  for (let inner = unwrappedNot(text); inner !== void 0 && negations < 100; inner = unwrappedNot(text)) {
    negations++;
    text = inner;
  }
  const alternatives = topLevelParts(text, "or");
  const outerNegated = negations % 2 === 1;
  if (alternatives.length > 1 && !outerNegated) return void 0;
  const atoms = alternatives.map((part) => topLevelParts(part, "and"));
  if (outerNegated && atoms.some((parts) => parts.length > 1)) return void 0;
  const naming = atoms.flat().filter((atom2) => dialectsNamed(atom2).size > 0);
  const [atom] = naming;
  const [dialect] = atom === void 0 ? [] : dialectsNamed(atom);
  if (naming.length !== 1 || atom === void 0 || dialect === void 0) return void 0;
  return { dialect, negated: atomNegated(atom) !== outerNegated };
}
function excludedDialects(context) {
  const excluded = /* @__PURE__ */ new Set();
  for (const condition of context.conditions) {
    const test = dialectTest(condition);
    if (test?.negated) excluded.add(test.dialect);
  }
  return excluded;
}
function dialectOf(context, file, reading) {
  for (let index = context.conditions.length - 1; index >= 0; index--) {
    const test = dialectTest(context.conditions[index] ?? "");
    if (test && !test.negated) return test.dialect;
  }
  return (reading.forced ? void 0 : folderDialect(file)) ?? reading.dialect;
}
function testsDialect(condition) {
  return dialectTest(condition) !== void 0;
}
function underDialectTest(context) {
  return context.conditions.some((condition) => dialectTest(condition) !== void 0);
}
function operationDialect(context, file, reading) {
  const dialect = dialectOf(context, file, reading);
  return context.conditions.length > 0 && excludedDialects(context).has(dialect) ? "other" : dialect;
}
function sharedDialectFolder(files) {
  const [first, ...rest] = files.map(folderNamingDialect);
  return first && rest.every((folder) => folder?.folder === first.folder) ? first : void 0;
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
  testsDialect,
  underDialectTest,
  operationDialect,
  sharedDialectFolder
};
