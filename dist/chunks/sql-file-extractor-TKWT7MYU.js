import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  extractSqlFile,
  sqlRevisionId
} from "./chunk-APV7CSOT.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-RN6JMZ7T.js";
import "./chunk-CO73GOZP.js";
export {
  extractSqlFile,
  sqlRevisionId
};
