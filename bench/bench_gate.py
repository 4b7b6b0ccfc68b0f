"""The Import page's gate (issue 31): what a sign-in costs, what the cookie check costs a page run, and what the
issue's upload attack does to a served process's memory now.

- argon2id verification of one password (argon2-cffi's defaults), the sign-in endpoint's round trip (right and
  wrong password, KC_ADMIN_PASSWORD shortcut and an operator account), and `SignInState.operator_for` (what every
  page run of a signed-in browser pays; a browser without the cookie pays nothing: no file is read);
- the attack of issue 31: a session that never signed in PUTs 10 files of 20 MB to its own upload store. The
  process's RSS and the upload store (Streamlit's metrics) before and after; then a signed-in operator uploads the
  same, closes the tab, and the store is read again.

Figures go to bench/results.json under "gate" and to that section of bench/results.md.

    .venv/bin/python bench/bench_gate.py
"""

import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench.results import machine, machine_sentence, write_results  # noqa: E402

PASSWORD = "Mật-khẩu thử 9!"
FILE = b"x" * (20 * 2**20 - 4096)  # just under server.maxUploadSize


def rss_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def server_pid(port: int) -> int:
    import subprocess

    out = subprocess.run(["pgrep", "-f", f"streamlit run app.py --server.port {port}"], capture_output=True,
                         text=True).stdout.split()
    return int(out[0])


def timed(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> int:
    from conftest import serve_dashboard
    from gate_client import Client
    from test_gate_server import store_reaches, upload_store_bytes

    from etl import operators
    from etl.build import build_database
    from khuyencong.sign_in import Authority, SignInState

    work = Path(tempfile.mkdtemp(prefix="kc-bench-gate-"))
    figures: dict = {"measured_at": datetime.now().isoformat(timespec="seconds"), "machine": machine("argon2-cffi"),
                     "load_average": round(os.getloadavg()[0], 1)}
    try:
        db_path = build_database(work / "data" / "kc.duckdb", with_demo=True, progress=lambda _m: None)
        account_hash = operators.hash_password("lan-mat-khau-10")
        operators.write_accounts(operators.accounts_path(db_path),
                                 {"lan": operators.Account("lan", True, None, account_hash)})
        figures["argon2_verify_ms"] = statistics.median(
            timed(lambda: operators.password_matches(account_hash, "lan-mat-khau-10"), 10))

        state, authority = SignInState(db_path), Authority(db_path, PASSWORD)
        token = state.attempt("192.0.2.1", "", PASSWORD, authority).token
        state.connected(token)
        figures["cookie_check_ms"] = statistics.median(timed(lambda: state.operator_for(token, authority), 200))

        with serve_dashboard(db_path, "--server.address", "127.0.0.1", env={"KC_ADMIN_PASSWORD": PASSWORD}) as base:
            port = int(base.rsplit(":", 1)[1])
            pid = server_pid(port)
            for label, name, password in (("shortcut_right", "", PASSWORD), ("account_right", "lan",
                                                                              "lan-mat-khau-10"),
                                          ("account_wrong", "lan", "sai-mat-khau")):
                samples = []
                for _ in range(4):
                    (work / "data" / ".kc.duckdb.sign-in.json").unlink(missing_ok=True)  # no wait between tries
                    client = Client(base)
                    client.page()
                    started = time.perf_counter()
                    client.sign_in(password, name)
                    samples.append((time.perf_counter() - started) * 1000)
                figures[f"sign_in_{label}_ms"] = statistics.median(samples)

            async def attack() -> tuple[list[int], float, float, int]:
                stranger = Client(base)
                seen = await stranger.open()
                before = rss_mib(pid)
                statuses = [await asyncio.to_thread(stranger.upload, seen.session_id, f"f{i}.csv", FILE)
                            for i in range(10)]
                after = rss_mib(pid)
                await stranger.close()
                return statuses, before, after, upload_store_bytes(base)

            statuses, before, after, stored = asyncio.run(attack())
            figures["stranger"] = {"statuses": statuses, "rss_before_mib": round(before, 1),
                                   "rss_after_mib": round(after, 1), "upload_store_bytes": stored}

            async def operator_uploads() -> tuple[float, int, float]:
                operator = Client(base)
                await asyncio.to_thread(operator.sign_in, PASSWORD)
                seen = await operator.open()
                before = rss_mib(pid)
                for i in range(10):
                    await asyncio.to_thread(operator.upload, seen.session_id, f"f{i}.csv", FILE)
                held = await asyncio.to_thread(store_reaches, base, lambda size: size >= 10 * len(FILE))
                await operator.close()
                return before, held, rss_mib(pid)

            op_before, held, op_after_close = asyncio.run(operator_uploads())
            started = time.monotonic()
            released = store_reaches(base, lambda size: size == 0, seconds=120)
            figures["operator"] = {"rss_before_mib": round(op_before, 1), "upload_store_held_bytes": held,
                                   "upload_store_after_close_bytes": released,
                                   "seconds_to_release_incl_5s_metrics_cache": round(time.monotonic() - started, 1),
                                   "rss_after_release_mib": round(rss_mib(pid), 1)}
    finally:
        shutil.rmtree(work, ignore_errors=True)

    stranger, operator = figures["stranger"], figures["operator"]
    lines = [
        "## Import page gate (bench/bench_gate.py, issue 31)",
        "",
        f"Measured {figures['measured_at']} at load average {figures['load_average']} (argon2 takes about 310 ms on "
        f"a quiet core); {machine_sentence(figures['machine'])}",
        "",
        "| what | ms (median) |",
        "|---|--:|",
        f"| argon2id verification of one password (argon2-cffi defaults: 64 MiB, 3 passes) | "
        f"{figures['argon2_verify_ms']:.0f} |",
        f"| sign-in round trip, KC_ADMIN_PASSWORD | {figures['sign_in_shortcut_right_ms']:.0f} |",
        f"| sign-in round trip, operator account, right password | {figures['sign_in_account_right_ms']:.0f} |",
        f"| sign-in round trip, operator account, wrong password | {figures['sign_in_account_wrong_ms']:.0f} |",
        f"| cookie check on a signed-in browser's page run (`operator_for`) | {figures['cookie_check_ms']:.2f} |",
        "",
        "A browser without the unlock cookie (every viewer) pays nothing for the gate: no file is read.",
        "",
        f"**The issue's upload attack** (a session that never signed in PUTs 10 files of 20 MB): "
        f"{sum(s in (0, 403) for s in stranger['statuses'])} of {len(stranger['statuses'])} refused "
        f"({stranger['statuses'].count(403)} with 403 read by the client, the others closed under the client before "
        "the body was read); server RSS "
        f"{stranger['rss_before_mib']} → {stranger['rss_after_mib']} MiB (before issue 31: 284 → 487 MB); upload "
        f"store {stranger['upload_store_bytes']} bytes (before: 209.674.240 still held 3,3 min after the client "
        f"left).",
        "",
        f"**A signed-in operator** uploading the same: the store held {operator['upload_store_held_bytes']:,} "
        f"bytes; after the tab closed it held {operator['upload_store_after_close_bytes']} bytes within "
        f"{operator['seconds_to_release_incl_5s_metrics_cache']} s (Streamlit refreshes that metric every 5 s). "
        f"RSS {operator['rss_before_mib']} MiB before the uploads, {operator['rss_after_release_mib']} MiB after "
        "the release (glibc keeps some freed heap until the next trim).",
    ]
    write_results("gate", figures, lines)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
