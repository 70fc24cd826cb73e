// Controlled-or-internal state and the table's own live region, shared by every feature.
import { functionalUpdate, type Updater } from '@tanstack/react-table';
import { useCallback, useEffect, useRef, useState } from 'react';

/** Keeps state inside the component unless the app controls it (value + callback). */
export function useControllable<T>(
  controlled: T | undefined,
  initial: T,
  onChange: ((value: T) => void) | undefined,
): [T, (updater: Updater<T>) => T] {
  const [inner, setInner] = useState<T>(initial);
  const value = controlled === undefined ? inner : controlled;
  const valueRef = useRef(value);
  valueRef.current = value;
  const set = useCallback(
    (updater: Updater<T>) => {
      const next = functionalUpdate(updater, valueRef.current);
      valueRef.current = next;
      setInner(next);
      onChange?.(next);
      return next;
    },
    [onChange],
  );
  return [value, set];
}

/** A polite live region owned by the table; it exists before any message, so none is lost. */
export function useLiveMessage(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const frame = useRef(0);
  const announce = useCallback((next: string) => {
    // Clear, then set on the next frame: a repeated message is announced again.
    setMessage('');
    if (typeof requestAnimationFrame === 'function') {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => setMessage(next));
    } else setMessage(next);
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  return [message, announce];
}
