import type { Analyzer } from "../src/domain/index.js";
import { addCheckConstraintValidated } from "./add-check-constraint-validated.js";
import { addColumnNotNull } from "./add-column-not-null.js";
import { addColumnSerial } from "./add-column-serial.js";
import { addColumnVolatileDefault } from "./add-column-volatile-default.js";
import { addForeignKeyValidated } from "./add-foreign-key-validated.js";
import { addPrimaryKey } from "./add-primary-key.js";
import { addUniqueConstraint } from "./add-unique-constraint.js";
import { alterEnumAddValueInTransaction } from "./alter-enum-add-value-in-transaction.js";
import { changeColumnType } from "./change-column-type.js";
import { concurrentlyInTransaction } from "./concurrently-in-transaction.js";
import { contractSameRelease } from "./contract-same-release.js";
import { createIndexNotConcurrently } from "./create-index-not-concurrently.js";
import { ddlWithBackfill } from "./ddl-with-backfill.js";
import { dropColumn } from "./drop-column.js";
import { dropIndexNotConcurrently } from "./drop-index-not-concurrently.js";
import { dropTable } from "./drop-table.js";
import { duplicateRevision } from "./duplicate-revision.js";
import { envUrlNotEscaped } from "./env-url-not-escaped.js";
import { missingCheckfirst } from "./missing-checkfirst.js";
import { missingLockTimeout } from "./missing-lock-timeout.js";
import { mixedPhases } from "./mixed-phases.js";
import { multipleHeads } from "./multiple-heads.js";
import { opWithoutIfExists } from "./op-without-if-exists.js";
import { opWithoutIfExistsStrict } from "./op-without-if-exists-strict.js";
import { phaseMismatch } from "./phase-mismatch.js";
import { preferBigint } from "./prefer-bigint.js";
import { preferIdentity } from "./prefer-identity.js";
import { preferText } from "./prefer-text.js";
import { preferTimestamptz } from "./prefer-timestamptz.js";
import { renameColumn } from "./rename-column.js";
import { renameTable } from "./rename-table.js";
import { revisionCycle } from "./revision-cycle.js";
import { setNotNull } from "./set-not-null.js";
import { sqlWithoutIfExists } from "./sql-without-if-exists.js";
import { suppressionWithoutReason } from "./suppression-without-reason.js";
import { syntaxError } from "./syntax-error.js";
import { transactionControlInMigration } from "./transaction-control-in-migration.js";
import { truncateTable } from "./truncate-table.js";
import { unbatchedBackfill } from "./unbatched-backfill.js";
import { unknownDownRevision } from "./unknown-down-revision.js";
import { unparsedSql } from "./unparsed-sql.js";
import { unusedSuppression } from "./unused-suppression.js";
import { vacuumFullOrCluster } from "./vacuum-full-or-cluster.js";

export const ALL_ANALYZERS: readonly Analyzer[] = [
  addColumnNotNull,
  ddlWithBackfill,
  mixedPhases,
  contractSameRelease,
  phaseMismatch,
  renameColumn,
  renameTable,
  setNotNull,
  changeColumnType,
  dropColumn,
  dropTable,
  unbatchedBackfill,
  createIndexNotConcurrently,
  dropIndexNotConcurrently,
  concurrentlyInTransaction,
  addForeignKeyValidated,
  addCheckConstraintValidated,
  addUniqueConstraint,
  addPrimaryKey,
  addColumnVolatileDefault,
  addColumnSerial,
  alterEnumAddValueInTransaction,
  transactionControlInMigration,
  truncateTable,
  missingLockTimeout,
  vacuumFullOrCluster,
  preferBigint,
  preferText,
  preferTimestamptz,
  preferIdentity,
  sqlWithoutIfExists,
  opWithoutIfExists,
  opWithoutIfExistsStrict,
  missingCheckfirst,
  envUrlNotEscaped,
  multipleHeads,
  unknownDownRevision,
  duplicateRevision,
  revisionCycle,
  syntaxError,
  unparsedSql,
  suppressionWithoutReason,
  unusedSuppression,
];
