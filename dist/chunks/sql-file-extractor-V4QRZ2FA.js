import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  extractSqlFile,
  sqlRevisionId
} from "./chunk-7PC5H7ML.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-WDUFLLU2.js";
export {
  extractSqlFile,
  sqlRevisionId
};
