#!/usr/bin/env python3
"""Third-party client check of the simulator's Binance USD-M private API: ccxt's binanceusdm, signed with the
simulated account's keys, places, queries, lists and cancels a limit order, fills a market order, and reads
positions and the USDT balance — exactly the calls it makes against the real fapi.

Usage: ccxt_private_binance.py BINANCE_REST API_KEY API_SECRET   (e.g. http://127.0.0.1:8801 propbot-sim-key ...)
Exits 0 on success, 1 on a failed check, 2 when ccxt is not installed.
"""
from ccxt_common import SYMBOL, expect, import_ccxt, run

ccxt = import_ccxt()


def client(base, key, secret):
    # fetchCurrencies off: with keys ccxt would otherwise read spot wallet currencies (sapi), which fapi does not serve.
    ex = ccxt.binanceusdm({"apiKey": key, "secret": secret, "timeout": 10000, "options": {"fetchCurrencies": False}})
    # ccxt builds every fapi URL (public, private, V2, V3) from these keys (binance.py describe()['urls']['api']).
    api = ex.urls["api"]
    for name in list(api.keys()):
        if name.startswith("fapi"):
            api[name] = base + api[name].split("fapi.binance.com", 1)[1]
    return ex


def main(argv):
    ex = client(argv[1].rstrip("/"), argv[2], argv[3])
    ex.load_markets()
    book = ex.fetch_order_book(SYMBOL, 5)
    bid = book["bids"][0][0]
    price = float(ex.price_to_precision(SYMBOL, bid * 0.97))

    order = ex.create_order(SYMBOL, "limit", "buy", 0.002, price, {"newClientOrderId": "ccxtlimit1"})
    expect(order["id"] and order["clientOrderId"] == "ccxtlimit1", f"create_order: {order}")
    expect(order["status"] == "open", f"new order not open: {order['status']}")
    fetched = ex.fetch_order(order["id"], SYMBOL)
    expect(fetched["id"] == order["id"] and fetched["price"] == price and fetched["amount"] == 0.002, f"fetch_order: {fetched}")
    open_orders = ex.fetch_open_orders(SYMBOL)
    expect([o["id"] for o in open_orders] == [order["id"]], f"fetch_open_orders: {open_orders}")
    cancelled = ex.cancel_order(order["id"], SYMBOL)
    expect(cancelled["status"] == "canceled", f"cancel_order: {cancelled}")
    expect(ex.fetch_order(order["id"], SYMBOL)["status"] == "canceled", "cancelled order not reported cancelled")

    market = ex.create_order(SYMBOL, "market", "buy", 0.002)
    expect(market["status"] == "closed" and market["filled"] == 0.002, f"market order: {market}")
    positions = [p for p in ex.fetch_positions([SYMBOL]) if p["contracts"]]
    expect(len(positions) == 1 and positions[0]["side"] == "long" and positions[0]["contracts"] == 0.002, f"positions: {positions}")
    balance = ex.fetch_balance()
    usdt = balance["USDT"]
    expect(usdt["total"] and usdt["total"] > 0 and usdt["free"] is not None, f"balance: {usdt}")
    trades = ex.fetch_my_trades(SYMBOL)
    expect(sum(t["amount"] for t in trades) == 0.002 and all(t["fee"]["cost"] > 0 for t in trades), f"trades: {trades}")
    print(f"binanceusdm private: order {order['id']} placed/queried/cancelled, market fill {market['average']}, "
          f"position {positions[0]['contracts']} {positions[0]['side']}, USDT total {usdt['total']}, {len(trades)} trade(s)")
    return 0


if __name__ == "__main__":
    run("binanceusdm private", main, 4, __doc__)
