#!/usr/bin/env python3
"""Third-party client check of the simulator's OKX private API: ccxt's `okx`, pointed at the PropBot venue
simulator with the simulated account's key, secret and passphrase, places, queries and cancels an order and
reads positions and the balance exactly as it would on the real venue (signed v5 requests, SWAP, cross margin).

Usage: ccxt_private_okx.py OKX_REST API_KEY API_SECRET PASSPHRASE
       (e.g. http://127.0.0.1:8802 propbot-sim-key propbot-sim-secret propbot-sim-pass)
Exits 0 on success, 1 on a failed check, 2 when ccxt is not installed.
"""
import sys

try:
    import ccxt
except ImportError:
    print("ccxt is not installed: pip install ccxt", file=sys.stderr)
    sys.exit(2)

SYMBOL = "BTC/USDT:USDT"


def make(base, key, secret, passphrase):
    ex = ccxt.okx({"apiKey": key, "secret": secret, "password": passphrase, "timeout": 10000, "enableRateLimit": True})
    # okx.py: urls['api']['rest'] = 'https://{hostname}', hostname substituted in sign().
    ex.urls["api"]["rest"] = base
    return ex


def expect(cond, what):
    if not cond:
        raise AssertionError(what)


def main(argv):
    if len(argv) != 5:
        print(__doc__, file=sys.stderr)
        return 1
    ex = make(argv[1].rstrip("/"), argv[2], argv[3], argv[4])
    ex.load_markets()

    balance = ex.fetch_balance()
    usdt = balance.get("USDT") or {}
    expect(usdt.get("total") and usdt["total"] > 0, f"no USDT balance: {usdt}")
    start_total = usdt["total"]

    book = ex.fetch_order_book(SYMBOL, 50)
    bid = book["bids"][0][0]
    price = float(ex.price_to_precision(SYMBOL, bid * 0.95))
    # Amounts are contracts on OKX swaps (1 contract = 0.01 BTC).
    order = ex.create_order(SYMBOL, "limit", "buy", 1, price, {"clientOrderId": "ccxtokx1", "tdMode": "cross"})
    expect(order.get("id"), f"create_order returned no id: {order}")

    fetched = ex.fetch_order(order["id"], SYMBOL)
    expect(fetched["status"] == "open", f"fetched order not open: {fetched}")
    expect(abs(fetched["price"] - price) < 1e-9 and abs(fetched["amount"] - 1) < 1e-12, f"wrong order: {fetched}")
    expect(fetched.get("clientOrderId") == "ccxtokx1", f"client id lost: {fetched}")
    open_ids = [o["id"] for o in ex.fetch_open_orders(SYMBOL)]
    expect(order["id"] in open_ids, f"order missing from open orders {open_ids}")

    ex.cancel_order(order["id"], SYMBOL)
    cancelled = ex.fetch_order(order["id"], SYMBOL)
    expect(cancelled["status"] == "canceled", f"not cancelled: {cancelled}")
    expect(not ex.fetch_open_orders(SYMBOL), "open orders left after cancel")

    ex.create_order(SYMBOL, "market", "buy", 2, None, {"tdMode": "cross"})
    positions = [p for p in ex.fetch_positions([SYMBOL]) if p.get("contracts")]
    expect(len(positions) == 1 and positions[0]["side"] == "long" and abs(positions[0]["contracts"] - 2) < 1e-12,
           f"wrong positions: {positions}")
    after = ex.fetch_balance()["USDT"]
    expect(after["total"] < start_total, f"taker fee not charged: {start_total} -> {after['total']}")
    print(f"okx: order {order['id']} placed/queried/cancelled, position {positions[0]['contracts']} contracts long, "
          f"USDT {start_total} -> {after['total']}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except Exception as e:  # report, then fail
        print(f"okx: FAILED: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
