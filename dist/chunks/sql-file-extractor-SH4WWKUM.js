import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  extractSqlFile,
  sqlRevisionId
} from "./chunk-RXPGRKOE.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-7J57E3W3.js";
export {
  extractSqlFile,
  sqlRevisionId
};
