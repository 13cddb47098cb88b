import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  extractSqlFile,
  sqlRevisionId
} from "./chunk-VLHPTCDI.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-QZA63442.js";
import "./chunk-CO73GOZP.js";
export {
  extractSqlFile,
  sqlRevisionId
};
