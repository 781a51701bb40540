// Hotline agent console area (/console).
import { ConsolePage } from './ConsolePage.tsx';

export default function ConsoleArea() {
  return <ConsolePage />;
}
