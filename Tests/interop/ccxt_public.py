#!/usr/bin/env python3
"""Third-party client check: ccxt's binanceusdm, okx and bybit, pointed at the PropBot venue simulator,
must load markets, fetch a BTC/USDT:USDT order book and ticker exactly as they would from the real venues.

Usage: ccxt_public.py BINANCE_REST OKX_REST BYBIT_REST   (e.g. http://127.0.0.1:8801 ...)
Exits 0 when all three pass, 1 otherwise (2 when ccxt is not installed).
"""
import sys

try:
    import ccxt
except ImportError:
    print("ccxt is not installed: pip install ccxt", file=sys.stderr)
    sys.exit(2)

SYMBOL = "BTC/USDT:USDT"


def binance(base):
    ex = ccxt.binanceusdm({"timeout": 10000})
    # ccxt builds every fapi URL from these keys (see binance.py describe()['urls']['api']).
    api = ex.urls["api"]
    for key in list(api.keys()):
        if key.startswith("fapi"):
            suffix = api[key].split("fapi.binance.com", 1)[1]
            api[key] = base + suffix
    return ex


def okx(base):
    ex = ccxt.okx({"timeout": 10000})
    # okx.py: urls['api']['rest'] = 'https://{hostname}', hostname substituted in sign().
    ex.urls["api"]["rest"] = base
    return ex


def bybit(base):
    ex = ccxt.bybit({"timeout": 10000})
    # bybit.py: urls['api'] has spot/futures/v2/public/private = 'https://api.{hostname}'.
    for key in list(ex.urls["api"].keys()):
        ex.urls["api"][key] = base
    return ex


def check(name, ex):
    markets = ex.load_markets()
    if SYMBOL not in markets:
        raise AssertionError(f"{name}: {SYMBOL} missing from load_markets ({len(markets)} markets)")
    m = markets[SYMBOL]
    if not m.get("swap") or not m.get("linear") or m.get("settle") != "USDT":
        raise AssertionError(f"{name}: {SYMBOL} is not a linear USDT swap: {m}")
    book = ex.fetch_order_book(SYMBOL, 50 if name != "okx" else 400)
    bids, asks = book["bids"], book["asks"]
    if len(bids) < 20 or len(asks) < 20:
        raise AssertionError(f"{name}: book too thin: {len(bids)} bids, {len(asks)} asks")
    if not bids[0][0] < asks[0][0]:
        raise AssertionError(f"{name}: crossed book {bids[0]} / {asks[0]}")
    if any(bids[i][0] <= bids[i + 1][0] for i in range(len(bids) - 1)):
        raise AssertionError(f"{name}: bids not strictly descending")
    if any(asks[i][0] >= asks[i + 1][0] for i in range(len(asks) - 1)):
        raise AssertionError(f"{name}: asks not strictly ascending")
    ticker = ex.fetch_ticker(SYMBOL)
    # Binance's futures 24hr ticker carries no bid/ask (as on the real venue); all three carry `last`.
    if not ticker.get("last") or abs(ticker["last"] / bids[0][0] - 1) > 0.01:
        raise AssertionError(f"{name}: bad ticker {ticker}")
    if ticker.get("bid") is not None and not ticker["bid"] < ticker["ask"]:
        raise AssertionError(f"{name}: crossed ticker {ticker}")
    print(f"{name}: {len(markets)} markets, contractSize={m.get('contractSize')}, last {ticker['last']}, "
          f"best {bids[0][0]} / {asks[0][0]}, {len(bids)}x{len(asks)} levels")


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 1
    failed = False
    for name, make, base in (("binanceusdm", binance, argv[1]), ("okx", okx, argv[2]), ("bybit", bybit, argv[3])):
        try:
            check(name, make(base.rstrip("/")))
        except Exception as e:  # report every venue, then fail
            failed = True
            print(f"FAIL {name}: {type(e).__name__}: {e}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
