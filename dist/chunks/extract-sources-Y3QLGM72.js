import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
} from "./chunk-2OK62RYY.js";
import "./chunk-CAU3EMFA.js";
import "./chunk-GDKKKNSU.js";
import "./chunk-IYLMXXJA.js";
import "./chunk-2K2FGMU2.js";
import "./chunk-QOV27T73.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-X36UFAKY.js";
import "./chunk-4QRIUKKB.js";
export {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
};
