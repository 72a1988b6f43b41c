#!/usr/bin/env python3
"""The hosts of bench workload W4, the shape real crawls have: many hosts, each slow in its own way,
a few URLs gone and a few servers briefly overloaded.

One process listens on --hosts ports of 127.0.0.1 (one "host" each) and serves the files of --root
under /w4/. File w4-NNNNN.bin answers after a delay of its own, from 20 to 200 ms (the same every
time, see delay_ms); 1 % of the files answer 404, and 0.5 % answer 503 with "Retry-After: 1" the
first time they are asked for, and their body after that. HTTP/1.1 keep-alive, one thread per
connection, Python 3 stdlib only.

    python3 bench/w4_server.py --root DIR --hosts 40 --ports-file F [--max-seconds 7200]
    python3 bench/w4_server.py --ideal N --hosts 40 --concurrency 16 --per-host 6

--ports-file gets one port per line once every port listens. --ideal prints the best schedule of N
files (seconds) with that global concurrency and per-host cap, without serving anything. The server
stops by itself after --max-seconds, or on SIGTERM/SIGINT.
"""

import argparse
import hashlib
import heapq
import os
import re
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

NAME = re.compile(r"^/w4/w4-(\d{5})\.bin$")


def delay_ms(n: int) -> int:
    """20 to 200 ms, spread evenly, fixed per file."""
    return 20 + int.from_bytes(hashlib.sha256(str(n).encode()).digest()[:4], "big") % 181


def gone(n: int) -> bool:
    return n % 100 == 37  # 1 %


def overloaded_once(n: int) -> bool:
    return n % 200 == 11  # 0.5 %


def host_of(n: int, hosts: int) -> int:
    return n % hosts


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256


def make_handler(root: str, asked: set, lock: threading.Lock):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True
        server_version = "bench-w4/1"
        sys_version = ""

        def parse_request(self):
            self.arrived = time.monotonic()
            return super().parse_request()

        def log_message(self, *args):
            pass

        def do_GET(self):
            m = NAME.match(self.path.split("?", 1)[0])
            if not m:
                return self._send(404, b"", {})
            n = int(m.group(1))
            status, body, headers = 200, b"", {}
            if gone(n):
                status = 404
            else:
                with lock:
                    first = n not in asked
                    asked.add(n)
                if overloaded_once(n) and first:
                    status, headers = 503, {"Retry-After": "1"}
                else:
                    with open(os.path.join(root, f"w4-{n:05d}.bin"), "rb") as f:
                        body = f.read()
            wait = self.arrived + delay_ms(n) / 1000 - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._send(status, body, headers)

        def _send(self, status, body, headers):
            self.send_response(status)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

    return Handler


def ideal(n_files: int, hosts: int, concurrency: int, per_host: int) -> float:
    """The best schedule: list order, a request starts as soon as a global slot and one of its host's
    slots are free; a 503 holds its slot for its delay, then the file waits 1 s (Retry-After) before
    its second request. Greedy list order is optimal here to well within 1 %: every host has the same
    mix and the global cap binds long before the per-host one."""
    jobs = []  # (ready time, n, attempt)
    for n in range(n_files):
        jobs.append((0.0, n, 1))
    heapq.heapify(jobs)
    global_free = [0.0] * concurrency
    host_free = {h: [0.0] * per_host for h in range(hosts)}
    end = 0.0
    while jobs:
        ready, n, attempt = heapq.heappop(jobs)
        h = host_of(n, hosts)
        g = heapq.heappop(global_free)
        s = heapq.heappop(host_free[h])
        start = max(ready, g, s)
        finish = start + delay_ms(n) / 1000
        heapq.heappush(global_free, finish)
        heapq.heappush(host_free[h], finish)
        if overloaded_once(n) and attempt == 1:
            heapq.heappush(jobs, (finish + 1.0, n, 2))
        end = max(end, finish)
    return end


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--root")
    p.add_argument("--hosts", type=int, default=40)
    p.add_argument("--ports-file")
    p.add_argument("--max-seconds", type=float, default=7200)
    p.add_argument("--ideal", type=int)
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--per-host", type=int, default=6)
    a = p.parse_args()
    if a.ideal is not None:
        print(f"{ideal(a.ideal, a.hosts, a.concurrency, a.per_host):.2f}")
        return 0
    asked, lock = set(), threading.Lock()
    handler = make_handler(os.path.realpath(a.root), asked, lock)
    servers = [Server(("127.0.0.1", 0), handler) for _ in range(a.hosts)]
    for s in servers:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    tmp = a.ports_file + ".tmp"
    with open(tmp, "w") as f:
        f.write("".join(f"{s.server_address[1]}\n" for s in servers))
    os.replace(tmp, a.ports_file)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait(a.max_seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
