"""A real SMTP server (aiosmtpd) that answers by the recipient's local part, for the delivery and connection tests and the dispatch benchmark.

    python3 scripted_smtp.py HOST PORT MAILDIR [MAX_CONNECTIONS [ANSWER_DELAY_MS]]

refused@...  RCPT TO is refused: 550 5.1.1 (the recipient does not exist)
busy@...     the message is answered 451 4.3.2 (try again later)
spam@...     the message is answered 554 5.7.1 (refused for good)
slow@...     RCPT TO is never answered (the client times out before the message)
drop@...     the connection is cut after the whole message arrived, without an answer
anyone else  the message is stored in MAILDIR, as the plain Maildir handler does

Every login is refused (535), so a client that logs in meets a refused login.
With MAX_CONNECTIONS (0: no limit), a connection beyond that many open at once is greeted with 421 and closed.
With ANSWER_DELAY_MS, every message is answered that much later, as a server far away or under load would.
"""

import asyncio
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import SMTP, AuthResult


def local_part(address):
    return address.split("@", 1)[0].lower()


class Scripted(Mailbox):
    answer_delay = 0.0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        who = local_part(address)
        if who == "refused":
            return f"550 5.1.1 <{address}>: no such mailbox here"
        if who == "slow":
            await asyncio.sleep(3600)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        who = {local_part(r) for r in envelope.rcpt_tos}
        if "busy" in who:
            return "451 4.3.2 Mailbox busy, try again later"
        if "spam" in who:
            return "554 5.7.1 Message refused: it looks like spam"
        if "drop" in who:
            server.transport.abort()
            await asyncio.sleep(3600)
        await asyncio.sleep(Scripted.answer_delay)
        return await super().handle_DATA(server, session, envelope)


class Limited(SMTP):
    """An SMTP session that turns a connection away when too many are open."""

    open_now = 0
    limit = None

    def connection_made(self, transport):
        self.turned_away = Limited.limit is not None and Limited.open_now >= Limited.limit
        if self.turned_away:
            transport.write(b"421 4.7.0 Too many connections from your host, try again later\r\n")
            transport.close()
            return
        Limited.open_now += 1
        super().connection_made(transport)

    def connection_lost(self, error):
        if self.turned_away:
            return
        Limited.open_now -= 1
        super().connection_lost(error)


class LimitedController(Controller):
    def factory(self):
        return Limited(self.handler, **self.SMTP_kwargs)


def refuse_every_login(server, session, envelope, mechanism, auth_data):
    return AuthResult(success=False, handled=False)


def main():
    host, port, maildir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if len(sys.argv) > 4 and int(sys.argv[4]) > 0:
        Limited.limit = int(sys.argv[4])
    if len(sys.argv) > 5:
        Scripted.answer_delay = int(sys.argv[5]) / 1000
    controller = LimitedController(Scripted(maildir), hostname=host, port=port,
                            auth_require_tls=False, authenticator=refuse_every_login)
    controller.start()
    threading.Event().wait()


if __name__ == "__main__":
    main()
