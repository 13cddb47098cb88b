/**
 * A small strict reader for the XML the JUnit report writes (declaration, elements, attributes, text, the five
 * entities and numeric references): enough to prove the output is well-formed and to read back what it says.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

function decode(raw: string, where: number): string {
  if (NOT_XML.test(raw)) throw new Error(`character not allowed in XML at ${where}`);
  if (/[<]/.test(raw)) throw new Error(`raw < at ${where}`);
  return raw.replace(/&([^;]*);|&/g, (match, entity: string | undefined) => {
    if (entity === undefined) throw new Error(`bare & at ${where}`);
    if (entity.startsWith("#")) {
      const code = entity.startsWith("#x")
        ? Number.parseInt(entity.slice(2), 16)
        : Number.parseInt(entity.slice(1), 10);
      if (!Number.isInteger(code)) throw new Error(`bad reference ${match} at ${where}`);
      return String.fromCodePoint(code);
    }
    const value = ENTITIES[entity];
    if (value === undefined) throw new Error(`unknown entity ${match} at ${where}`);
    return value;
  });
}

export function parseXml(xml: string): XmlElement {
  let at = 0;
  const declaration = /^<\?xml [^?]*\?>\n?/.exec(xml);
  if (declaration) at = declaration[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (at < xml.length) {
    const next = xml.indexOf("<", at);
    const text = xml.slice(at, next < 0 ? xml.length : next);
    const parent = stack.at(-1);
    if (parent) parent.text += decode(text, at);
    else if (text.trim() !== "") throw new Error(`text outside the root element at ${at}`);
    if (next < 0) break;
    at = next;
    if (xml.startsWith("</", at)) {
      const close = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(xml.slice(at));
      const open = stack.pop();
      if (!close || !open || close[1] !== open.name) throw new Error(`mismatched closing tag at ${at}`);
      at += close[0].length;
      continue;
    }
    const name = NAME.exec(xml.slice(at + 1))?.[0];
    if (!name) throw new Error(`bad tag at ${at}`);
    at += 1 + name.length;
    const element: XmlElement = { name, attributes: {}, children: [], text: "" };
    for (;;) {
      const attribute = /^\s+([A-Za-z_][\w.-]*)="([^"]*)"/.exec(xml.slice(at));
      if (!attribute) break;
      const key = attribute[1] ?? "";
      if (key in element.attributes) throw new Error(`duplicate attribute ${key} at ${at}`);
      element.attributes[key] = decode(attribute[2] ?? "", at);
      at += attribute[0].length;
    }
    const end = /^\s*(\/?)>/.exec(xml.slice(at));
    if (!end) throw new Error(`unterminated tag <${name}> at ${at}`);
    at += end[0].length;
    const holder = stack.at(-1);
    if (holder) holder.children.push(element);
    else if (root) throw new Error(`second root element at ${at}`);
    else root = element;
    if (end[1] !== "/") stack.push(element);
  }
  if (stack.length > 0 || !root) throw new Error("unclosed elements at the end of the document");
  return root;
}

/** Every descendant element of this name, depth first. */
export function elementsNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...elementsNamed(child, name)]);
}
