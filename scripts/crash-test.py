#!/usr/bin/env python3
"""kill -9 under registration load: what the server acknowledged is stored (R1, R45).

Usage: scripts/crash-test.py ZHAUAP_BINARY DATABASE_URL [ROUNDS] [--kill-postgres PGDATA]

Each round starts `zhauap serve` on the database, registers appeals from four writers, and kills the server
with SIGKILL at a random moment (with --kill-postgres, the PostgreSQL postmaster too, which then recovers
from its write-ahead log). The next round finds every appeal acknowledged so far with its number, checks
that no two share a number, and at the end `zhauap audit verify` — which walks each body's chain of
registrations, so a gap in the numbers fails it — must find every chain intact.
Loopback only; stdlib only.
"""
import json, os, random, re, signal, subprocess, sys, tempfile, threading, time, urllib.request, urllib.error

binary, url = os.path.abspath(sys.argv[1]), sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 and not sys.argv[3].startswith("--") else 5
pgdata = sys.argv[sys.argv.index("--kill-postgres") + 1] if "--kill-postgres" in sys.argv else None
work = tempfile.mkdtemp(prefix="zhauap-crash-")
env = dict(os.environ, DATABASE_URL=url, CHROMIUM_PATH="off", LOG_LEVEL="notice")
random.seed(20261202)


def start():
    err = open(os.path.join(work, "serve.err"), "w")
    out = open(os.path.join(work, "serve.out"), "a")
    p = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", "0"], cwd=work, env=env, stdout=out, stderr=err)
    for _ in range(600):
        time.sleep(0.1)
        log = open(os.path.join(work, "serve.err")).read()
        m = re.search(r"Server started on http://127\.0\.0\.1:(\d+)", log)
        if m:
            return p, int(m.group(1))
        if p.poll() is not None:
            break
    sys.exit("the server did not start:\n" + open(os.path.join(work, "serve.err")).read()[-3000:])


def call(port, method, path, body=None, token=None, timeout=10):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method, data=json.dumps(body).encode() if body is not None else None)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, json.loads(r.read() or b"null")


acknowledged = {}  # appeal id -> number
lock = threading.Lock()
token = None
for n in range(1, rounds + 1):
    server, port = start()
    if token is None:
        banner = open(os.path.join(work, "serve.out")).read()
        m = re.search(r"password: (\S+)", banner)
        if not m:
            sys.exit("no demo sign-in printed at start: the database must be new")
        token = call(port, "POST", "/api/v1/auth/login", {"login": "admin", "password": m.group(1)})[1]["token"]
    # Everything acknowledged before is there, under its number.
    for appeal_id, number in acknowledged.items():
        status, view = call(port, "GET", f"/api/v1/appeals/{appeal_id}", token=token)
        if status != 200 or f'"{number}"' not in json.dumps(view, ensure_ascii=False):
            sys.exit(f"round {n}: acknowledged appeal {number} lost or renumbered")
    if len(set(acknowledged.values())) != len(acknowledged):
        sys.exit(f"round {n}: two acknowledged appeals share a number")
    stop = threading.Event()

    def writer(k):
        i = 0
        while not stop.is_set():
            i += 1
            try:
                status, reply = call(port, "POST", "/api/v1/appeals", {"channel": "paper", "essence": f"раунд {n}, жазушы {k}, №{i}"}, token=token, timeout=5)
                if status == 201:
                    with lock:
                        acknowledged[reply["appeal"]["id"]] = reply["coupon"]["number"]
            except Exception:
                pass

    threads = [threading.Thread(target=writer, args=(k,), daemon=True) for k in range(4)]
    for t in threads:
        t.start()
    time.sleep(random.uniform(1.0, 3.0))
    server.send_signal(signal.SIGKILL)
    if pgdata and n % 2 == 0:
        pid = int(open(os.path.join(pgdata, "postmaster.pid")).readline())
        os.kill(pid, signal.SIGKILL)
    stop.set()
    for t in threads:
        t.join()
    server.wait()
    if pgdata and n % 2 == 0:
        time.sleep(2)  # the backends notice their postmaster is gone and exit
        subprocess.run([os.path.join(os.path.dirname(__file__), "..", ".ci", "postgres.sh"), "resume-durable"], check=True)
    print(f"round {n}: killed with {len(acknowledged)} acknowledged so far" + (" (PostgreSQL killed too)" if pgdata and n % 2 == 0 else ""))

# A last start: every acknowledged appeal is there, then the trail is verified with the server stopped.
server, port = start()
for appeal_id, number in acknowledged.items():
    status, _ = call(port, "GET", f"/api/v1/appeals/{appeal_id}", token=token)
    if status != 200:
        sys.exit(f"acknowledged appeal {number} lost")
server.send_signal(signal.SIGINT)
server.wait()
verify = subprocess.run([binary, "audit", "verify"], cwd=work, env=env, capture_output=True, text=True)
print(verify.stdout.strip() or verify.stderr.strip())
if verify.returncode != 0 or len(acknowledged) == 0:
    sys.exit("audit verify failed or nothing was acknowledged")
print(f"{rounds} kill -9 rounds: {len(acknowledged)} acknowledged appeals, all stored, every chain intact")
