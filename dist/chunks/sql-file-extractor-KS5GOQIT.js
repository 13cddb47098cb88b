import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  extractSqlFile,
  sqlRevisionId
} from "./chunk-JQCXQ2KD.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-USU5H3WH.js";
export {
  extractSqlFile,
  sqlRevisionId
};
