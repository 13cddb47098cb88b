import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, GithubReporter } from "../src/adapters/report/github-report.js";
import { JunitReporter } from "../src/adapters/report/junit-report.js";
import { MarkdownReporter } from "../src/adapters/report/markdown-report.js";
import { codeCell, codeSpan, escapeMarkdown, escapeMarkdownWithCode } from "../src/adapters/report/markdown-text.js";
import { escapeXmlAttribute, escapeXmlText } from "../src/adapters/report/xml-text.js";
import { finding, reportInput, revision } from "./support/report-input.js";
import { elementsNamed, parseXml } from "./support/xml.js";

/** Everything that has broken a report format somewhere: line breaks, format syntax, controls, non-ASCII. */
const NASTY =
  "a%0A b\r\nc\nd: e, f | g <h> & \"i\" 'j' `k` *l* _m_ [n](o) \\ \u0000\u0007\u001b[31m é 中 🚀 \ud800 ~~p~~";
const NASTY_FILE = "versions/we|rd `name`, 100%: <x>.py";

describe("github escaping", () => {
  it("github escaping encodes %, CR and LF in messages", () => {
    expect(escapeData("100% done\r\nnext\rline\nend")).toBe("100%25 done%0D%0Anext%0Dline%0Aend");
    expect(escapeData("a%0A")).toBe("a%250A");
  });

  it("github escaping also encodes : and , in property values", () => {
    expect(escapeProperty("C:\\a,b%c\nd")).toBe("C%3A\\a%2Cb%25c%0Ad");
  });

  it("github escaping keeps every annotation on one line with hostile finding text", () => {
    const input = reportInput({
      findings: [finding("x-rule", NASTY_FILE, 3, { message: NASTY, hint: NASTY })],
      skipped: [{ file: NASTY_FILE, reason: NASTY, failed: true }],
    });
    const lines = new GithubReporter().render(input).split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    const [annotation, failed] = lines;
    expect(annotation).toMatch(
      /^::error file=versions\/we\|rd `name`%2C 100%25%3A <x>\.py,line=3,endLine=3,col=5,endColumn=20,title=x-rule::/,
    );
    const message = annotation?.slice(annotation.indexOf("::", 2) + 2) ?? "";
    expect(message).not.toMatch(/[\r\n]/);
    const decoded = message.replaceAll("%0D", "\r").replaceAll("%0A", "\n").replaceAll("%25", "%");
    expect(decoded).toBe(`${NASTY} — ${NASTY}`);
    expect(failed).toMatch(
      /^::error file=versions\/we\|rd `name`%2C 100%25%3A <x>\.py,title=migragate::not analysed: a%250A b%0D%0Ac%0Ad/,
    );
  });
});

