import { describe, expect, it } from "vitest";
import { reflowMarkdown } from "../src/adapters/report/markdown-reflow.js";

const DOC = [
  "# rule-name",
  "",
  "A paragraph written at one width that the terminal should see laid out at another one, word by word.",
  "",
  "- a list item long enough to need a second line when the terminal is narrow,",
  "  continued here",
  "- a short item",
  "",
  "```python",
  "op.add_column('users', sa.Column('display_name', sa.Text(), nullable=True))  # a long line of code",
  "```",
  "",
  "| a | table row that stays as it is, however long it may be, because tables are laid out by their columns |",
].join("\n");

describe("reflowMarkdown", () => {
  it("reflowMarkdown without a width returns the document as it is", () => {
    expect(reflowMarkdown(DOC, undefined)).toBe(DOC);
  });

  it("reflowMarkdown wraps paragraphs and list items, and keeps code, headings and tables", () => {
    expect(reflowMarkdown(DOC, 40).split("\n")).toEqual([
      "# rule-name",
      "",
      "A paragraph written at one width that",
      "the terminal should see laid out at",
      "another one, word by word.",
      "",
      "- a list item long enough to need a",
      "  second line when the terminal is",
      "  narrow, continued here",
      "- a short item",
      "",
      "```python",
      "op.add_column('users', sa.Column('display_name', sa.Text(), nullable=True))  # a long line of code",
      "```",
      "",
      "| a | table row that stays as it is, however long it may be, because tables are laid out by their columns |",
    ]);
  });
});
