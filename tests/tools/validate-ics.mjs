// Checks an iCalendar file with ical.js (Mozilla's parser, independent of Timing's).
// Usage: node validate-ics.mjs FILE [gzip|br] — prints a JSON summary, or the problem and exit code 1.
// With a content coding, FILE is a response body as sent over HTTP and is decoded first with node:zlib.
import { readFileSync } from "node:fs";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import ICAL from "ical.js";

const raw = readFileSync(process.argv[2]);
const coding = process.argv[3];
const text = (coding === "gzip" ? gunzipSync(raw) : coding === "br" ? brotliDecompressSync(raw) : raw).toString("utf8");
try {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    if (!event.uid || !event.startDate || !event.endDate) {
      throw new Error(`event without UID, DTSTART or DTEND: ${event.summary}`);
    }
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      sequence: event.sequence,
      description: event.description ?? "",
    };
  });
  console.log(JSON.stringify({ name: calendar.getFirstPropertyValue("x-wr-calname"), events }));
} catch (error) {
  console.error(`ical.js rejected the file: ${error.message}`);
  process.exit(1);
}
