import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  loadPythonParser
} from "./chunk-O5HXQWQE.js";
export {
  loadPythonParser
};
