import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/adapters/sql/sql-file-order.ts
function orderSqlFiles(files) {
  if (files.length < 2) return [...files];
  const natural = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
  const name = (file) => file.split("/").pop() ?? file;
  return [...files].sort((a, b) => natural.compare(name(a.file), name(b.file)) || (a.file < b.file ? -1 : 1));
}

export {
  orderSqlFiles
};
