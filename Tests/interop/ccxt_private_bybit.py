#!/usr/bin/env python3
"""Third-party client check of the simulator's Bybit private API: ccxt's `bybit`, pointed at the PropBot venue
simulator with the simulated account's keys, places, queries and cancels an order and reads positions and
the balance exactly as it would on the real venue (signed v5 requests, UNIFIED account, category linear).

Usage: ccxt_private_bybit.py BYBIT_REST API_KEY API_SECRET   (e.g. http://127.0.0.1:8803 propbot-sim-key propbot-sim-secret)
Exits 0 on success, 1 on a failed check, 2 when ccxt is not installed.
"""
import sys

try:
    import ccxt
except ImportError:
    print("ccxt is not installed: pip install ccxt", file=sys.stderr)
    sys.exit(2)

SYMBOL = "BTC/USDT:USDT"


def make(base, key, secret):
    # recvWindow 30 s (venue default 5 s): a loaded test machine must not make requests look stale.
    ex = ccxt.bybit({"apiKey": key, "secret": secret, "timeout": 30000, "enableRateLimit": True,
                     "options": {"recvWindow": 30000}})
    # bybit.py: urls['api'] has spot/futures/v2/public/private = 'https://api.{hostname}'.
    for k in list(ex.urls["api"].keys()):
        ex.urls["api"][k] = base
    return ex


def expect(cond, what):
    if not cond:
        raise AssertionError(what)


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 1
    ex = make(argv[1].rstrip("/"), argv[2], argv[3])
    ex.load_markets()

    balance = ex.fetch_balance()
    usdt = balance.get("USDT") or {}
    expect(usdt.get("total") and usdt["total"] > 0, f"no USDT balance: {usdt}")
    start_total = usdt["total"]

    book = ex.fetch_order_book(SYMBOL, 50)
    bid = book["bids"][0][0]
    price = float(ex.price_to_precision(SYMBOL, bid * 0.95))
    order = ex.create_order(SYMBOL, "limit", "buy", 0.001, price, {"clientOrderId": "ccxt-bybit-1"})
    expect(order.get("id"), f"create_order returned no id: {order}")

    fetched = ex.fetch_order(order["id"], SYMBOL, {"acknowledged": True})
    expect(fetched["status"] == "open", f"fetched order not open: {fetched}")
    expect(abs(fetched["price"] - price) < 1e-9 and abs(fetched["amount"] - 0.001) < 1e-12, f"wrong order: {fetched}")
    expect(fetched.get("clientOrderId") == "ccxt-bybit-1", f"client id lost: {fetched}")
    open_ids = [o["id"] for o in ex.fetch_open_orders(SYMBOL)]
    expect(order["id"] in open_ids, f"order missing from open orders {open_ids}")

    ex.cancel_order(order["id"], SYMBOL)
    cancelled = ex.fetch_order(order["id"], SYMBOL, {"acknowledged": True})
    expect(cancelled["status"] == "canceled", f"not cancelled: {cancelled}")
    expect(not ex.fetch_open_orders(SYMBOL), "open orders left after cancel")

    ex.create_order(SYMBOL, "market", "buy", 0.002)
    positions = [p for p in ex.fetch_positions([SYMBOL]) if p.get("contracts")]
    expect(len(positions) == 1 and positions[0]["side"] == "long" and abs(positions[0]["contracts"] - 0.002) < 1e-12,
           f"wrong positions: {positions}")
    after = ex.fetch_balance()["USDT"]
    expect(after["total"] < start_total, f"taker fee not charged: {start_total} -> {after['total']}")
    print(f"bybit: order {order['id']} placed/queried/cancelled, position {positions[0]['contracts']} long, "
          f"USDT {start_total} -> {after['total']}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except Exception as e:  # report, then fail
        print(f"bybit: FAILED: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
