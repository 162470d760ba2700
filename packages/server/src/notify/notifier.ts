import type { FastifyBaseLogger } from 'fastify';

/**
 * How Bedring tells people outside the app that something needs them: the person's "I need help now"
 * to their care team (and, when nobody takes it in time, to the unit leader and the duty contact),
 * and the person's own reminder to check in. E-mail or SMS is an operator's choice (a gateway, an agreement, a data
 * processor), so it sits behind this interface; the default only logs that a notice went out — never
 * who it is about or what it says, because logs are not for health data.
 */
export type Notice =
  | {
      kind: 'help-requested';
      /** Accounts to tell. */
      to: readonly string[];
      /** The signal behind the notice: the receiver opens it in Bedring, where access is checked. */
      signalId: string;
    }
  | {
      /**
       * A help request nobody took in time: to the unit leaders and the duty contacts
       * (docs/decisions/0015-help-requests.md).
       */
      kind: 'help-escalated';
      to: readonly string[];
      signalId: string;
    }
  | {
      /** "Time for today's check-in", at the time the person chose. */
      kind: 'checkin-reminder';
      to: readonly string[];
    };

export interface Notifier {
  send(notice: Notice): Promise<void>;
}

export function loggingNotifier(log: FastifyBaseLogger): Notifier {
  return {
    async send(notice) {
      log.info({ notice: { kind: notice.kind, recipients: notice.to.length } }, 'notice sent (log only)');
    },
  };
}
