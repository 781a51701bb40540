// Unit workbench (/workbench): inbox and ticket pages for unit handlers and leaders.
import { Route, Routes } from 'react-router';
import { InboxPage } from './InboxPage.tsx';
import { TicketPage } from './TicketPage.tsx';

export default function WorkbenchArea() {
  return (
    <Routes>
      <Route index element={<InboxPage />} />
      <Route path="t/:id" element={<TicketPage />} />
      <Route path="*" element={<InboxPage />} />
    </Routes>
  );
}
