import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  extractSqlFile,
  sqlRevisionId
} from "./chunk-7Z7DQKN7.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-6UTSYPQG.js";
export {
  extractSqlFile,
  sqlRevisionId
};
