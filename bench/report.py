#!/usr/bin/env python3
"""Helper of bench/run.sh: checksums, verification, timing of service drops, the table.

Every fact the benchmark gathers is one JSON object per line in a results file
(`--results`), appended by the subcommands below; `table` turns that file into the
Markdown report. Python 3 stdlib only.

    report.py sums     --dir D --out F              sha256 and size of every file in D
    report.py record   --results R --workload W --tool T --run N [--warmup]
                       --seconds S --rc RC [--timefile F | --rss-kib K]
                       --sums F --dir D             verify D against F, append one run
    report.py fact     --results R KIND [key=value ...]  append any other fact
    report.py dropwait --src TMP --dst LIST --summary S [--timeout 900] [--pid P]
                       rename TMP to LIST, print seconds until S exists (10 ms polls)
    report.py waitlog  --log F --pattern TEXT --since T [--pid P] [--timeout 60]
                       print seconds from T (epoch) until a line of F holds TEXT (10 ms polls)
    report.py m3list   --base URL --distinct D --list F --sums F --expect F
                       the M3 list (10 x D lines), its expected files and outcome counts
    report.py mrecord  --results R --row M1 --run N --seconds S --rc RC [--expect-rc 0]
                       [--timefile F | --rss-kib K] [--sums F --dir D] [--summary S --jsonl J
                       --expect F] [--problem TEXT]    verify one run of the memory and
                       start-up section, append it
    report.py freeport                              print a free TCP port on 127.0.0.1
    report.py table    --results R --out F          print the Markdown table, write it to F
"""

import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import socket
import statistics
import sys
import time

OTHER_CPU_FLAG = 0.10  # a run during which others used more than this share of the CPU is flagged
TOOLS = ["fetchbox-service", "fetchbox-typed", "fetchbox-once", "curl", "aria2c", "wget2", "xargs-curl"]
FETCHBOX = {"fetchbox-service", "fetchbox-typed", "fetchbox-once"}
SERVICE_ROWS = {"fetchbox-service", "fetchbox-typed"}  # a running service: its first list is shown apart
M_ROWS = ["M1", "M2", "M3", "S1"]  # the memory and start-up section, in table order
OUTCOMES = ["downloaded", "not_modified", "skipped", "duplicate", "failed", "invalid"]
# M3's invalid lines, in turn: no http/https scheme, no host, not a URL at all
M3_INVALID = ["ftp://x/y", "http://", "not a url", "mailto:someone@example.org", "http:///no-host"]
M3_BODY = b"m3\n"  # what nginx's `location /m3/` returns for every M3 URL


def sha256_of(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while True:
            chunk = f.read(1 << 20)
            if not chunk:
                break
            h.update(chunk)
    return h.hexdigest()


def hash_all(paths):
    # hashlib releases the GIL on large buffers: two threads keep both cores busy on W2
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
        return list(ex.map(sha256_of, paths))


def append(results: str, obj: dict) -> None:
    with open(results, "a") as f:
        f.write(json.dumps(obj, sort_keys=True) + "\n")


# ---------------------------------------------------------------------------- subcommands


def cmd_sums(a) -> int:
    names = sorted(n for n in os.listdir(a.dir) if os.path.isfile(os.path.join(a.dir, n)))
    digests = hash_all([os.path.join(a.dir, n) for n in names])
    out = {n: {"sha256": d, "size": os.path.getsize(os.path.join(a.dir, n))}
           for n, d in zip(names, digests)}
    with open(a.out, "w") as f:
        json.dump(out, f)
    print(f"{len(out)} files, {sum(v['size'] for v in out.values())} bytes", file=sys.stderr)
    return 0


def peak_rss_kib(timefile: str):
    try:
        with open(timefile, errors="replace") as f:
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read())
        return int(m.group(1)) if m else None
    except OSError:
        return None


def verify(sums_file: str, folder: str):
    """(good, missing, wrong, examples) for the expected files in folder."""
    with open(sums_file) as f:
        expected = json.load(f)
    present, missing = [], []
    for name in sorted(expected):
        p = os.path.join(folder, name)
        (present if os.path.isfile(p) else missing).append(name)
    digests = hash_all([os.path.join(folder, n) for n in present])
    wrong = [n for n, d in zip(present, digests) if d != expected[n]["sha256"]]
    good = len(present) - len(wrong)
    examples = [f"missing {n}" for n in missing[:3]] + [f"wrong {n}" for n in wrong[:3]]
    return good, len(missing), len(wrong), len(expected), examples


def other_cpu(snap0, snap1, timefile):
    """(share of the machine, CPU-seconds) used during a run by anything but the tool (its
    `/usr/bin/time -v` user + system) and the benchmark's own servers: other sessions' builds and
    tests slow the run down. (None, None) without both snapshots."""
    if not (snap0 and snap1):
        return None, None
    hz = os.sysconf("SC_CLK_TCK")
    (b0, o0, _, t0), (b1, o1, self1, t1) = ([float(v) for v in x.split(",")] for x in (snap0, snap1))
    tool_cpu = time_cpu_seconds(timefile) if timefile else 0.0
    if tool_cpu is None or t1 <= t0:
        return None, None
    other_s = max(0.0, (b1 - b0 - (o1 - o0) - self1) / hz - tool_cpu)
    return other_s / ((t1 - t0) * os.cpu_count()), other_s


