// A real SMTP server in the test process (nodemailer's smtp-server from npm) that Postern sends its mail to,
// so tests read links and codes from delivered messages rather than from logs. Plain SMTP on 127.0.0.1:
// pass mailbox.env to startPostern (POSTERN_SMTP_SECURITY=none).
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

/** Starts a mailbox on a free port. Resolves to {env, messages, waitFor, latest, close}. */
export async function startMailbox() {
  const messages = [];
  const waiters = new Set();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const message = {
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom?.address,
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
          };
          messages.push(message);
          for (const wake of waiters) wake();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", ok);
  });
  const port = server.server.address().port;

  /**
   * The first message to `address` received after message number `since` (a messages.length taken before
   * the request) that satisfies `accept`; waits up to `timeoutMs`.
   */
  async function waitFor(address, { since = 0, accept = () => true, timeoutMs = 10_000 } = {}) {
    const wanted = address.toLowerCase();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.slice(since).find((m) => m.to.includes(wanted) && accept(m));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no mail to ${address} within ${timeoutMs} ms (received: ${messages.length})`);
      await new Promise((resolve) => {
        const wake = () => {
          waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, 250));
        waiters.add(wake);
      });
    }
  }

  return {
    env: {
      POSTERN_SMTP_HOST: "127.0.0.1",
      POSTERN_SMTP_PORT: String(port),
      POSTERN_SMTP_SECURITY: "none",
      POSTERN_SMTP_FROM: "Postern <no-reply@postern.test>",
    },
    messages,
    waitFor,
    /** The first URL in `message`'s text that contains `path`. */
    link(message, path) {
      const found = message.text.match(new RegExp(`https?://\\S*${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\S*`));
      if (!found) throw new Error(`no ${path} link in mail "${message.subject}":\n${message.text}`);
      return found[0];
    },
    /** The first run of `digits` digits in the message text (an OTP). */
    code(message, digits = 6) {
      const found = message.text.match(new RegExp(`\\b\\d{${digits}}\\b`));
      if (!found) throw new Error(`no ${digits}-digit code in mail "${message.subject}":\n${message.text}`);
      return found[0];
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
