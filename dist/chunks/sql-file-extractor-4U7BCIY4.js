import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  extractSqlFile,
  sqlRevisionId
} from "./chunk-2APQ2CEJ.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-A6PVFRXN.js";
export {
  extractSqlFile,
  sqlRevisionId
};
