import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
} from "./chunk-MOSQXSML.js";
import "./chunk-CAU3EMFA.js";
import "./chunk-GDKKKNSU.js";
import "./chunk-6DMZTIBC.js";
import "./chunk-WKFIEVVF.js";
import "./chunk-GOWSBAGO.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-FOQMQZLO.js";
import "./chunk-4QRIUKKB.js";
export {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
};
