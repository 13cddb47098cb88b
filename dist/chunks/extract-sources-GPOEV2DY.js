import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
} from "./chunk-VNURRJ2Z.js";
import "./chunk-CAU3EMFA.js";
import "./chunk-GDKKKNSU.js";
import "./chunk-POOAMAQL.js";
import "./chunk-WKFIEVVF.js";
import "./chunk-MPCFPPQY.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-5IVLJQTF.js";
import "./chunk-4QRIUKKB.js";
export {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
};
