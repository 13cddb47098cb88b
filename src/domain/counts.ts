/**
 * A whole number written with a comma between thousands, as `toLocaleString("en")` writes it. Written out by hand:
 * the first locale-aware call loads ICU's data, about 16 ms of every process and thread that makes it at load time.
 */
export function withThousands(count: number): string {
  const digits = String(Math.trunc(Math.abs(count)));
  let grouped = "";
  for (let end = digits.length; end > 0; end -= 3) {
    grouped = end > 3 ? `,${digits.slice(end - 3, end)}${grouped}` : `${digits.slice(0, end)}${grouped}`;
  }
  return count < 0 ? `-${grouped}` : grouped;
}
