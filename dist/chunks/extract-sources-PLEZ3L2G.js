import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
} from "./chunk-G5EORSV2.js";
import "./chunk-CAU3EMFA.js";
import "./chunk-GDKKKNSU.js";
import "./chunk-4VMV7DAY.js";
import "./chunk-WKFIEVVF.js";
import "./chunk-7PC5H7ML.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-WDUFLLU2.js";
import "./chunk-4QRIUKKB.js";
export {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
};
