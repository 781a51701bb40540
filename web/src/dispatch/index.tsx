// Dispatcher area (/dispatch).
import { DispatchPage } from './DispatchPage.tsx';

export default function DispatchArea() {
  return <DispatchPage />;
}
