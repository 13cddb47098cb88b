import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
} from "./chunk-KWKLB4WB.js";
import "./chunk-QCV33RUJ.js";
import "./chunk-GDKKKNSU.js";
import "./chunk-7RBRETO7.js";
import "./chunk-EG5ZEDIP.js";
import "./chunk-2APQ2CEJ.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-A6PVFRXN.js";
import "./chunk-4QRIUKKB.js";
export {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
};
