"""How the app is served, by `make run` and by the benchmark's load test: gunicorn's sync
workers, each serving one request at a time, twice as many as cores plus one.

Why not threads: the app's work is Python (pages, the map's layout, the driver), which
holds the interpreter's lock, so threads of one worker take turns rather than run at once.
Measured at 100,000 children, 20 users at once on 2 cores: 2 workers of 4 threads served
135 requests/s with p95 290 ms; 5 sync workers 154 requests/s with p95 170 ms (each
connection waits its turn at the one listening socket, where a threaded worker kept a
user's connection and queued it behind its own).

In production, put a proxy that buffers requests and responses (nginx, a load balancer)
in front: a sync worker is held by a slow client for as long as it takes.
"""

import os

workers = int(os.environ.get("WEB_WORKERS") or 2 * (os.cpu_count() or 1) + 1)
worker_class = "sync"
# A worker busy this long is killed and replaced. Long enough for the largest upload the
# import page takes (IMPORT_MAX_BYTES) to be checked and applied.
timeout = 900
graceful_timeout = 5
loglevel = "warning"
