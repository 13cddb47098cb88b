import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
} from "./chunk-4TZPVYHI.js";
import "./chunk-QCV33RUJ.js";
import "./chunk-GDKKKNSU.js";
import "./chunk-QFFM3SVI.js";
import "./chunk-EG5ZEDIP.js";
import "./chunk-LWTTCP4Q.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-SCCHQXSH.js";
import "./chunk-4QRIUKKB.js";
export {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
};
