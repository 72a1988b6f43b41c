#!/usr/bin/env python3
"""A small static file server that waits before every response (bench workload W3).

nginx cannot add latency, so W3 is served by this: HTTP/1.1 with keep-alive, one thread
per connection (so 16+ requests are served at once), each file read from disk, and each
response sent in one write --delay seconds (default 0.1) after its request line arrived: the
server's own work is done within the wait, not added to it. Python 3 stdlib only.

    python3 bench/delay_server.py --root DIR [--host 127.0.0.1] [--port 0]
                                  [--delay 0.1] [--port-file F] [--max-seconds 7200]

With --port 0 the kernel picks a free port; it is written to --port-file once the
server listens. The server stops by itself after --max-seconds (a bound, in case the
benchmark that started it dies without stopping it), or on SIGTERM/SIGINT.
"""

import argparse
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit


class DelayServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256  # listen backlog: 16+ clients connecting at once


def make_handler(root: str, delay: float):
    root = os.path.realpath(root)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive
        disable_nagle_algorithm = True  # headers and body go out without waiting for ACKs
        server_version = "bench-delay/1"
        sys_version = ""

        def parse_request(self):
            # the 100 ms count from the request line's arrival, not from the end of parsing
            self.arrived = time.monotonic()
            return super().parse_request()

        def do_GET(self):
            self._serve(with_body=True)

        def do_HEAD(self):
            self._serve(with_body=False)

        def _serve(self, with_body: bool):
            # everything but one send is done before the wait, so that the server's own work does
            # not add to the latency it is meant to add
            rel = unquote(urlsplit(self.path).path).lstrip("/")
            path = os.path.realpath(os.path.join(root, rel))
            data = None
            if path.startswith(root + os.sep) and os.path.isfile(path):
                try:
                    with open(path, "rb") as f:
                        data = f.read()
                except OSError:
                    data = None
            if data is None:
                status, kind, data = "404 Not Found", "text/plain", b""
            else:
                status, kind = "200 OK", "application/octet-stream"
            head = (
                f"HTTP/1.1 {status}\r\nServer: {self.server_version}\r\n"
                f"Content-Type: {kind}\r\nContent-Length: {len(data)}\r\n\r\n"
            ).encode("ascii")
            response = head + data if with_body else head
            wait = self.arrived + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self.wfile.write(response)

        def log_message(self, fmt, *args):  # no access log
            pass

    return Handler


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", required=True, help="folder whose files are served")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--delay", type=float, default=0.1, help="seconds before each response")
    ap.add_argument("--port-file", help="write the port here once listening")
    ap.add_argument("--max-seconds", type=float, default=7200, help="stop by itself after this")
    a = ap.parse_args()

    server = DelayServer((a.host, a.port), make_handler(a.root, a.delay))
    port = server.server_address[1]
    if a.port_file:
        tmp = a.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(f"{port}\n")
        os.replace(tmp, a.port_file)

    def stop(*_):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    timer = threading.Timer(a.max_seconds, stop)
    timer.daemon = True
    timer.start()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