def cmd_record(a) -> int:
    good, missing, wrong, expected, examples = verify(a.sums, a.dir)
    rss = a.rss_kib if a.rss_kib is not None else (peak_rss_kib(a.timefile) if a.timefile else None)
    ok = missing == 0 and wrong == 0 and good == expected
    other, other_s = other_cpu(a.snap0, a.snap1, a.timefile)
    obj = {"kind": "run", "workload": a.workload, "tool": a.tool, "run": a.run,
           "warmup": a.warmup, "seconds": a.seconds, "rc": a.rc, "rss_kib": rss,
           "expected": expected, "good": good, "missing": missing, "wrong": wrong,
           "verified": ok, "detail": "; ".join(examples), "other_cpu": other,
           "other_cpu_seconds": other_s}
    append(a.results, obj)
    label = "warm-up" if a.warmup else f"run {a.run}"
    status = "ok" if ok else f"FAILED ({missing} missing, {wrong} wrong)"
    rss_s = f"{rss / 1024:.0f} MiB" if rss else "-"
    other_s = "-" if other is None else f"{100 * other:.0f}%"
    print(f"  {a.workload} {a.tool:<16} {label:<8} {a.seconds:8.3f} s  rc={a.rc}  rss={rss_s}  "
          f"other-cpu={other_s}  {status}", file=sys.stderr)
    return 0


def cmd_fact(a) -> int:
    obj = {"kind": a.kind}
    for kv in a.pairs:
        k, _, v = kv.partition("=")
        try:
            obj[k] = json.loads(v) if re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false|null", v) else v
        except ValueError:
            obj[k] = v
    append(a.results, obj)
    return 0


