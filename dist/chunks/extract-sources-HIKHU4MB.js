import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
} from "./chunk-T6JWZTRV.js";
import "./chunk-QCV33RUJ.js";
import "./chunk-GDKKKNSU.js";
import "./chunk-MXHSX2Q2.js";
import "./chunk-CKSV6XE2.js";
import "./chunk-RXPGRKOE.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-7J57E3W3.js";
import "./chunk-4QRIUKKB.js";
export {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
};
