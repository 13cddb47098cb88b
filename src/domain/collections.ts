/** `value` added to the list under `key`, the list made on first use. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  listAt(map, key).push(value);
}

/** The list under `key`, made empty on first use. */
export function listAt<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  return list;
}
