import type { Analyzer } from "../src/domain/index.js";
import { addColumnNotNull } from "./add-column-not-null.js";
import { changeColumnType } from "./change-column-type.js";
import { contractSameRelease } from "./contract-same-release.js";
import { ddlWithBackfill } from "./ddl-with-backfill.js";
import { dropColumn } from "./drop-column.js";
import { dropTable } from "./drop-table.js";
import { duplicateRevision } from "./duplicate-revision.js";
import { envUrlNotEscaped } from "./env-url-not-escaped.js";
import { mixedPhases } from "./mixed-phases.js";
import { multipleHeads } from "./multiple-heads.js";
import { opWithoutIfExists } from "./op-without-if-exists.js";
import { phaseMismatch } from "./phase-mismatch.js";
import { renameColumn } from "./rename-column.js";
import { renameTable } from "./rename-table.js";
import { revisionCycle } from "./revision-cycle.js";
import { setNotNull } from "./set-not-null.js";
import { sqlWithoutIfExists } from "./sql-without-if-exists.js";
import { suppressionWithoutReason } from "./suppression-without-reason.js";
import { syntaxError } from "./syntax-error.js";
import { unbatchedBackfill } from "./unbatched-backfill.js";
import { unknownDownRevision } from "./unknown-down-revision.js";
import { unparsedSql } from "./unparsed-sql.js";
import { unusedSuppression } from "./unused-suppression.js";

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
  sqlWithoutIfExists,
  opWithoutIfExists,
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
