import type pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { tableKey } from "../../src/domain/index.js";
import { check, revisionFile, writeProject } from "../support/project.js";
import { CASES, DECLARE_FIXTURE, type LockCase } from "./cases.js";
import { client, FIXTURE, type Observed, probeInTransaction, probeOutsideTransaction } from "./probe.js";

const server = inject("postgres");
const TEMPLATE = "lock_fixture";

interface ReportedOperation {
  table?: string;
  lock?: string;
  alsoLocks?: string[];
  rewrite?: boolean;
  rewriteUnless?: string;
  scan?: boolean;
}

/**
 * What migragate claims for the statement: its operations on the target (or on no named table: TRUNCATE, triggers,
 * maintenance) combined, the strongest lock and any rewrite or scan, as the server runs them as one statement.
 */
async function claimed(upgrade: string, target: string, setup?: string, sessionSpares = false): Promise<Observed> {
  // The case's setup runs in the history before the statement, as it ran on the server before it.
  const before = setup === undefined ? DECLARE_FIXTURE : `${DECLARE_FIXTURE}\nop.execute(${JSON.stringify(setup)})`;
  const root = writeProject({
    "versions/a0.py": revisionFile({ revision: "a0", upgrade: before }),
    "versions/b1.py": revisionFile({ revision: "b1", down: "a0", upgrade }),
  });
  const { report } = await check(root, { postgresVersion: server.major, failOn: "never" });
  const revision = report.revisions.find((candidate) => candidate.revision === "b1");
  const operations = (revision?.operations ?? []) as ReportedOperation[];
  // An operation on another table that also locks the target (a dropped foreign key's referenced table) counts
  // with that lock, and neither rewrites nor reads it.
  const relevant = operations.flatMap((op): ReportedOperation[] => {
    if (op.table === undefined || tableKey(op.table) === tableKey(target)) return [op];
    const alsoTarget = (op.alsoLocks ?? []).some((table) => tableKey(table) === tableKey(target));
    return alsoTarget ? [{ table: target, lock: "ACCESS EXCLUSIVE", rewrite: false, scan: false }] : [];
  });
  expect(relevant.length, `migragate found no operation on ${target}`).toBeGreaterThan(0);
  for (const op of relevant) {
    expect(op.rewrite, "the model knows this operation").toBeTypeOf("boolean");
  }
  // Where the case's session setting spares the rewrite, the model must name that condition, and then claims none.
  if (sessionSpares) expect(relevant.some((op) => op.rewriteUnless !== undefined)).toBe(true);
  const spared = (op: ReportedOperation) => sessionSpares && op.rewriteUnless !== undefined;
  const order = [
    "ACCESS SHARE",
    "ROW SHARE",
    "ROW EXCLUSIVE",
    "SHARE UPDATE EXCLUSIVE",
    "SHARE",
    "SHARE ROW EXCLUSIVE",
    "EXCLUSIVE",
    "ACCESS EXCLUSIVE",
  ];
  const locks = relevant.flatMap((op) => (op.lock ? [op.lock] : []));
  const lock = locks.sort((a, b) => order.indexOf(b) - order.indexOf(a))[0];
  return {
    ...(lock ? { lock: lock as Observed["lock"] } : {}),
    rewrite: relevant.some((op) => op.rewrite === true && !spared(op)),
    scan: relevant.some((op) => op.scan === true && !spared(op)),
  };
}

let admin: pg.Client;

beforeAll(async () => {
  admin = client(server, "postgres");
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  const fixture = client(server, TEMPLATE);
  await fixture.connect();
  await fixture.query(FIXTURE);
  await fixture.end();
});

afterAll(async () => {
  await admin?.end();
});

/** Each case gets a fresh copy of the fixture database, so committed setup never leaks into the next case. */
async function observe(testCase: LockCase, index: number): Promise<Observed & { scanMeasured?: boolean }> {
  const database = `case_${index}`;
  await admin.query(`CREATE DATABASE ${database} TEMPLATE ${TEMPLATE}`);
  const sessions = [client(server, database), client(server, database), client(server, database)] as const;
  try {
    for (const session of sessions) await session.connect();
    const [session, blocker, observer] = sessions;
    if (testCase.setup) await session.query(testCase.setup);
    return testCase.outsideTransaction
      ? await probeOutsideTransaction(session, blocker, observer, testCase, server.major)
      : await probeInTransaction(session, testCase);
  } finally {
    for (const session of sessions) await session.end();
    await admin.query(`DROP DATABASE ${database}`);
  }
}

describe(`lock model against PostgreSQL ${server.major}`, () => {
  it.each(CASES.map((testCase, index) => ({ ...testCase, index })))("$name", async (testCase) => {
    const target = testCase.target ?? "t";
    const { scanMeasured, ...observed } = await observe(testCase, testCase.index);
    const expected: Partial<Observed> = observed;
    // Before PostgreSQL 15 the scan of a statement outside a transaction cannot be read back deterministically.
    const comparable = (facts: Partial<Observed>) => {
      const { scan, ...rest } = facts;
      return scanMeasured === false ? rest : { ...rest, scan };
    };
    const spares = testCase.sessionSparesRewrite === true;
    const fromSql = await claimed(`op.execute(${JSON.stringify(testCase.sql)})`, target, testCase.setup, spares);
    expect({ statement: testCase.sql, ...comparable(fromSql) }).toEqual({
      statement: testCase.sql,
      ...comparable(expected),
    });
    if (testCase.op) {
      const fromOp = await claimed(testCase.op, target, testCase.setup, spares);
      expect({ directive: testCase.op, ...comparable(fromOp) }).toEqual({
        directive: testCase.op,
        ...comparable(expected),
      });
    }
  });
});
