import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
} from "./chunk-2MTH3VEE.js";
import "./chunk-YPBCA33C.js";
import "./chunk-X6VOD3YV.js";
import "./chunk-TA54E7XG.js";
import "./chunk-EG5ZEDIP.js";
import "./chunk-5SRWEA3N.js";
import "./chunk-Y5M7ERLU.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-422L6CHM.js";
import "./chunk-CO73GOZP.js";
export {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
};
