import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  changesSince,
  modifiedSince,
  textAtBase
} from "./chunk-IHDDHNLB.js";
import "./chunk-CP24XCG7.js";
import "./chunk-CO73GOZP.js";
export {
  changesSince,
  modifiedSince,
  textAtBase
};
