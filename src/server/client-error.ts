// Requests Node's HTTP parser refuses before Fastify sees them (a raw "路灯" in the URL instead of
// %E8%B7%AF%E7%81%AF, headers too large, a request that never finished) get the one error format
// too, with a zh/en message, instead of Fastify's bare {"message":"Client Error"}.
import http from 'node:http';
import type { Socket } from 'node:net';
import { errorBody } from '../shared/errors.ts';

export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  // a reset connection has nobody left to answer
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'the request was not completed in time']
    : err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'the request headers are too large']
    : err.code === 'HPE_INVALID_URL' || err.code === 'HPE_INVALID_CHARACTER' ? [400, 'the URL holds characters that must be percent-encoded (encodeURIComponent)']
    : [400, 'the request is not valid HTTP'];
  const body = JSON.stringify(errorBody('validation', detail));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}
