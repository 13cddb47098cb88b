import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  extractSqlFile,
  sqlRevisionId
} from "./chunk-QOV27T73.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-X36UFAKY.js";
export {
  extractSqlFile,
  sqlRevisionId
};
