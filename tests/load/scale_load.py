"""Bounded load client for the scale benchmark: N concurrent clients on loopback, each with its own keep-alive
connection, for a fixed number of requests; prints p50/p95/p99 in milliseconds.

    python3 scale_load.py feeds BASE TOKENS_FILE CONCURRENCY REQUESTS
    python3 scale_load.py pages BASE PICKUP_DIR DIRECTOR_EMAIL CONCURRENCY REQUESTS
"""

import email
import email.policy
import glob
import http.client
import os
import re
import sys
import threading
import time
import urllib.parse


def connect(base):
    url = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(url.hostname, url.port, timeout=60)


def request(conn, method, path, headers=None, body=None):
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    return response, data


def cookies_of(response, jar):
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            jar[name] = rest.split(";", 1)[0]


def cookie_header(jar):
    return "; ".join(f"{k}={v}" for k, v in jar.items() if v)


def token_of(html):
    return re.search(rb'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1).decode()


def sign_in(base, pickup, address):
    """Signs in the way a person does: asks for a link, reads it from the pickup folder, confirms it."""
    conn = connect(base)
    jar = {}
    response, page = request(conn, "GET", "/aanmelden")
    cookies_of(response, jar)
    before = set(glob.glob(os.path.join(pickup, "*.eml")))
    body = urllib.parse.urlencode({"Email": address, "__RequestVerificationToken": token_of(page)})
    response, _ = request(conn, "POST", "/aanmelden", {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header(jar)}, body)
    for _ in range(600):
        new = set(glob.glob(os.path.join(pickup, "*.eml"))) - before
        mails = [m for m in new if address in open(m, encoding="utf-8", errors="replace").read()]
        if mails:
            break
        time.sleep(0.1)
    else:
        sys.exit(f"no sign-in mail for {address} in {pickup}")
    message = email.message_from_binary_file(open(mails[0], "rb"), policy=email.policy.default)
    text = message.get_body(preferencelist=("plain",)).get_content()
    link = urllib.parse.urlsplit(re.search(r"https?://\S+", text).group(0))
    path = link.path + "?" + link.query
    response, confirm = request(conn, "GET", path, {"Cookie": cookie_header(jar)})
    cookies_of(response, jar)
    t = re.search(rb'name="t" value="([^"]+)"', confirm).group(1).decode()
    body = urllib.parse.urlencode({"t": t, "__RequestVerificationToken": token_of(confirm)})
    response, _ = request(conn, "POST", path, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header(jar)}, body)
    cookies_of(response, jar)
    if "timing-session" not in jar:
        sys.exit(f"sign-in failed: {response.status}")
    return cookie_header(jar)


def run(base, paths, concurrency, total, headers):
    durations = []
    lock = threading.Lock()
    counter = iter(range(total))

    def client():
        conn = connect(base)
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            start = time.perf_counter()
            response, _ = request(conn, "GET", paths[i % len(paths)], headers)
            elapsed = (time.perf_counter() - start) * 1000
            if response.status != 200:
                sys.exit(f"{paths[i % len(paths)]} answered {response.status}")
            with lock:
                durations.append(elapsed)

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    durations.sort()
    pick = lambda q: durations[min(len(durations) - 1, int(q * len(durations)))]
    print(f"requests={len(durations)} concurrency={concurrency} rps={len(durations) / wall:.0f} p50={pick(0.50):.1f}ms p95={pick(0.95):.1f}ms p99={pick(0.99):.1f}ms")


if __name__ == "__main__":
    mode, base = sys.argv[1], sys.argv[2]
    if mode == "feeds":
        tokens = [line.strip() for line in open(sys.argv[3]) if line.strip()]
        run(base, [f"/feeds/p/{t}.ics" for t in tokens], int(sys.argv[4]), int(sys.argv[5]), {"Accept-Encoding": "gzip"})
    else:
        cookie = sign_in(base, sys.argv[3], sys.argv[4])
        # The director's daily pages: the overview, a followed municipality, the people and the feed page.
        conn = connect(base)
        _, overview = request(conn, "GET", "/", {"Cookie": cookie})
        codes = sorted(set(re.findall(rb'href="/gemeenten/(GM\d{4})"', overview)))
        paths = ["/", "/mensen", "/mijn-feed"] + [f"/gemeenten/{c.decode()}" for c in codes[:3]]
        run(base, paths, int(sys.argv[5]), int(sys.argv[6]), {"Cookie": cookie})
