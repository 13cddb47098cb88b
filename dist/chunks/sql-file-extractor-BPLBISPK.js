import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  extractSqlFile,
  sqlRevisionId
} from "./chunk-MPCFPPQY.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-5IVLJQTF.js";
export {
  extractSqlFile,
  sqlRevisionId
};
