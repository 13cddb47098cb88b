/** Escaping for XML 1.0 text and attribute values, which cannot hold every character a string can. */

// XML 1.0 allows tab, LF and CR among the C0 controls, and no lone surrogate, U+FFFE or U+FFFF, not even as &#..;.
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being replaced
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function xmlChars(text: string): string {
  return text.replace(NOT_XML, "\uFFFD");
}

/** Element content. */
export function escapeXmlText(text: string): string {
  return xmlChars(text).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** A double-quoted attribute value; line breaks and tabs as references, since parsers fold them into spaces. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;")
    .replaceAll("\r", "&#13;")
    .replaceAll("\n", "&#10;")
    .replaceAll("\t", "&#9;");
}
