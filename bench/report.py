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
    report.py dropwait --src TMP --dst LIST --summary S [--timeout 900]
                       rename TMP to LIST, print seconds until S exists (10 ms polls)
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
TOOLS = ["fetchbox-service", "fetchbox-once", "curl", "aria2c", "wget2", "xargs-curl"]
FETCHBOX = {"fetchbox-service", "fetchbox-once"}


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


def cmd_record(a) -> int:
    good, missing, wrong, expected, examples = verify(a.sums, a.dir)
    rss = a.rss_kib if a.rss_kib is not None else (peak_rss_kib(a.timefile) if a.timefile else None)
    ok = missing == 0 and wrong == 0 and good == expected
    # CPU used during the run by anything but the tool and the benchmark's own servers, as a
    # share of the machine: other sessions' builds and tests slow the run down
    other = other_s = None
    if a.snap0 and a.snap1:
        hz = os.sysconf("SC_CLK_TCK")
        (b0, o0, _, t0), (b1, o1, self1, t1) = (
            [float(v) for v in x.split(",")] for x in (a.snap0, a.snap1))
        tool_cpu = time_cpu_seconds(a.timefile) if a.timefile else 0.0
        if tool_cpu is not None and t1 > t0:
            other_s = max(0.0, (b1 - b0 - (o1 - o0) - self1) / hz - tool_cpu)
            other = other_s / ((t1 - t0) * os.cpu_count())
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


def cmd_dropwait(a) -> int:
    deadline = time.monotonic() + a.timeout
    t0 = time.monotonic()
    os.rename(a.src, a.dst)
    while not os.path.exists(a.summary):
        if time.monotonic() > deadline:
            print(f"timeout after {a.timeout} s waiting for {a.summary}", file=sys.stderr)
            print(f"{time.monotonic() - t0:.6f}")
            return 1
        time.sleep(0.01)
    print(f"{time.monotonic() - t0:.6f}")
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
    service_rss = {(x["workload"], x["tool"]): x["rss_kib"] for x in facts if x["kind"] == "rss"}
    ceilings = [x for x in facts if x["kind"] == "ceiling"]
    notes = [x for x in facts if x["kind"] == "note"]

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

    # one row per workload and tool
    header = ("| workload | tool | median s | min-max s | files/s | MB/s | peak RSS MiB | verified "
              "| fetchbox / best peer |")
    out.append(header)
    out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |")
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
            out.append(f"| {wl} | {name} | {med} | {mm} | {fps} | {mbs} | {rss_s} | {ver} | {ratio} |")
        for c in [c for c in ceilings if c["workload"] == wl]:
            fps = c.get("files_per_s")
            mbs = c.get("mb_per_s")
            sec = c.get("seconds")
            out.append(f"| {wl} | _ceiling: {c['name']}_ | {fmt_s(sec)} | | {fmt_rate(fps)} | "
                       f"{fmt_rate(mbs)} | | | |")
    out.append("")

    out.append("Workloads (all served from 127.0.0.1, random bytes from /dev/urandom, one host):")
    out.append("")
    for w in workloads:
        out.append(f"- **{w['workload']}**: {w['desc']} ({w['files']} files, {w['bytes'] / 1e6:,.1f} MB)")
    out.append("")
    out.append("Notes:")
    out.append("")
    out.append("- fetchbox runs with `--fetchbox.concurrency=16 --fetchbox.per-host=16`: every URL goes to one "
               "host, fetchbox's `per-host` defaults to 6, and the peers open 16 connections to that host, so "
               "fetchbox is given 16 too.")
    out.append("- median and min-max are wall-clock seconds of the counted runs; files/s and MB/s "
               "(1 MB = 10^6 bytes) are computed from the median.")
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
    out.append("- fetchbox logs one expected WARN, `fetchbox.http-port is accepted but not active in this "
               "version`, because the benchmark passes `--fetchbox.http-port=0`; other WARN/ERROR lines are "
               "listed below.")
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
    p.set_defaults(fn=cmd_dropwait)

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