def alive(pid: int) -> bool:
    """The process exists and is not a zombie (bash reaps its children only later)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def cmd_dropwait(a) -> int:
    deadline = time.monotonic() + a.timeout
    t0 = time.monotonic()
    os.rename(a.src, a.dst)
    while not os.path.exists(a.summary):
        if time.monotonic() > deadline or (a.pid and not alive(a.pid)):
            why = f"timeout after {a.timeout} s" if a.pid is None or alive(a.pid) else f"pid {a.pid} exited"
            print(f"{why} waiting for {a.summary}", file=sys.stderr)
            print(f"{time.monotonic() - t0:.6f}")
            return 1
        time.sleep(0.01)
    print(f"{time.monotonic() - t0:.6f}")
    return 0


def cmd_waitlog(a) -> int:
    """Seconds from --since (an epoch time, bash's $EPOCHREALTIME just before the launch) until
    --log holds --pattern; exit 1 when --pid exits first or after --timeout."""
    pat = a.pattern.encode()
    deadline = time.monotonic() + a.timeout
    pos, tail = 0, b""
    while True:
        try:
            with open(a.log, "rb") as f:
                f.seek(pos)
                chunk = f.read()
        except OSError:
            chunk = b""
        if chunk:
            pos += len(chunk)
            tail += chunk
            if pat in tail:
                print(f"{time.time() - a.since:.6f}")
                return 0
            tail = tail[-len(pat):]  # a pattern cut in two by a read is still found
        if (a.pid and not alive(a.pid)) or time.monotonic() > deadline:
            if a.pid and not alive(a.pid):
                # one last read: the line may have come just before the exit
                try:
                    with open(a.log, "rb") as f:
                        f.seek(max(0, pos - len(pat)))
                        if pat in f.read():
                            print(f"{time.time() - a.since:.6f}")
                            return 0
                except OSError:
                    pass
                why = f"pid {a.pid} exited"
            else:
                why = f"timeout after {a.timeout} s"
            print(f"{why} before {a.log} held {a.pattern!r}", file=sys.stderr)
            print(f"{time.time() - a.since:.6f}")
            return 1
        time.sleep(0.01)


def cmd_m3list(a) -> int:
    """The M3 list: 10 lines per distinct URL, in blocks of 10 (a new URL, 7 duplicates of URLs
    already listed, 2 invalid lines), so every duplicate comes after its first line and all kinds
    are spread over the whole list. Deterministic. Also writes the files the batch must produce
    (a sums file as for the other rows) and the outcome counts its summary must have."""
    d = a.distinct
    with open(a.list, "w") as f:
        for b in range(d):
            lines = [f"{a.base}/u{b:06d}"]
            for p in range(1, 8):  # an earlier URL, or this block's own: already listed
                lines.append(f"{a.base}/u{(b * 7 + p * 104729) % (b + 1):06d}")
            for p in range(2):
                lines.append(M3_INVALID[(2 * b + p) % len(M3_INVALID)])
            f.write("\n".join(lines) + "\n")
    body = {"sha256": hashlib.sha256(M3_BODY).hexdigest(), "size": len(M3_BODY)}
    with open(a.sums, "w") as f:
        json.dump({f"u{b:06d}": body for b in range(d)}, f)
    expect = {"lines": 10 * d, "outcomes": {o: 0 for o in OUTCOMES}}
    expect["outcomes"].update(downloaded=d, duplicate=7 * d, invalid=2 * d)
    with open(a.expect, "w") as f:
        json.dump(expect, f)
    print(f"{10 * d} lines: {d} distinct URLs, {7 * d} duplicates, {2 * d} invalid", file=sys.stderr)
    return 0


def count_files(folder: str) -> int:
    n = 0
    for _, _, files in os.walk(folder):
        n += len(files)
    return n


def check_reports(summary: str, jsonl: str, expect_file: str):
    """Problems (strings) of a batch's summary.json and .jsonl against the expected counts."""
    with open(expect_file) as f:
        expect = json.load(f)
    problems = []
    try:
        with open(summary) as f:
            s = json.load(f)
    except (OSError, ValueError) as e:
        return [f"no summary ({e.__class__.__name__})"]
    if s.get("lines") != expect["lines"]:
        problems.append(f"summary lines {s.get('lines')} (expected {expect['lines']})")
    got = s.get("outcomes") or {}
    for o, n in expect["outcomes"].items():
        if got.get(o) != n:
            problems.append(f"summary {o} {got.get(o)} (expected {n})")
    # the report: exactly one line per list line, and the same counts as the summary
    line_re = re.compile(rb'"line":\s*(\d+)')
    outcome_re = re.compile(rb'"outcome":\s*"(\w+)"')
    seen = bytearray(expect["lines"] + 1)
    n = twice = out_of_range = 0
    counts = {}
    try:
        with open(jsonl, "rb") as f:
            for raw in f:
                n += 1
                m = line_re.search(raw)
                k = int(m.group(1)) if m else 0
                if 1 <= k <= expect["lines"]:
                    twice += seen[k]
                    seen[k] = 1
                else:
                    out_of_range += 1
                m = outcome_re.search(raw)
                o = m.group(1).decode() if m else "?"
                counts[o] = counts.get(o, 0) + 1
    except OSError as e:
        return problems + [f"no report ({e.__class__.__name__})"]
    if n != expect["lines"]:
        problems.append(f"report has {n} lines (expected {expect['lines']})")
    never = expect["lines"] - sum(seen)
    if never or twice or out_of_range:
        problems.append(f"report: {never} list lines without a report line, {twice} reported twice, "
                        f"{out_of_range} with a line number outside the list")
    for o in sorted(set(counts) | set(expect["outcomes"])):
        if counts.get(o, 0) != expect["outcomes"].get(o, 0):
            problems.append(f"report {o} {counts.get(o, 0)} (expected {expect['outcomes'].get(o, 0)})")
    return problems


def cmd_mrecord(a) -> int:
    """One run of the memory and start-up section: whatever applies of sha256 verification (and
    no other file in the folder), the batch's reports against the expected counts, the exit code."""
    problems = [a.problem] if a.problem else []
    if a.expect_rc is not None and a.rc != a.expect_rc:
        problems.append(f"exit {a.rc} (expected {a.expect_rc})")
    if a.sums:
        good, missing, wrong, expected, examples = verify(a.sums, a.dir)
        if missing or wrong or good != expected:
            problems.append(f"{good}/{expected} files right"
                            f"{', ' + str(missing) + ' missing' if missing else ''}"
                            f"{', ' + str(wrong) + ' wrong' if wrong else ''}"
                            f"{' (' + '; '.join(examples) + ')' if examples else ''}")
        n = count_files(a.dir) if os.path.isdir(a.dir) else 0
        if n > expected:
            problems.append(f"{n} files in the output folder, {n - expected} more than expected")
    if a.summary:
        problems += check_reports(a.summary, a.jsonl, a.expect)
    rss = a.rss_kib if a.rss_kib is not None else (peak_rss_kib(a.timefile) if a.timefile else None)
    other, other_s = other_cpu(a.snap0, a.snap1, a.timefile)
    obj = {"kind": "mrun", "row": a.row, "run": a.run, "seconds": a.seconds, "rc": a.rc,
           "rss_kib": rss, "verified": not problems, "detail": "; ".join(problems),
           "other_cpu": other, "other_cpu_seconds": other_s}
    append(a.results, obj)
    rss_s = f"{rss / 1024:.0f} MiB" if rss else "-"
    other_s = "-" if other is None else f"{100 * other:.0f}%"
    status = "ok" if not problems else f"FAILED ({obj['detail']})"
    print(f"  {a.row} run {a.run:<4} {a.seconds:8.3f} s  rc={a.rc}  rss={rss_s}  other-cpu={other_s}  "
          f"{status}", file=sys.stderr)
    return 0


def cpu_times():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + (v[4] if len(v) > 4 else 0)  # idle + iowait
    return sum(v[:8]), idle


def proc_jiffies(pid: int) -> int:
    """utime + stime of a process (all its threads), 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0


def children(pid: int):
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return out


def cmd_cpusnap(a) -> int:
    """One line: CPU jiffies busy machine-wide, and used by the benchmark's own servers (nginx
    master and workers, the delay server, the fetchbox service), for `record --snap0/--snap1`."""
    own = set(a.pid or [])
    if a.nginx_pidfile:
        try:
            with open(a.nginx_pidfile) as f:
                master = int(f.read().strip())
            own |= {master, *children(master)}
        except (OSError, ValueError):
            pass
    total, idle = cpu_times()
    servers = sum(proc_jiffies(p) for p in own)
    # this helper's own start-up: inside the window when it is the snapshot after a run
    print(f"{total - idle},{servers},{proc_jiffies(os.getpid())},{time.time():.6f}")
    return 0


def time_cpu_seconds(timefile: str):
    try:
        with open(timefile, errors="replace") as f:
            t = f.read()
        u = re.search(r"User time \(seconds\): ([\d.]+)", t)
        s = re.search(r"System time \(seconds\): ([\d.]+)", t)
        return float(u.group(1)) + float(s.group(1)) if u and s else None
    except OSError:
        return None


def cmd_busy(a) -> int:
    """Percent of all CPUs busy over --seconds (before the benchmark starts anything: other load)."""
    t0, i0 = cpu_times()
    time.sleep(a.seconds)
    t1, i1 = cpu_times()
    print(f"{100.0 * (1 - (i1 - i0) / max(1, t1 - t0)):.0f}")
    return 0


def cmd_freeport(a) -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1])
    return 0


# ---------------------------------------------------------------------------- the table


def fmt_s(x):
    return "-" if x is None else (f"{x:.2f}" if x < 100 else f"{x:.0f}")


def fmt_rate(x):
    return "-" if x is None else (f"{x:,.0f}" if x >= 100 else f"{x:.1f}")


def memory_section(facts, mrows):
    """The second table, "Memory and start-up" (rows M1, M2, M3, S1), with its notes."""
    mruns = [x for x in facts if x["kind"] == "mrun"]
    service_rss = {x["workload"]: x["rss_kib"] for x in facts if x["kind"] == "rss"}
    notes = [x for x in facts if x["kind"] == "note" and x.get("workload") in M_ROWS]
    out = ["## Memory and start-up", ""]
    out.append("| row | what | heap | median s | min-max s | peak RSS MiB | verified | target | met |")
    out.append("| --- | --- | --- | ---: | ---: | ---: | --- | --- | --- |")
    failed_notes, disturbed = [], []
    order = {r: i for i, r in enumerate(M_ROWS)}
    for m in sorted(mrows, key=lambda x: order.get(x["row"], len(order))):
        row = m["row"]
        rs = [r for r in mruns if r["row"] == row]
        rss = [r["rss_kib"] for r in rs if r.get("rss_kib")]
        rss_kib = service_rss.get(row) or (max(rss) if rss else None)
        rss_s = "-" if not rss_kib else f"{rss_kib / 1024:.0f}"
        ok = bool(rs) and all(r["verified"] for r in rs)
        med = statistics.median(r["seconds"] for r in rs) if rs else None
        if ok:
            mm = f"{fmt_s(min(r['seconds'] for r in rs))}-{fmt_s(max(r['seconds'] for r in rs))}" \
                if len(rs) > 1 else "-"
            med_s, ver = fmt_s(med), "yes"
        else:
            med_s, mm = "FAILED", "-"
            ver = f"**no** ({sum(r['verified'] for r in rs)}/{len(rs)} runs right)" if rs else "**no** (no run)"
        met = ok
        if m.get("max_rss_mib") is not None:
            met = met and rss_kib is not None and rss_kib / 1024 < float(m["max_rss_mib"])
        if m.get("max_seconds") is not None:
            met = met and med is not None and med < float(m["max_seconds"])
        heap = m.get("heap") or "JVM default"
        heap = f"`{heap}`" if heap.startswith("-") else heap
        out.append(f"| {row} | {m['desc']} | {heap} | {med_s} | {mm} | {rss_s} | {ver} | "
                   f"{m['target']} | {'yes' if met else '**no**'} |")
        for r in rs:
            if (r.get("other_cpu") or 0) > OTHER_CPU_FLAG and (r.get("other_cpu_seconds") or 0) > 0.2:
                disturbed.append(f"{row} run {r['run']} ({100 * r['other_cpu']:.0f}%)")
            if not r["verified"]:
                rss_r = f", peak RSS {r['rss_kib'] / 1024:.0f} MiB" if r.get("rss_kib") else ""
                failed_notes.append(f"{row} run {r['run']}: {r['detail']}; exit {r['rc']}, "
                                    f"{r['seconds']:.2f} s{rss_r}")
    out.append("")
    out.append("Notes:")
    out.append("")
    out.append("- M1 is a running service (started with the heap flag, timed like `fetchbox-service`: from "
               "the rename of the list into the inbox to its summary); M2 and M3 are `--once` runs, "
               "timed as the whole process, JVM start included, with `fetchbox.inbox-settle` at its "
               "default 1 s as for `fetchbox-once` (a list already older than that is taken at once); "
               "all with the main table's "
               "`--fetchbox.concurrency=16 --fetchbox.per-host=16 --fetchbox.http-port=0`.")
    out.append("- peak RSS: M1 the service JVM's VmHWM from /proc at the end (all its runs); M2 and M3 "
               "`/usr/bin/time -v` \"Maximum resident set size\" (largest over the runs); S1 the "
               "VmHWM when `fetchbox ready` appeared (largest over the launches).")
    out.append("- verified: M1 and M2 every file's sha256 equals its source's and the output folder holds "
               "nothing else, M2 exits 0; M3 exits 1 (its invalid lines, by `--once`'s contract), its "
               "`summary.json` has the list's line count and exactly the expected count of every outcome, "
               "its `.jsonl` has one line per list line (each line number once) with the same counts, and "
               "every distinct URL's file is there with nginx's body; S1 every launch printed "
               "`fetchbox ready` within 60 s and exited 0 on SIGTERM.")
    out.append("- met: verified, and the row's bound on peak RSS or on the median (when it has one).")
    for n in notes:
        out.append(f"- {n.get('workload', '')}: {n['text']}")
    for n in failed_notes:
        out.append(f"- {n}")
    if disturbed:
        out.append(f"- **disturbed runs**: other processes (not fetchbox, not the benchmark's servers) used "
                   f"more than {100 * OTHER_CPU_FLAG:.0f}% of the machine's CPU (and 0.2 CPU-seconds) during: "
                   f"{', '.join(disturbed)}; those times are slower than on a quiet machine.")
    elif any(r.get("other_cpu") is not None for r in mruns):
        out.append(f"- no run was disturbed: in every run, other processes used under "
                   f"{100 * OTHER_CPU_FLAG:.0f}% of the machine's CPU or under 0.2 CPU-seconds.")
    out.append("")
    out.append("<details><summary>Every run of the memory and start-up rows (seconds, peak RSS)</summary>")
    out.append("")
    for m in mrows:
        rs = [r for r in mruns if r["row"] == m["row"]]
        if rs:
            vals = ", ".join(f"{r['seconds']:.3f}"
                             f"{' (' + format(r['rss_kib'] / 1024, '.0f') + ' MiB)' if r.get('rss_kib') else ''}"
                             f"{'' if r['verified'] else ' (FAILED)'}" for r in rs)
            out.append(f"- {m['row']}: {vals}")
    out.append("")
    out.append("</details>")
    out.append("")
    return out


# issue 14's targets: (workload, what is measured, against what, limit); "best" is the best verified peer,
# "ideal" the workload's ceiling row (W3: files x 0.1 s / 16; W4: w4_server.py --ideal)
TARGETS = [
    ("W1", "warm service", "curl", 1.00),
    ("W1", "first list", "wget2", 1.50),
    ("W1", "--once", "wget2", 1.00),
    ("W2", "warm service", "best", 1.00),
    ("W2", "--once", "best", 2.00),
    ("W3", "warm service", "ideal", 1.05),
    ("W3", "--once", "ideal", 1.05),
    ("W4", "warm service", "ideal", 1.10),
]


def targets_section(workloads, runs, first_lists, ceilings):
    """The targets fetchbox is held to (issue 14), each with this run's ratio; empty without W rows."""
    ran = {w["workload"] for w in workloads}
    rows = []
    for wl, what, against, limit in TARGETS:
        if wl not in ran:
            continue

        def median(tool):
            secs = [r["seconds"] for r in runs if r["workload"] == wl and r["tool"] == tool and r["verified"]]
            all_ok = all(r["verified"] for r in runs if r["workload"] == wl and r["tool"] == tool)
            return statistics.median(secs) if secs and all_ok else None

        if what == "first list":
            first = first_lists.get((wl, "fetchbox-service"))
            mine = first[1] if first else None
        else:
            mine = median("fetchbox-service" if what == "warm service" else "fetchbox-once")
        if against == "ideal":
            ceiling = [c for c in ceilings if c["workload"] == wl and c.get("seconds")]
            ref, ref_name = (ceiling[0]["seconds"], "the ideal") if ceiling else (None, "the ideal")
        elif against == "best":
            peers = [(t, median(t)) for t in TOOLS if t not in FETCHBOX]
            peers = [p for p in peers if p[1] is not None]
            ref_name, ref = min(peers, key=lambda p: p[1]) if peers else ("the best peer", None)
        else:
            ref, ref_name = median(against), against
        if mine is None or ref is None:
            rows.append(f"| {wl} {what} | {ref_name} | not measured | ≤ {limit:.2f}× | - |")
            continue
        ratio = mine / ref
        met = "**met**" if ratio <= limit + 0.005 else "not met"
        rows.append(f"| {wl} {what} | {ref_name} {fmt_s(ref)} s | {fmt_s(mine)} s = {ratio:.2f}× | ≤ {limit:.2f}× | {met} |")
    if not rows:
        return []
    out = ["Targets (issue 14; ratios of medians within this run; the first list is one run):", "",
           "| fetchbox | against | fetchbox here | target | |", "| --- | --- | ---: | ---: | --- |"]
    out += rows
    if "W4" in ran:
        out.append("| W4 ahead of every peer that caps connections per host | none here (see the notes) | | | - |")
    out.append("")
    return out


