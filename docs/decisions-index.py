#!/usr/bin/env python3
"""Prepends an index (topic, section, status, date) to docs/decisions.md, dates from git blame."""
import re, subprocess, sys
path = "docs/decisions.md"
text = open(path).read()
start = "<!-- index: generated from the entries below -->"
end = "<!-- end of index -->"
if start in text:
    text = text[:text.index(start)] + text[text.index(end) + len(end):].lstrip("\n")
    open(path, "w").write(text)
blame = subprocess.run(["git", "blame", "--line-porcelain", path], capture_output=True, text=True, check=True).stdout
dates = []
cur = None
for line in blame.split("\n"):
    if line.startswith("author-time "):
        cur = int(line.split()[1])
    elif line.startswith("\t"):
        dates.append(cur)
import datetime
lines = text.split("\n")
rows = []
section = ""
for i, l in enumerate(lines):
    if l.startswith("## "):
        section = l[3:].strip()
    m = re.match(r"- \*\*(.+?)\*\*", l)
    if m:
        topic = m.group(1).rstrip(".").strip()
        # the bullet's text: this line and its indented continuation
        body = [l]
        j = i + 1
        while j < len(lines) and lines[j].startswith("  "):
            body.append(lines[j]); j += 1
        b = " ".join(body).lower()
        if re.search(r"\*\*\s*(tried|rejected)\b", b) or "status: tried and rejected" in b:
            status = "tried and rejected"
        elif re.search(r"\bwas tried\b|\btried and\b", b):
            status = "kept (an alternative tried and rejected)"
        else:
            status = "kept"
        d = datetime.datetime.utcfromtimestamp(dates[i]).strftime("%Y-%m-%d") if i < len(dates) and dates[i] else "uncommitted"
        rows.append((topic, section, status, d))
out = [start, "", "## Index", "", "| topic | section | status | date |", "|---|---|---|---|"]
for t, s, st, d in rows:
    out.append(f"| {t} | {s} | {st} | {d} |")
out += ["", "Status: *kept* is in force; *tried and rejected* records an approach that was measured or tried",
        "and not adopted, and why. Dates are those of the commit that last changed the entry's first line.",
        "Regenerate with `docs/decisions-index.py` after adding an entry.", end, ""]
# insert after the intro paragraph (before the first '## ')
k = text.index("\n## ")
text = text[:k + 1] + "\n".join(out) + "\n" + text[k + 1:]
open(path, "w").write(text)
print(len(rows), "entries;", sum(1 for r in rows if r[2] != "kept"), "tried and rejected")
