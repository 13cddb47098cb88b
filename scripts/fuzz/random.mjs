// Seeded randomness for the fuzz suite: the same seed gives the same cases on every machine.

/** mulberry32: small, fast, and good enough to pick test inputs. */
export function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  return {
    next,
    int,
    pick,
    chance: (p) => next() < p,
    /** A size from `min` to `max`, most often small: a log-uniform draw. */
    size: (min, max) => Math.floor(Math.exp(Math.log(min) + next() * (Math.log(max + 1) - Math.log(min)))),
    /** `count` items built by `make(index)`. */
    times: (count, make) => Array.from({ length: count }, (_, index) => make(index)),
    word: () => pick(WORDS) + (next() < 0.3 ? `_${int(0, 99)}` : ""),
  };
}

const WORDS = [
  "users",
  "accounts",
  "orders",
  "items",
  "events",
  "status",
  "email",
  "name",
  "created_at",
  "amount",
  "tenant_id",
  "flags",
  "notes",
  "price",
  "sku",
];
