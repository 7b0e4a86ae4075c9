"""Shared parts of the ccxt private interop scripts (ccxt_private_*.py): the ccxt import, checks, the script
wrapper, and the order round trip that Bybit and OKX run. The scripts import it from their own folder, so each
still runs on its own from any directory: python3 Tests/interop/ccxt_private_okx.py ...
"""
import sys

SYMBOL = "BTC/USDT:USDT"


def import_ccxt():
    """The ccxt module; exits 2 with a hint when it is not installed."""
    try:
        import ccxt
    except ImportError:
        print("ccxt is not installed: pip install ccxt", file=sys.stderr)
        sys.exit(2)
    return ccxt


def expect(cond, what):
    if not cond:
        raise AssertionError(what)


def run(label, main, argc, usage):
    """Runs main(argv) as the script: `usage` and exit 1 on a wrong argument count; on any error a one-line
    `<label>: FAILED: ...` report (never a bare traceback only) and exit 1."""
    if len(sys.argv) != argc:
        print(usage, file=sys.stderr)
        sys.exit(1)
    try:
        sys.exit(main(sys.argv))
    except Exception as e:
        print(f"{label}: FAILED: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)


def trade_round_trip(ex, label, amount, market_amount, client_id, order_params=None, fetch_params=None):
    """Reads the USDT balance, places a limit buy 5 % under the bid, queries, lists and cancels it, then buys
    `market_amount` at market and checks the long position and that the taker fee was charged."""
    order_params = order_params or {}
    fetch_params = fetch_params or {}
    usdt = ex.fetch_balance().get("USDT") or {}
    expect(usdt.get("total") and usdt["total"] > 0, f"no USDT balance: {usdt}")
    start_total = usdt["total"]

    book = ex.fetch_order_book(SYMBOL, 50)
    bid = book["bids"][0][0]
    price = float(ex.price_to_precision(SYMBOL, bid * 0.95))
    order = ex.create_order(SYMBOL, "limit", "buy", amount, price, {"clientOrderId": client_id, **order_params})
    expect(order.get("id"), f"create_order returned no id: {order}")

    fetched = ex.fetch_order(order["id"], SYMBOL, fetch_params)
    expect(fetched["status"] == "open", f"fetched order not open: {fetched}")
    expect(abs(fetched["price"] - price) < 1e-9 and abs(fetched["amount"] - amount) < 1e-12, f"wrong order: {fetched}")
    expect(fetched.get("clientOrderId") == client_id, f"client id lost: {fetched}")
    open_ids = [o["id"] for o in ex.fetch_open_orders(SYMBOL)]
    expect(order["id"] in open_ids, f"order missing from open orders {open_ids}")

    ex.cancel_order(order["id"], SYMBOL)
    cancelled = ex.fetch_order(order["id"], SYMBOL, fetch_params)
    expect(cancelled["status"] == "canceled", f"not cancelled: {cancelled}")
    expect(not ex.fetch_open_orders(SYMBOL), "open orders left after cancel")

    ex.create_order(SYMBOL, "market", "buy", market_amount, None, order_params)
    positions = [p for p in ex.fetch_positions([SYMBOL]) if p.get("contracts")]
    expect(len(positions) == 1 and positions[0]["side"] == "long" and abs(positions[0]["contracts"] - market_amount) < 1e-12,
           f"wrong positions: {positions}")
    after = ex.fetch_balance()["USDT"]
    expect(after["total"] < start_total, f"taker fee not charged: {start_total} -> {after['total']}")
    print(f"{label}: order {order['id']} placed/queried/cancelled, position {positions[0]['contracts']} long, "
          f"USDT {start_total} -> {after['total']}")
