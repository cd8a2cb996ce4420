/**
 * A pure function of a string key, remembered: names, cells and labels repeat, and the work behind
 * them (a phonetic code, an h3-js WebAssembly call, a Unicode decomposition) need not be done again.
 * At most `limit` answers are kept; when full the memory is dropped whole, which costs nothing to
 * keep track of and suits these uses, where the same few thousand keys come back.
 */
export function boundedMemo<T>(make: (key: string) => T, limit: number): (key: string) => T {
  const memory = new Map<string, T>()
  return (key) => {
    let value = memory.get(key)
    if (value === undefined) {
      value = make(key)
      if (memory.size >= limit) memory.clear()
      memory.set(key, value)
    }
    return value
  }
}
