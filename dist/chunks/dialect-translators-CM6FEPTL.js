import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-POOAMAQL.js";
import "./chunk-WKFIEVVF.js";
import "./chunk-5IVLJQTF.js";
export {
  sqlTranslatorProvider
};
