import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  extractSqlFile,
  sqlRevisionId
} from "./chunk-GOWSBAGO.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-FOQMQZLO.js";
export {
  extractSqlFile,
  sqlRevisionId
};
