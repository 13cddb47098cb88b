import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
} from "./chunk-KKX2VGKM.js";
import "./chunk-CAU3EMFA.js";
import "./chunk-GDKKKNSU.js";
import "./chunk-XKTBM2PP.js";
import "./chunk-2K2FGMU2.js";
import "./chunk-64TIRNUT.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-YGL7NF3V.js";
import "./chunk-4QRIUKKB.js";
export {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
};
