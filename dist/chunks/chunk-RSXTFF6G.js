import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/adapters/sql/sql-file-order.ts
var NATURAL = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
function orderSqlFiles(files) {
  const name = (file) => file.split("/").pop() ?? file;
  return [...files].sort((a, b) => NATURAL.compare(name(a.file), name(b.file)) || (a.file < b.file ? -1 : 1));
}

export {
  orderSqlFiles
};
