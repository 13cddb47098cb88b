import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  extractSqlFile,
  sqlRevisionId
} from "./chunk-LWTTCP4Q.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-SCCHQXSH.js";
export {
  extractSqlFile,
  sqlRevisionId
};
