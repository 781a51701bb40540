// Keyboard shortcuts for the console (by physical key, so Alt+D works on every layout).
import { useEffect, useRef } from 'react';

function comboOf(e: KeyboardEvent): string {
  let key = e.code;
  if (key.startsWith('Key')) key = key.slice(3);
  else if (key.startsWith('Digit')) key = key.slice(5);
  else if (key === 'NumpadEnter') key = 'enter';
  const parts = [];
  if (e.ctrlKey || e.metaKey) parts.push('ctrl');
  if (e.altKey) parts.push('alt');
  if (e.shiftKey) parts.push('shift');
  parts.push(key.toLowerCase());
  return parts.join('+');
}

export function useShortcuts(enabled: boolean, map: Record<string, () => unknown>) {
  const ref = useRef(map);
  ref.current = map;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const fn = ref.current[comboOf(e)];
      if (fn) {
        e.preventDefault();
        e.stopPropagation();
        fn();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}

export function Kbd({ k, light }: { k: string; light?: boolean }) {
  return (
    <kbd
      style={{
        fontSize: 11, padding: '0 4px', borderRadius: 3, marginLeft: 4, fontFamily: 'ui-monospace, monospace',
        border: `1px solid ${light ? 'rgba(255,255,255,.6)' : '#d9d9d9'}`, opacity: 0.85,
      }}
    >
      {k}
    </kbd>
  );
}
