/**
 * Whether an env.py decides the database itself rather than migrating the one alembic.ini's `sqlalchemy.url` names,
 * read from its text (comments left out): then that URL is a placeholder for `alembic` commands run by hand, and
 * says nothing about the database the migrations run on.
 */
export function envReplacesUrl(text: string): boolean {
  const code = text.replace(/#[^\n]*/g, "");
  // `config.set_main_option("sqlalchemy.url", ...)` / `set_section_option(section, "sqlalchemy.url", ...)`.
  // (Bounded gaps: a hostile file of unclosed calls must not make these quadratic.)
  if (/set_(?:main|section)_option\s*\([^)]{0,200}["']sqlalchemy\.url["']/.test(code)) return true;
  // A connection the application hands over (`config.attributes["connection"]`), as Alembic's cookbook shows.
  if (/attributes\s*(?:\.get\s*\(|\[)\s*["']connection["']/.test(code)) return true;
  const readsIniUrl =
    /get_main_option\s*\(\s*["']sqlalchemy\.url["']/.test(code) ||
    /get_section_option\s*\([^)]{0,200}["']sqlalchemy\.url["']/.test(code) ||
    /(?:async_)?engine_from_config\s*\(/.test(code) ||
    /\.get_section\s*\(/.test(code);
  // An engine made from something else: an environment variable, the application's settings.
  return !readsIniUrl && /create_(?:async_)?engine\s*\(/.test(code);
}
