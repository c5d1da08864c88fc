#!/usr/bin/env python3
"""Cost of SQLite synchronous=FULL vs NORMAL under WAL, per commit of a question-sized row, on the disk of /tmp (docs/benchmarks.md)."""
import sqlite3, time, os, sys, tempfile
def run(mode, n=400):
    d = tempfile.mkdtemp(dir="/tmp")
    c = sqlite3.connect(os.path.join(d, "b.db"), isolation_level=None)
    c.execute("PRAGMA journal_mode=WAL"); c.execute(f"PRAGMA synchronous={mode}")
    c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, title TEXT, content TEXT)")
    body = "Tôi đã nộp hồ sơ đăng ký biến động đất đai, xin hỏi bao lâu thì có kết quả? " * 10
    ts = []
    for i in range(n):
        s = time.perf_counter()
        c.execute("BEGIN"); c.execute("INSERT INTO t(title, content) VALUES (?, ?)", (f"q{i}", body)); c.execute("COMMIT")
        ts.append((time.perf_counter() - s) * 1000)
    ts.sort()
    return ts[len(ts)//2], ts[int(len(ts)*0.99)], sum(ts)/len(ts)
print("sqlite", sqlite3.sqlite_version, "fs:", os.popen("df -T /tmp | tail -1").read().split()[1])
for rep in range(2):
    for m in ("NORMAL", "FULL"):
        p50, p99, avg = run(m)
        print(f"{m}: p50 {p50:.3f} ms, p99 {p99:.3f} ms, mean {avg:.3f} ms per commit")
