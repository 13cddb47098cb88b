import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
} from "./chunk-HI5HPOGJ.js";
import "./chunk-YPBCA33C.js";
import "./chunk-X6VOD3YV.js";
import "./chunk-MZ3HG5SK.js";
import "./chunk-EG5ZEDIP.js";
import "./chunk-ANL54TAG.js";
import "./chunk-Y5M7ERLU.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-4COWPLQP.js";
import "./chunk-CO73GOZP.js";
export {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
};
