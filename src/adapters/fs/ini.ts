/** Reads an INI file the way configparser does for Alembic's needs: sections, `key = value`, indented continuations. */
export function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  let lastKey: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(line) || line.trim() === "") continue;
    const section = /^\[([^\]]+)\]/.exec(line);
    if (section?.[1]) {
      current = new Map();
      sections.set(section[1].trim(), current);
      lastKey = undefined;
      continue;
    }
    if (/^\s/.test(line) && current && lastKey) {
      current.set(lastKey, `${current.get(lastKey) ?? ""}\n${line.trim()}`);
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line);
    if (pair?.[1] && current) {
      lastKey = pair[1].trim().toLowerCase();
      current.set(lastKey, (pair[2] ?? "").trim());
    }
  }
  return sections;
}