def cmd_table(a) -> int:
    facts = []
    with open(a.results) as f:
        for line in f:
            if line.strip():
                facts.append(json.loads(line))
    meta = {}
    for x in facts:
        if x["kind"] == "meta":
            meta[x["key"]] = x["value"]
    workloads = [x for x in facts if x["kind"] == "workload"]
    runs = [x for x in facts if x["kind"] == "run" and not x["warmup"]]
    # a fresh service's first list: its warm-up run, or its first counted run when there is no warm-up
    first_lists = {}
    for x in facts:
        if x["kind"] == "run" and x["tool"] in SERVICE_ROWS and x["verified"]:
            key = (x["workload"], x["tool"])
            if key not in first_lists or (x["warmup"], -x["run"]) > first_lists[key][0]:
                first_lists[key] = ((x["warmup"], -x["run"]), x["seconds"])
    service_rss = {(x["workload"], x["tool"]): x["rss_kib"] for x in facts if x["kind"] == "rss"}
    ceilings = [x for x in facts if x["kind"] == "ceiling"]
    notes = [x for x in facts if x["kind"] == "note" and x.get("workload") not in M_ROWS]
    mrows = [x for x in facts if x["kind"] == "mrow"]

    out = []
    out.append(f"# fetchbox benchmark — {meta.get('date', '?')}")
    out.append("")
    out.append(f"- machine: {meta.get('nproc', '?')} cores ({meta.get('cpu', '?')}), "
               f"{meta.get('mem', '?')} memory, {meta.get('kernel', '?')}")
    out.append(f"- mode: {meta.get('mode', '?')}; {meta.get('runs', '?')} counted run(s) per tool "
               f"and workload{', after one warm-up' if meta.get('warmup') == 'yes' else ', no warm-up'}; "
               f"concurrency 16 for every tool")
    out.append(f"- fetchbox jar: `{meta.get('jar', '?')}` ({meta.get('jar_info', '?')})")
    out.append(f"- versions: {meta.get('versions', '?')}")
    out.append(f"- server: {meta.get('server', '?')}")
    loads = sorted(float(x["load1"]) for x in facts if x["kind"] == "load")
    if loads or "busy_before" in meta:
        line = (f"- other load: CPU {meta.get('busy_before', '?')}% busy in the 2 s before the benchmark "
                f"started anything, {meta.get('busy_after', '?')}% in the 2 s after it stopped everything")
        if loads:
            line += (f"; 1-minute load average before each run (the benchmark's own threads included): "
                     f"median {statistics.median(loads):.2f}, max {loads[-1]:.2f}")
        out.append(line)
        try:
            if max(float(meta.get("busy_before", 0)), float(meta.get("busy_after", 0))) > 10:
                out.append("- **warning: something else was using the CPU while this ran; the times are "
                           "noisier and slower than on a quiet machine**")
        except ValueError:
            pass
    out.append("")

    # one row per workload and tool; only when a W workload ran (BENCH_ONLY=M has none)
    main_start = len(out)
    header = ("| workload | tool | median s | min-max s | first list s | files/s | MB/s | peak RSS MiB | verified "
              "| fetchbox / best peer |")
    out.append(header)
    out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    failed_notes, disturbed = [], []
    for w in workloads:
        wl = w["workload"]
        rows = {}
        for tool in TOOLS:
            rs = [r for r in runs if r["workload"] == wl and r["tool"] == tool]
            if not rs:
                continue
            ok = all(r["verified"] for r in rs)
            secs = [r["seconds"] for r in rs]
            rss = [r["rss_kib"] for r in rs if r.get("rss_kib")]
            rss_kib = service_rss.get((wl, tool)) or (max(rss) if rss else None)
            rows[tool] = {"ok": ok, "median": statistics.median(secs), "min": min(secs),
                          "max": max(secs), "rss": rss_kib, "n": len(rs),
                          "n_ok": sum(r["verified"] for r in rs)}
            for r in rs:
                # short runs: a few clock ticks are a large share, so ask for 0.2 CPU-seconds too
                if (r.get("other_cpu") or 0) > OTHER_CPU_FLAG and (r.get("other_cpu_seconds") or 0) > 0.2:
                    disturbed.append(f"{wl} {tool} run {r['run']} ({100 * r['other_cpu']:.0f}%)")
                if not r["verified"] or r["rc"] != 0:
                    failed_notes.append(
                        f"{wl} {tool} run {r['run']}: exit {r['rc']}, {r['good']}/{r['expected']} files right"
                        f"{', ' + str(r['missing']) + ' missing' if r['missing'] else ''}"
                        f"{', ' + str(r['wrong']) + ' wrong' if r['wrong'] else ''}"
                        f"{' (' + r['detail'] + ')' if r['detail'] else ''}, {r['seconds']:.2f} s")
        peers = {t: v for t, v in rows.items() if t not in FETCHBOX and v["ok"]}
        best = min(peers.items(), key=lambda kv: kv[1]["median"]) if peers else None
        for tool, v in rows.items():
            rss_s = "-" if not v["rss"] else f"{v['rss'] / 1024:.0f}"
            if v["ok"]:
                med = fmt_s(v["median"])
                mm = f"{fmt_s(v['min'])}-{fmt_s(v['max'])}"
                fps = fmt_rate(w["files"] / v["median"])
                mbs = fmt_rate(w["bytes"] / 1e6 / v["median"])
                ver = "yes"
            else:
                med, mm, fps, mbs = "FAILED", "-", "-", "-"
                ver = f"**no** ({v['n_ok']}/{v['n']} runs right)"
            ratio = ""
            if tool in FETCHBOX:
                if v["ok"] and best:
                    ratio = f"{v['median'] / best[1]['median']:.2f}× ({best[0]})"
                elif not v["ok"]:
                    ratio = "-"
                else:
                    ratio = "no verified peer"
            name = f"**{tool}**" if tool in FETCHBOX else tool
            first = first_lists.get((wl, tool))
            first_s = fmt_s(first[1]) if first else ""
            if first and best:
                first_s += f" ({first[1] / best[1]['median']:.2f}× {best[0]})"
            out.append(f"| {wl} | {name} | {med} | {mm} | {first_s} | {fps} | {mbs} | {rss_s} | {ver} | {ratio} |")
        for c in [c for c in ceilings if c["workload"] == wl]:
            fps = c.get("files_per_s")
            mbs = c.get("mb_per_s")
            sec = c.get("seconds")
            out.append(f"| {wl} | _ceiling: {c['name']}_ | {fmt_s(sec)} | | | {fmt_rate(fps)} | "
                       f"{fmt_rate(mbs)} | | | |")
    out.append("")
    out += targets_section(workloads, runs, first_lists, ceilings)

    out.append("Workloads (all served from 127.0.0.1, random bytes from /dev/urandom, one host):")
    out.append("")
    for w in workloads:
        out.append(f"- **{w['workload']}**: {w['desc']} ({w['files']} files, {w['bytes'] / 1e6:,.1f} MB)")
    out.append("")
    out.append("Notes:")
    out.append("")
    out.append("- fetchbox runs with `--fetchbox.concurrency=16 --fetchbox.per-host=16` on W1-W3: every URL goes "
               "to one host, fetchbox's `per-host` defaults to 6, and the peers open 16 connections to that host, "
               "so fetchbox is given 16 too.")
    if any(w["workload"] == "W4" for w in workloads):
        out.append("- W4 is a crawl's shape: fetchbox keeps its default `per-host` of 6 (`--fetchbox.concurrency=16`). "
                   "No peer here honours a per-host cap across downloads: this curl (7.88) has no "
                   "`--parallel-max-host` (curl 8.16 added it), aria2c's `-x` counts connections per download and "
                   "wget2's `--max-threads` is global, so their rows may open up to 16 connections to one host. "
                   "curl and xargs-curl run with `--retry 3`, which waits as the 503's `Retry-After` says; aria2c "
                   "and wget2 retry by their defaults. The 1 % of URLs answered 404 are not expected; the 0.5 % "
                   "answered 503 once are. The ceiling row is the best schedule with 16 at once and 6 per host, "
                   "in list order, a 503 waiting its second out without a slot (`bench/w4_server.py --ideal`).")
    out.append("- median and min-max are wall-clock seconds of the counted runs; files/s and MB/s "
               "(1 MB = 10^6 bytes) are computed from the median. first list s: a service row's first list "
               "after the service started (its warm-up run, or its first run without a warm-up), when the JIT "
               "has not caught up yet, with its ratio to the best peer's median.")
    out.append("- `fetchbox-once` is the whole process (JVM start, Camel start, the batch, exit). "
               "`fetchbox-service` is an already running service, timed from the rename of the list into "
               "the inbox to the appearance of `reports/<batch>.summary.json` (10 ms polls), "
               "with `--fetchbox.inbox-settle=0`.")
    out.append("- peak RSS: `/usr/bin/time -v` \"Maximum resident set size\" of the tool's process (for "
               "`xargs-curl` the largest single process, i.e. one curl, not the sum of 16); for "
               "`fetchbox-service` the service JVM's VmHWM from /proc at the end of the workload "
               "(warm-up included).")
    out.append("- verified: every output file's sha256 equals its source's after every counted run; a run with a "
               "missing or wrong file makes the row FAILED instead of giving it a time.")
    out.append("- fetchbox / best peer: fetchbox's median divided by the lowest verified peer median "
               "(curl, aria2c, wget2, xargs-curl) on that workload; above 1 means slower.")
    out.append("- `--fetchbox.http-port=0` turns fetchbox's HTTP server (status page, API, metrics) off, "
               "as the peers have none; WARN/ERROR lines in fetchbox's logs are listed below.")
    out.append("- ceilings: W1 `wrk -t2 -c16` on one W1 URL (requests/s, as files/s; the time is W1's "
               "file count at that rate); W2 a plain `cp` of W2's files (page cache warm); W3 the ideal "
               "files × 0.1 s / 16.")
    out.append("- caveats: server and client share the same 2 cores over loopback; nothing here measures a "
               "real network.")
    for n in notes:
        out.append(f"- {n.get('workload', '')} {n.get('tool', '')}: {n['text']}".replace("-  :", "-"))
    for n in failed_notes:
        out.append(f"- {n}")
    if disturbed:
        out.append(f"- **disturbed runs**: other processes (not the tool, not the benchmark's servers) used more "
                   f"than {100 * OTHER_CPU_FLAG:.0f}% of the machine's CPU (and 0.2 CPU-seconds) during: {', '.join(disturbed)}; "
                   f"those times are slower than on a quiet machine.")
    else:
        if any(r.get("other_cpu") is not None for r in runs):
            out.append(f"- no run was disturbed: in every counted run, other processes (not the tool, not the "
                       f"benchmark's servers) used under {100 * OTHER_CPU_FLAG:.0f}% of the machine's CPU or "
                       f"under 0.2 CPU-seconds.")
    out.append("")

    # raw runs
    out.append("<details><summary>Every counted run (seconds)</summary>")
    out.append("")
    for w in workloads:
        for tool in TOOLS:
            rs = [r for r in runs if r["workload"] == w["workload"] and r["tool"] == tool]
            if rs:
                vals = ", ".join(f"{r['seconds']:.3f}{'' if r['verified'] else ' (FAILED)'}" for r in rs)
                out.append(f"- {w['workload']} {tool}: {vals}")
    out.append("")
    out.append("</details>")
    out.append("")
    if not workloads:
        del out[main_start:]
    if mrows:
        out += memory_section(facts, mrows)

    out.append("Commands (`$D` a fresh folder per run, `$N` the nginx port, `$JAR` the fetchbox jar):")
    out.append("")
    out.append("```")
    cmds = [x for x in facts if x["kind"] == "command"]
    for c in cmds:
        out.append(f"{c['tool']:<16} {c['text']}")
    out.append("```")
    if meta.get("total_seconds"):
        out.append("")
        out.append(f"Whole benchmark: {float(meta['total_seconds']):.0f} s.")
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    if a.out:
        os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
        tmp = a.out + ".tmp"
        with open(tmp, "w") as f:
            f.write(text)
        os.replace(tmp, a.out)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description="helper of bench/run.sh")
    sub = ap.add_subparsers(dest="cmd", required=True)

    p = sub.add_parser("sums")
    p.add_argument("--dir", required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(fn=cmd_sums)

    p = sub.add_parser("record")
    p.add_argument("--results", required=True)
    p.add_argument("--workload", required=True)
    p.add_argument("--tool", required=True)
    p.add_argument("--run", type=int, required=True)
    p.add_argument("--warmup", action="store_true")
    p.add_argument("--seconds", type=float, required=True)
    p.add_argument("--rc", type=int, required=True)
    p.add_argument("--timefile")
    p.add_argument("--rss-kib", type=int)
    p.add_argument("--sums", required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--snap0", help="cpusnap before the run")
    p.add_argument("--snap1", help="cpusnap after the run")
    p.set_defaults(fn=cmd_record)

    p = sub.add_parser("cpusnap")
    p.add_argument("--nginx-pidfile")
    p.add_argument("--pid", type=int, action="append")
    p.set_defaults(fn=cmd_cpusnap)

    p = sub.add_parser("fact")
    p.add_argument("--results", required=True)
    p.add_argument("kind")
    p.add_argument("pairs", nargs="*")
    p.set_defaults(fn=cmd_fact)

    p = sub.add_parser("dropwait")
    p.add_argument("--src", required=True)
    p.add_argument("--dst", required=True)
    p.add_argument("--summary", required=True)
    p.add_argument("--timeout", type=float, default=900)
    p.add_argument("--pid", type=int, help="stop waiting when this process has exited")
    p.set_defaults(fn=cmd_dropwait)

    p = sub.add_parser("waitlog")
    p.add_argument("--log", required=True)
    p.add_argument("--pattern", required=True)
    p.add_argument("--since", type=float, required=True, help="epoch seconds of the launch")
    p.add_argument("--pid", type=int, help="stop waiting when this process has exited")
    p.add_argument("--timeout", type=float, default=60)
    p.set_defaults(fn=cmd_waitlog)

    p = sub.add_parser("m3list")
    p.add_argument("--base", required=True, help="URL prefix, e.g. http://127.0.0.1:N/m3")
    p.add_argument("--distinct", type=int, required=True)
    p.add_argument("--list", required=True)
    p.add_argument("--sums", required=True)
    p.add_argument("--expect", required=True)
    p.set_defaults(fn=cmd_m3list)

    p = sub.add_parser("mrecord")
    p.add_argument("--results", required=True)
    p.add_argument("--row", required=True)
    p.add_argument("--run", type=int, required=True)
    p.add_argument("--seconds", type=float, required=True)
    p.add_argument("--rc", type=int, required=True)
    p.add_argument("--expect-rc", type=int)
    p.add_argument("--timefile")
    p.add_argument("--rss-kib", type=int)
    p.add_argument("--sums")
    p.add_argument("--dir")
    p.add_argument("--summary")
    p.add_argument("--jsonl")
    p.add_argument("--expect", help="m3list's expected counts")
    p.add_argument("--problem", help="a failure found by run.sh (e.g. the service did not start)")
    p.add_argument("--snap0", help="cpusnap before the run")
    p.add_argument("--snap1", help="cpusnap after the run")
    p.set_defaults(fn=cmd_mrecord)

    p = sub.add_parser("busy")
    p.add_argument("--seconds", type=float, default=2)
    p.set_defaults(fn=cmd_busy)

    p = sub.add_parser("freeport")
    p.set_defaults(fn=cmd_freeport)

    p = sub.add_parser("table")
    p.add_argument("--results", required=True)
    p.add_argument("--out")
    p.set_defaults(fn=cmd_table)

    a = ap.parse_args()
    return a.fn(a)


if __name__ == "__main__":
    sys.exit(main())
