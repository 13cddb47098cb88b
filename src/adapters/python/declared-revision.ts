/** `revision = "ae1027a6acf"` or `revision: str = '...'` at the start of a line, as Alembic's template writes it. */
const REVISION_ASSIGNMENT = /^revision(?:[ \t]*:[^=\n]{0,100})?[ \t]*=[ \t]*(["'])([^"'\n\\]{1,200})\1/m;

/**
 * The revision id a file declares, read from its text without parsing it: for a file that could not be analysed,
 * so that the revisions naming it as their parent are not blamed for a missing one.
 */
export function declaredRevisionId(text: string): string | undefined {
  return REVISION_ASSIGNMENT.exec(text)?.[2];
}
