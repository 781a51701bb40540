// Ticket API calls (types from the shared contract).
import type { z } from 'zod';
import type {
  CreateTicketBody, CreateTicketResponse, ListTicketsQuery, RateBody, TicketDetail, TicketSummary, TrackResponse,
  TransitionBody,
} from '../contract.ts';
import { api, type Query } from './client.ts';

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type CreateTicketInput = z.input<typeof CreateTicketBody>;
export type CreateTicketResult = z.infer<typeof CreateTicketResponse>;
export type RateInput = z.input<typeof RateBody>;
export type TicketQuery = Partial<Omit<ListTicketsQuery, 'page' | 'pageSize'>> & { page?: number; pageSize?: number };

export interface Attachment {
  id: string;
  name: string;
  mime: string;
  size: number;
}

export interface BoardItem {
  id: string;
  number: string;
  title: string;
  status: string;
  categoryCode: string | null;
  categoryName: string | null;
  divisionName: string | null;
  receivedAt: string;
  closedAt: string | null;
  replyExcerpt: string | null;
}

export const ticketsApi = {
  list: (q: TicketQuery) => api.get<Paged<TicketSummary>>('/api/v1/tickets', q as Query),
  get: (id: string) => api.get<TicketDetail>(`/api/v1/tickets/${encodeURIComponent(id)}`),
  create: (body: CreateTicketInput) => api.post<CreateTicketResult>('/api/v1/tickets', body),
  transition: (id: string, body: z.input<typeof TransitionBody>) => api.post<TicketDetail>(`/api/v1/tickets/${encodeURIComponent(id)}/transitions`, body),
  track: (number: string, phone: string) =>
    api.get<TrackResponse>(`/api/v1/track/${encodeURIComponent(number)}`, { phone }),
  rate: (number: string, body: RateInput) => api.post<unknown>(`/api/v1/track/${encodeURIComponent(number)}/rate`, body),
  board: (q: { divisionCode?: string; categoryCode?: string; status?: 'done' | 'open'; page?: number; pageSize?: number }) =>
    api.get<Paged<BoardItem>>('/api/v1/board', q),
  upload: (file: File) => {
    const fd = new FormData();
    fd.append('file', file, file.name);
    return api.post<Attachment>('/api/v1/attachments', fd);
  },
};

export const attachmentUrl = (id: string) => `/api/v1/attachments/${encodeURIComponent(id)}`;
