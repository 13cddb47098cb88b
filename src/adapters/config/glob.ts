/**
 * A glob as a regular expression over `/`-separated relative paths: `**` spans folders, `*` and `?` stay within
 * one name. A pattern without a slash matches a file name in any folder, as in .gitignore.
 */
export function globToRegExp(pattern: string): RegExp {
  const anchored = pattern.includes("/") ? pattern.replace(/^\.?\//, "") : `**/${pattern}`;
  let source = "";
  for (let index = 0; index < anchored.length; index++) {
    const char = anchored[index] as string;
    if (char === "*" && anchored[index + 1] === "*") {
      const slash = anchored[index + 2] === "/";
      source += slash ? "(?:.*/)?" : ".*";
      index += slash ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  // A folder pattern excludes what is inside it.
  return new RegExp(`^${source}(?:/.*)?$`);
}
