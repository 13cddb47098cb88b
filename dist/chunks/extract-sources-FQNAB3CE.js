import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
} from "./chunk-TDY37SPE.js";
import "./chunk-QCV33RUJ.js";
import "./chunk-4QRIUKKB.js";
import "./chunk-ZSFL57IA.js";
import "./chunk-EG5ZEDIP.js";
import "./chunk-APV7CSOT.js";
import "./chunk-GDKKKNSU.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-RN6JMZ7T.js";
import "./chunk-CO73GOZP.js";
export {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
};
