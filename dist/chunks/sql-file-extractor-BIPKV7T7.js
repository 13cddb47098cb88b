import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  extractSqlFile,
  sqlRevisionId
} from "./chunk-5SRWEA3N.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-422L6CHM.js";
import "./chunk-CO73GOZP.js";
export {
  extractSqlFile,
  sqlRevisionId
};
