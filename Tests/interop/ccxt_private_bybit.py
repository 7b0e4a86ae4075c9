#!/usr/bin/env python3
"""Third-party client check of the simulator's Bybit private API: ccxt's `bybit`, pointed at the PropBot venue
simulator with the simulated account's keys, places, queries and cancels an order and reads positions and
the balance exactly as it would on the real venue (signed v5 requests, UNIFIED account, category linear).

Usage: ccxt_private_bybit.py BYBIT_REST API_KEY API_SECRET   (e.g. http://127.0.0.1:8803 propbot-sim-key propbot-sim-secret)
Exits 0 on success, 1 on a failed check, 2 when ccxt is not installed.
"""
from ccxt_common import import_ccxt, run, trade_round_trip

ccxt = import_ccxt()


def make(base, key, secret):
    # recvWindow 30 s (venue default 5 s): a loaded test machine must not make requests look stale.
    ex = ccxt.bybit({"apiKey": key, "secret": secret, "timeout": 30000, "enableRateLimit": True,
                     "options": {"recvWindow": 30000}})
    # bybit.py: urls['api'] has spot/futures/v2/public/private = 'https://api.{hostname}'.
    for k in list(ex.urls["api"].keys()):
        ex.urls["api"][k] = base
    return ex


def main(argv):
    ex = make(argv[1].rstrip("/"), argv[2], argv[3])
    ex.load_markets()
    trade_round_trip(ex, "bybit", 0.001, 0.002, "ccxt-bybit-1", fetch_params={"acknowledged": True})
    return 0


if __name__ == "__main__":
    run("bybit", main, 4, __doc__)
