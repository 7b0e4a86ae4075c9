import BenchAllocCounter
import Foundation
import MarketData
import PropCore
import Venues

// propbot-bench depth --venue binance|okx|bybit --input depth_<tag>.jsonl --snapshot snapshot_<tag>.json
//                     [--expected expected_<tag>.json] [--runs 5] [--parse-only]
// propbot-bench convert --venue okx|bybit --input depth_<tag>.jsonl --snapshot snapshot_<tag>.json --out FILE
//
// propbot-bench tick-to-order [--iterations N]   (book update → both signed place requests, p50/p99 µs)
// propbot-bench sse-fanout [--clients 50] [--seconds 10]   (SSE events/s per client under demo load, tick-to-order with and without)
//
// `depth` prints one JSON line {"msgs_per_s","ns_per_msg","allocs_per_msg"} (median of the runs) and exits 1
// with a warning on stderr when the book does not match gen_depth.py's expected results. `--parse-only`
// times the codec alone (no book), to tell parser cost from book cost. OKX/Bybit runs
// convert the Binance stream in memory first (untimed) unless the input already is a converted file.

func option(_ args: [String], _ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("propbot-bench: " + message + "\n").utf8))
    exit(1)
}

func readBytes(_ path: String) -> [UInt8] {
    guard let d = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return [UInt8](d)
}

let args = Array(CommandLine.arguments.dropFirst())
if args.first == "journal" { JournalBench.main(args) }
if args.first == "roundtrip" { await RoundtripBench.main(args) }
if args.first == "tick-to-order" { TickToOrderBench.main(args) }
if args.first == "sse-fanout" { await SSEFanoutBench.main(args) }
guard let command = args.first, command == "depth" || command == "convert" else {
    fail("usage: propbot-bench depth --venue binance|okx|bybit --input FILE --snapshot FILE [--expected FILE] [--runs N]\n"
         + "       propbot-bench convert --venue okx|bybit --input FILE --snapshot FILE --out FILE")
}
guard let venue = Venue(rawValue: option(args, "--venue") ?? "binance") else { fail("unknown --venue") }
guard let inputPath = option(args, "--input") else { fail("--input is required") }
let snapshotPath = option(args, "--snapshot")

do {
    var input = try BenchInput(path: inputPath)
    guard !input.lines.isEmpty else { fail("empty input") }
    let isBinanceStream = input.bytes[input.lines[0]].starts(with: Array("{\"e\":\"depthUpdate\"".utf8))
    if venue != .binance, isBinanceStream {
        guard let snapshotPath else { fail("--snapshot is required to convert") }
        input = try DepthConverter.convert(venue: venue, binance: input, snapshot: readBytes(snapshotPath))
    }
    if command == "convert" {
        guard let out = option(args, "--out") else { fail("--out is required") }
        FileManager.default.createFile(atPath: out, contents: Data(input.bytes))
        exit(0)
    }
    let runs = max(1, Int(option(args, "--runs") ?? "5") ?? 5)
    let parseOnly = args.contains("--parse-only")
    var results: [DepthBench.Result] = []
    for _ in 0..<runs {
        switch venue {
        case .binance:
            guard let snapshotPath else { fail("--snapshot is required for binance") }
            let table = SymbolTable([SymbolSpec(nativeSymbol: "BTCUSDT", priceScale: 1, qtyScale: 3)])
            results.append(try DepthBench.run(BinanceCodec.self, table: table, input: input, snapshot: readBytes(snapshotPath), parseOnly: parseOnly))
        case .okx:
            let table = SymbolTable([SymbolSpec(nativeSymbol: "BTC-USDT-SWAP", priceScale: 1, qtyScale: 0)])
            results.append(try DepthBench.run(OKXCodec.self, table: table, input: input, snapshot: nil, parseOnly: parseOnly))
        case .bybit:
            let table = SymbolTable([SymbolSpec(nativeSymbol: "BTCUSDT", priceScale: 1, qtyScale: 3)])
            results.append(try DepthBench.run(BybitCodec.self, table: table, input: input, snapshot: nil, parseOnly: parseOnly))
        }
    }
    results.sort { $0.nanos < $1.nanos }
    let median = results[results.count / 2]
    let n = venue == .binance ? median.messages : median.messages - 1
    var ok = true
    if let expectedPath = option(args, "--expected") ?? BenchExpected.defaultPath(forInput: inputPath),
       FileManager.default.fileExists(atPath: expectedPath), !parseOnly {
        let e = try BenchExpected.load(expectedPath)
        let book = median.sync.book
        let bid = book.bestBidPrice.map { Price(units: $0.units, scale: 1).description } ?? "-"
        let ask = book.bestAskPrice.map { Price(units: $0.units, scale: 1).description } ?? "-"
        var problems: [String] = []
        if n != e.n { problems.append("messages \(n) != \(e.n)") }
        if median.sumPx != e.sum_best_px_ticks { problems.append("sum_best_px_ticks \(median.sumPx) != \(e.sum_best_px_ticks)") }
        if median.sumQty != e.sum_best_qty_lots { problems.append("sum_best_qty_lots \(median.sumQty) != \(e.sum_best_qty_lots)") }
        if book.bidCount != e.final_bid_levels || book.askCount != e.final_ask_levels {
            problems.append("levels \(book.bidCount)/\(book.askCount) != \(e.final_bid_levels)/\(e.final_ask_levels)")
        }
        if Price(e.final_best_bid, scale: 1)?.description != bid || Price(e.final_best_ask, scale: 1)?.description != ask {
            problems.append("final top \(bid)/\(ask) != \(e.final_best_bid)/\(e.final_best_ask)")
        }
        if !problems.isEmpty {
            FileHandle.standardError.write(Data(("propbot-bench: WARNING result mismatch: " + problems.joined(separator: "; ") + "\n").utf8))
            ok = false
        }
    } else {
        FileHandle.standardError.write(Data("propbot-bench: no expected file, correctness not checked\n".utf8))
    }
    let ns = Double(median.nanos) / Double(median.messages)
    let perSecond = Int((Double(median.messages) / (Double(median.nanos) / 1e9)).rounded())
    let allocs = Double(median.allocations) / Double(median.messages)
    print("{\"msgs_per_s\": \(perSecond), \"ns_per_msg\": \((ns * 10).rounded() / 10), \"allocs_per_msg\": \((allocs * 1000).rounded() / 1000)}")
    if bench_alloc_count_is_exact() == 0 {
        FileHandle.standardError.write(Data("propbot-bench: allocation count is approximate on this platform\n".utf8))
    }
    exit(ok ? 0 : 1)
} catch {
    fail("\(error)")
}
