// Shared vocabularies: server, web and CLI all import these.
import { z } from 'zod';

export const CHANNELS = ['hotline', 'web', 'h5', 'grid', 'mailbox', 'meeting', 'transfer110', 'open311', 'import'] as const;
export const REQUEST_TYPES = ['consult', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
export const URGENCIES = ['emergency', 'utility', 'general', 'complex'] as const;
export const STATUSES = ['received', 'dispatched', 'signed', 'handling', 'replied', 'callback', 'returned', 'merged', 'closed'] as const;
export const ROLES = ['citizen', 'agent', 'dispatcher', 'handler', 'leader', 'grid', 'supervisor', 'admin'] as const;
export const SATISFACTION = ['satisfied', 'basic', 'unsatisfied'] as const;
/** The emergency services a request can belong to: 110 police, 119 fire and rescue, 120 ambulance. */
export const EMERGENCY_SERVICES = ['110', '119', '120'] as const;
export const ACTIONS = [
  'receive', 'direct_answer', 'out_of_scope', 'transfer', 'dispatch', 'sign', 'progress', 'pass_down',
  'reply', 'return', 'redispatch', 'extension_request', 'extension_approve', 'extension_deny',
  'supervise', 'summon', 'merge', 'callback', 'reopen', 'close', 'exclude', 'note', 'auto_dispatch',
  'remind', 'overdue',
] as const;

export const Channel = z.enum(CHANNELS);
export const RequestType = z.enum(REQUEST_TYPES);
export const Urgency = z.enum(URGENCIES);
export const Status = z.enum(STATUSES);
export const Role = z.enum(ROLES);
export const Satisfaction = z.enum(SATISFACTION);
export const EmergencyService = z.enum(EMERGENCY_SERVICES);
export type Channel = z.infer<typeof Channel>;
export type RequestType = z.infer<typeof RequestType>;
export type Urgency = z.infer<typeof Urgency>;
export type Status = z.infer<typeof Status>;
export type Role = z.infer<typeof Role>;
export type Satisfaction = z.infer<typeof Satisfaction>;
export type EmergencyService = z.infer<typeof EmergencyService>;
export type Action = (typeof ACTIONS)[number];

export const LABELS = {
  channel: {
    hotline: ['12345热线', 'Hotline'], web: ['网站', 'Web'], h5: ['移动端', 'Mobile H5'], grid: ['网格上报', 'Grid worker'],
    mailbox: ['信箱', 'Mailbox'], meeting: ['会议交办', 'Meeting'], transfer110: ['110转办', '110 transfer'],
    open311: ['Open311', 'Open311'], import: ['历史导入', 'Imported'],
  },
  requestType: {
    consult: ['咨询', 'Consultation'], help: ['求助', 'Help'], complaint: ['投诉', 'Complaint'],
    report: ['举报', 'Tip-off'], suggestion: ['建议', 'Suggestion'], praise: ['表扬', 'Praise'],
  },
  urgency: {
    emergency: ['紧急', 'Emergency'], utility: ['水电气热', 'Utilities / extreme weather'],
    general: ['一般', 'General'], complex: ['复杂', 'Complex'],
  },
  status: {
    received: ['已受理', 'Received'], dispatched: ['已派单', 'Dispatched'], signed: ['已签收', 'Signed for'],
    handling: ['办理中', 'Handling'], replied: ['已答复', 'Replied'], callback: ['已回访', 'Called back'],
    returned: ['已退单', 'Returned'], merged: ['已并案', 'Merged'], closed: ['已办结', 'Closed'],
  },
} as const;

/** Shared with the web app (which deadline a ticket page labels). Statuses at which the ticket is with a unit, and which deadline the light follows. */
export function currentStage(status: Status): 'dispatch' | 'sign' | 'reply' | 'callback' | null {
  switch (status) {
    case 'received':
    case 'returned':
      return 'dispatch';
    case 'dispatched':
      return 'sign';
    case 'signed':
    case 'handling':
      return 'reply';
    case 'replied':
      return 'callback';
    default:
      return null;
  }
}
