import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  extractSqlFile,
  sqlRevisionId
} from "./chunk-64TIRNUT.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-YGL7NF3V.js";
export {
  extractSqlFile,
  sqlRevisionId
};
