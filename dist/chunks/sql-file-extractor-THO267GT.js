import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  extractSqlFile,
  sqlRevisionId
} from "./chunk-USCY5W5C.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-ZIV56SFR.js";
export {
  extractSqlFile,
  sqlRevisionId
};
