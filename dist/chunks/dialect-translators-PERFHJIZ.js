import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  sqlTranslatorProvider
} from "./chunk-JOW3F5KX.js";
import "./chunk-ILBVUVET.js";
import "./chunk-USU5H3WH.js";
export {
  sqlTranslatorProvider
};
