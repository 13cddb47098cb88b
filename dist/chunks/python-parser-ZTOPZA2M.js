import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  PythonParser,
  loadPythonParser
} from "./chunk-D4HE7DNW.js";
export {
  PythonParser,
  loadPythonParser
};
