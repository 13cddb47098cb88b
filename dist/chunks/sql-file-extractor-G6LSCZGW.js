import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  extractSqlFile,
  sqlRevisionId
} from "./chunk-ANL54TAG.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-4COWPLQP.js";
import "./chunk-CO73GOZP.js";
export {
  extractSqlFile,
  sqlRevisionId
};
