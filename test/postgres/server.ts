import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A running throwaway PostgreSQL server, reachable only through a unix socket in its own folder. */
export interface ThrowawayServer {
  /** Folder holding the socket (pass it as `host` to a client). */
  readonly socketDir: string;
  readonly port: number;
  /** Server major version, from the binaries' folder. */
  readonly major: number;
  /** Milliseconds spent in initdb and in starting the server. */
  readonly timings: { readonly initdb: number; readonly start: number };
  stop(): void;
}

const PORT = 5432;

/** Debian installs each major under /usr/lib/postgresql/<major>/bin; the newest one is used. */
export function findPostgresBin(root = "/usr/lib/postgresql"): { bin: string; major: number } | undefined {
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .map(Number)
    .filter((major) => Number.isInteger(major) && existsSync(join(root, String(major), "bin", "initdb")))
    .sort((a, b) => b - a);
  const major = majors[0];
  return major === undefined ? undefined : { bin: join(root, String(major), "bin"), major };
}

/** initdb refuses to run as root: as root, the server runs as `postgres` (Debian's package creates it) or `nobody`. */
function serverAccount(): { user: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = readFileSync("/etc/passwd", "utf8").split("\n");
  for (const user of ["postgres", "nobody"]) {
    const fields = passwd.find((line) => line.startsWith(`${user}:`))?.split(":");
    if (fields) return { user, uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  throw new Error("running as root, but neither a postgres nor a nobody account exists to run the server");
}

/** Runs initdb, then the server on a unix socket in a new temp folder; `stop()` shuts it down and removes the folder. */
export function startThrowawayServer(): ThrowawayServer {
  const found = findPostgresBin();
  if (!found) {
    throw new Error("no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)");
  }
  const account = serverAccount();
  const dir = mkdtempSync(join(tmpdir(), "migragate-pg-"));
  if (account) chownSync(dir, account.uid, account.gid);
  const run = (program: string, args: string[]) => {
    const [command, prefix] = account
      ? ["runuser", ["-u", account.user, "--", join(found.bin, program)]]
      : [join(found.bin, program), []];
    execFileSync(command, [...prefix, ...args], { stdio: "pipe", cwd: dir });
  };
  const data = join(dir, "data");
  const started = performance.now();
  run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "--no-locale", "-E", "UTF8"]);
  const initialised = performance.now();
  // Durability is pointless for a server that lives for one test run; no TCP listener at all.
  const options = `-k ${dir} -p ${PORT} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-o", options, "-w", "start"]);
  const ready = performance.now();
  return {
    socketDir: dir,
    port: PORT,
    major: found.major,
    timings: { initdb: Math.round(initialised - started), start: Math.round(ready - initialised) },
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
