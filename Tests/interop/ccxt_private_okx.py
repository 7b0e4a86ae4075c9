#!/usr/bin/env python3
"""Third-party client check of the simulator's OKX private API: ccxt's `okx`, pointed at the PropBot venue
simulator with the simulated account's key, secret and passphrase, places, queries and cancels an order and
reads positions and the balance exactly as it would on the real venue (signed v5 requests, SWAP, cross margin).

Usage: ccxt_private_okx.py OKX_REST API_KEY API_SECRET PASSPHRASE
       (e.g. http://127.0.0.1:8802 propbot-sim-key propbot-sim-secret propbot-sim-pass)
Exits 0 on success, 1 on a failed check, 2 when ccxt is not installed.
"""
from ccxt_common import import_ccxt, run, trade_round_trip

ccxt = import_ccxt()


def make(base, key, secret, passphrase):
    ex = ccxt.okx({"apiKey": key, "secret": secret, "password": passphrase, "timeout": 10000, "enableRateLimit": True})
    # okx.py: urls['api']['rest'] = 'https://{hostname}', hostname substituted in sign().
    ex.urls["api"]["rest"] = base
    return ex


def main(argv):
    ex = make(argv[1].rstrip("/"), argv[2], argv[3], argv[4])
    ex.load_markets()
    # Amounts are contracts on OKX swaps (1 contract = 0.01 BTC).
    trade_round_trip(ex, "okx", 1, 2, "ccxtokx1", order_params={"tdMode": "cross"})
    return 0


if __name__ == "__main__":
    run("okx", main, 5, __doc__)
