import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
} from "./chunk-KFHNP5W6.js";
import "./chunk-QCV33RUJ.js";
import "./chunk-GDKKKNSU.js";
import "./chunk-JOW3F5KX.js";
import "./chunk-ILBVUVET.js";
import "./chunk-JQCXQ2KD.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-USU5H3WH.js";
import "./chunk-4QRIUKKB.js";
export {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
};
