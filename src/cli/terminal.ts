/**
 * The width the text report on standard output wraps at: `COLUMNS` when it holds a positive number, else the
 * terminal's width when standard output is one. Undefined for a file, a pipe or a CI log: their lines are not wrapped.
 */
export function reportWidth(
  env: Readonly<Record<string, string | undefined>>,
  stdout: { readonly isTTY?: boolean; readonly columns?: number },
): number | undefined {
  const columns = /^\s*\d+\s*$/.test(env.COLUMNS ?? "") ? Number(env.COLUMNS) : 0;
  const width = columns > 0 ? columns : stdout.isTTY === true ? (stdout.columns ?? 0) : 0;
  return width > 0 ? width : undefined;
}

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
