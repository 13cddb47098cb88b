/**
 * A yes/no question on the terminal (asked on standard error, so standard output stays the plan), or undefined when
 * standard input or standard error is not a terminal: nobody is there to answer.
 */
export function terminalConfirm(): ((question: string) => Promise<boolean>) | undefined {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  return async (question) => {
    const { createInterface } = await import("node:readline/promises");
    const terminal = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^\s*y(?:es)?\s*$/i.test(await terminal.question(question));
    } finally {
      terminal.close();
    }
  };
}
