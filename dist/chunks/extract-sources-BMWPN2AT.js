import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
} from "./chunk-GEDH7TUH.js";
import "./chunk-QCV33RUJ.js";
import "./chunk-GDKKKNSU.js";
import "./chunk-7XVXTHNX.js";
import "./chunk-CKSV6XE2.js";
import "./chunk-USCY5W5C.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-ZIV56SFR.js";
import "./chunk-4QRIUKKB.js";
export {
  FileExtractor,
  MAX_OPERATIONS_PER_FILE,
  extractSources,
  isParserCrash,
  projectModules
};
