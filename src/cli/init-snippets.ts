/** Where migragate itself is published; undefined until package.json names a repository. */
export interface MigragateSource {
  readonly repositoryUrl?: string;
  readonly version: string;
}

/** `owner/name` of a GitHub repository URL, which is what `uses:` takes. */
function githubSlug(url: string): string | undefined {
  return /^https:\/\/github\.com\/([^/]+\/[^/#?]+?)(?:\.git)?\/?$/.exec(url)?.[1];
}

const UNPUBLISHED = "migragate has no published address yet: name the repository you install it from";

/** The `.pre-commit-config.yaml` entry that runs the hook of `.pre-commit-hooks.yaml` on `path`. */
export function preCommitSnippet(source: MigragateSource, path: string): string {
  const repo = source.repositoryUrl
    ? `  - repo: ${source.repositoryUrl}\n    rev: v${source.version}`
    : `  - repo: <migragate git URL>  # ${UNPUBLISHED}\n    rev: <tag or commit>`;
  // pre-commit appends args to `migragate check`: a path that starts with a dash would be read as an option.
  const given = path.startsWith("-") ? `"--", ${JSON.stringify(path)}` : JSON.stringify(path);
  const args = path === "." ? "" : `\n        args: [${given}]`;
  return `# .pre-commit-config.yaml\nrepos:\n${repo}\n    hooks:\n      - id: migragate${args}\n`;
}

/** A workflow that gates pull requests with the bundled action (action.yml) on `path`. */
export function githubActionsSnippet(source: MigragateSource, path: string): string {
  const slug = source.repositoryUrl ? githubSlug(source.repositoryUrl) : undefined;
  const uses = slug
    ? `      - uses: ${slug}@v${source.version}`
    : `      - uses: <owner>/<repository>@<tag or commit>  # ${UNPUBLISHED}`;
  return [
    "# .github/workflows/migrations.yml",
    "name: migrations",
    "on: [pull_request]",
    "jobs:",
    "  migragate:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    "      - uses: actions/checkout@v4",
    "        with:",
    "          fetch-depth: 0 # --since needs the pull request's base commit",
    uses,
    "        with:",
    `          path: ${JSON.stringify(path)}`,
    "",
  ].join("\n");
}
