/** Source text made short enough for a report: whitespace folded, cut at `max` characters. */
export function compact(text: string, max = 160): string {
  // Fold only a prefix: a statement of megabytes costs no more than its first few hundred characters.
  const prefix = text.length > max * 8 ? text.slice(0, max * 8) : text;
  const flat = prefix.replace(/\s+/g, " ").trim();
  if (flat.length > max) return `${flat.slice(0, max - 3)}...`;
  return prefix.length < text.length ? `${flat}...` : flat;
}