describe("markdown escaping", () => {
  it("markdown escaping neutralises markup, HTML and line breaks", () => {
    expect(escapeMarkdown("a|b *c* _d_ `e` [f](g) <img src=x> & ~~h~~ \\")).toBe(
      "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) &lt;img src=x&gt; &amp; \\~\\~h\\~\\~ \\\\",
    );
    expect(escapeMarkdown("one\r\ntwo\nthree\rfour")).toBe("one two three four");
    expect(escapeMarkdown("bell\u0007 nul\u0000 esc\u001b del\u007f")).toBe("bell\uFFFD nul\uFFFD esc\uFFFD del\uFFFD");
    expect(escapeMarkdown("é 中 🚀")).toBe("é 中 🚀");
  });

  it("markdown escaping fences code spans longer than any backtick run inside", () => {
    expect(codeSpan("plain")).toBe("`plain`");
    expect(codeSpan("a `b` c")).toBe("``a `b` c``");
    expect(codeSpan("``x``")).toBe("``` ``x`` ```");
    expect(codeSpan("line\nbreak")).toBe("`line break`");
  });

  it("markdown escaping keeps code in messages and hints as code spans", () => {
    expect(escapeMarkdownWithCode('Write `op.add_column("t", sa.Column("c", sa.Text()))` *first*')).toBe(
      'Write `op.add_column("t", sa.Column("c", sa.Text()))` \\*first\\*',
    );
    // Code holding HTML or a backtick-free pipe stays literal; an unpaired backtick is escaped.
    expect(escapeMarkdownWithCode("a `<img src=x>` b ` c")).toBe("a `<img src=x>` b \\` c");
    expect(escapeMarkdownWithCode("`x`y`z`")).toBe("`x`y`z`");
  });

  it("markdown escaping escapes pipes in code cells", () => {
    expect(codeCell("a|b")).toBe("`a\\|b`");
  });

  it("markdown escaping keeps the revision table's shape with hostile text", () => {
    const input = reportInput({
      revisions: [revision(NASTY, NASTY_FILE, { message: NASTY, phases: ["expand"] })],
      findings: [finding("x-rule", NASTY_FILE, 3, { message: NASTY, hint: NASTY })],
    });
    const text = new MarkdownReporter().render(input);
    const row = text.split("\n").find((line) => line.startsWith("| `") || line.startsWith("| ``"));
    expect(row).toBeDefined();
    // Five cells: six pipes that are not backslash-escaped.
    expect(row?.match(/(?<!\\)\|/g)).toHaveLength(6);
    for (const control of ["\u0000", "\u001b", "\r"]) expect(text).not.toContain(control);
    // Inside a code span `<x>` is literal text, never HTML; outside one it must be an entity.
    expect(text).toContain("``versions/we|rd `name`, 100%: <x>.py``");
    expect(text).toContain("é 中 🚀");
    expect(row?.split(/(?<!\\)\|/)[3]).toContain(" g &lt;h&gt; &amp; ");
    const item = text.split("\n").find((line) => line.startsWith("- **error**"));
    // `k` is a code span, as migragate writes code in its messages; the rest is escaped.
    expect(item).toContain("a%0A b c d: e, f \\| g &lt;h&gt; &amp; \"i\" 'j' `k` \\*l\\* \\_m\\_ \\[n\\](o) \\\\");
  });
});

describe("xml escaping", () => {
  it("xml escaping escapes markup in text and quotes and line breaks in attributes", () => {
    expect(escapeXmlText(`<a href="x">&'</a>`)).toBe(`&lt;a href="x"&gt;&amp;'&lt;/a&gt;`);
    expect(escapeXmlAttribute(`"a" 'b' <c> & d\ne\r\tf`)).toBe(
      "&quot;a&quot; &apos;b&apos; &lt;c&gt; &amp; d&#10;e&#13;&#9;f",
    );
  });

  it("xml escaping replaces characters XML 1.0 cannot hold, keeping valid pairs", () => {
    expect(escapeXmlText("nul\u0000 bell\u0007 vt\u000b ff\u000c esc\u001b")).toBe(
      "nul\uFFFD bell\uFFFD vt\uFFFD ff\uFFFD esc\uFFFD",
    );
    expect(escapeXmlText("lone \ud800 and \udc00, pair 🚀, \ufffe")).toBe("lone \uFFFD and \uFFFD, pair 🚀, \uFFFD");
    expect(escapeXmlText("tab\t lf\n cr\r é 中")).toBe("tab\t lf\n cr\r é 中");
  });

  it("xml escaping gives a well-formed JUnit report that reads back the hostile text", () => {
    const input = reportInput({
      revisions: [revision(NASTY, NASTY_FILE, { message: NASTY })],
      findings: [finding(NASTY, NASTY_FILE, 3, { message: NASTY, hint: NASTY })],
      skipped: [{ file: NASTY_FILE, reason: NASTY, failed: true }],
    });
    const root = parseXml(new JunitReporter().render(input));
    const readable = ["\u0000", "\u0007", "\u001b", "\ud800"].reduce(
      (text, bad) => text.replaceAll(bad, "\uFFFD"),
      NASTY,
    );
    const [failure] = elementsNamed(root, "failure");
    expect(failure?.attributes.type).toBe(readable);
    expect(failure?.attributes.message).toBe(readable);
    expect(failure?.text).toContain(readable);
    const [testcase] = elementsNamed(root, "testcase");
    expect(testcase?.attributes.name).toBe(`${readable} ${readable}`);
    expect(testcase?.attributes.classname).toBe(NASTY_FILE);
    expect(elementsNamed(root, "error")[0]?.text).toBe(readable);
  });
});
