import { useEffect, useState } from "react";

/**
 * `value` once it has stayed the same (by its JSON) for `delayMs`, so a query follows typing after
 * a short pause instead of at each key press. The first value is taken at once.
 */
export function useDebouncedValue<T>(value: T, delayMs: number): { value: T; settling: boolean } {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState<{ key: string; value: T }>({ key, value });
  useEffect(() => {
    const timer = setTimeout(
      () => setSettled((previous) => (previous.key === key ? previous : { key, value: JSON.parse(key) as T })),
      delayMs,
    );
    return () => clearTimeout(timer);
  }, [key, delayMs]);
  return { value: settled.value, settling: settled.key !== key };
}
