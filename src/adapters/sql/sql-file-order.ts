const NATURAL = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Orders SQL migration files the way SQL-file migration tools do: by file name, numbers compared as numbers. */
export function orderSqlFiles<T extends { readonly file: string }>(files: readonly T[]): T[] {
  const name = (file: string) => file.split("/").pop() ?? file;
  return [...files].sort((a, b) => NATURAL.compare(name(a.file), name(b.file)) || (a.file < b.file ? -1 : 1));
}
