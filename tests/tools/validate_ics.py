#!/usr/bin/python3
"""Checks an iCalendar file with Debian's python3-icalendar, an implementation independent of Timing's.

Usage: validate_ics.py FILE [gzip|br]
With a content coding, FILE is a response body as sent over HTTP and is decoded first (gzip, brotli).
Prints a JSON summary on success; prints the problem and exits 1 otherwise.
"""
import json
import sys

import icalendar


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def decode(data, coding):
    if coding == "gzip":
        import gzip
        return gzip.decompress(data)
    if coding == "br":
        import brotli
        return brotli.decompress(data)
    return data


def main(path, coding=None):
    data = decode(open(path, "rb").read(), coding)
    if data.startswith(b"\xef\xbb\xbf"):
        fail("file starts with a byte-order mark")
    if not data.endswith(b"\r\n"):
        fail("file does not end with CRLF")
    for number, line in enumerate(data.split(b"\r\n"), start=1):
        if b"\n" in line or b"\r" in line:
            fail(f"line {number}: bare LF or CR")
        if len(line) > 75:
            fail(f"line {number}: {len(line)} octets, more than 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            fail(f"line {number}: folding split a UTF-8 character ({error})")
    calendar = icalendar.Calendar.from_ical(data.decode("utf-8"))
    if calendar.errors:
        fail(f"calendar errors: {calendar.errors}")
    events = []
    for component in calendar.walk("VEVENT"):
        if component.errors:
            fail(f"event errors: {component.errors}")
        for required in ("UID", "DTSTART", "DTEND", "DTSTAMP", "SUMMARY"):
            if required not in component:
                fail(f"event without {required}")
        events.append({
            "uid": str(component["UID"]),
            "summary": str(component["SUMMARY"]),
            "start": component.decoded("DTSTART").isoformat(),
            "end": component.decoded("DTEND").isoformat(),
            "sequence": int(component.get("SEQUENCE", 0)),
            "description": str(component.get("DESCRIPTION", "")),
        })
    print(json.dumps({"name": str(calendar.get("X-WR-CALNAME", "")), "events": events}, ensure_ascii=False))


if __name__ == "__main__":
    main(*sys.argv[1:3])
