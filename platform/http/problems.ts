/** Sending RFC 9457 problems (application/problem+json) built with the shared problem(). */
import type { FastifyReply } from 'fastify';
import { problem, PROBLEM_CONTENT_TYPE, type Problem, type ProblemCode } from '../../shared/contract';

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  // Sent as a string: fastify only serialises objects itself for JSON content types.
  return reply.code(p.status).type(`${PROBLEM_CONTENT_TYPE}; charset=utf-8`).send(JSON.stringify(p));
}

export function fail(reply: FastifyReply, status: number, code: ProblemCode, title: string, extra: Partial<Problem> = {}): FastifyReply {
  return sendProblem(reply, problem(status, code, title, extra));
}
