// Same-run C++ baseline for `propbot-bench depth --venue binance`.
//
// A faithful re-creation of the reference named in /work/shared/bench/README.md: "hand-written C++ parser +
// flat price-indexed array book (-O2)". It exists so every benchmark run can report PropBot as a RATIO
// against a baseline measured on the same (shared, noisy) machine in the same minute.
//
// Build:  g++ -O2 -std=c++17 -o depth_baseline depth_baseline.cpp
// Run:    depth_baseline --input depth_<tag>.jsonl --snapshot snapshot_<tag>.json
//                        [--expected expected_<tag>.json] [--runs N]
//
// Untimed: reading the three files into memory and applying the REST snapshot (PropBot does the same).
// Timed, per frame: hand-written scan of the raw JSON (keys in any order, unknown keys skipped), quoted
// decimals -> int64 fixed point (price scale 2, qty scale 3), Binance USD-M continuity check (first diff
// straddles lastUpdateId, afterwards pu == previous u), apply to a flat price-indexed array book (best level
// tracked, re-found by a scan when deleted), read best bid/ask and accumulate checksums. Finding the end of
// each frame is found by the timed scan itself — nothing about the frames is precomputed.
//
// Prints one JSON line {"impl":"cpp-baseline","msgs_per_s":N,"ns_per_msg":N} (median of the runs) and exits 1
// with a message on stderr when the checksums do not match gen_depth.py's expected_<tag>.json.

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr int kPriceScale = 2;     // "65000.10"
constexpr int kQtyScale = 3;       // "1.234"
constexpr int64_t kTickUnits = 10; // tick 0.1 at price scale 2

bool readFile(const char* path, std::string& out) {
    FILE* f = std::fopen(path, "rb");
    if (!f) return false;
    std::fseek(f, 0, SEEK_END);
    long size = std::ftell(f);
    std::fseek(f, 0, SEEK_SET);
    if (size < 0) { std::fclose(f); return false; }
    out.resize(static_cast<size_t>(size));
    size_t got = size > 0 ? std::fread(&out[0], 1, static_cast<size_t>(size), f) : 0;
    std::fclose(f);
    return got == static_cast<size_t>(size);
}

struct Level {
    int64_t px; // price units at kPriceScale
    int64_t qty; // qty units at kQtyScale
};

// One decoded depth frame; the level vectors are reused across frames so the hot loop does not allocate.
struct Frame {
    int64_t E = 0, T = 0, U = 0, u = 0, pu = 0;
    bool hasU = false, hasu = false, haspu = false, isDepth = false;
    std::vector<Level> bids, asks;
};

// Hand-written scanner over one JSON text. Every function returns false on malformed input.
struct Scanner {
    const char* p;
    const char* end;

    void ws() {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r')) ++p;
    }
    bool expect(char c) {
        ws();
        if (p >= end || *p != c) return false;
        ++p;
        return true;
    }
    // Key or plain string without escapes (all Binance depth strings are plain); returns [b, e).
    bool str(const char*& b, const char*& e) {
        if (!expect('"')) return false;
        b = p;
        while (p < end && *p != '"') {
            if (*p == '\\') return false;
            ++p;
        }
        if (p >= end) return false;
        e = p++;
        return true;
    }
    bool integer(int64_t& out) {
        ws();
        bool neg = false;
        if (p < end && *p == '-') { neg = true; ++p; }
        if (p >= end || static_cast<unsigned>(*p - '0') > 9) return false;
        uint64_t v = 0;
        int digits = 0;
        while (p < end && static_cast<unsigned>(*p - '0') <= 9) {
            v = v * 10 + static_cast<unsigned>(*p - '0');
            ++p;
            if (++digits > 18) return false;
        }
        out = neg ? -static_cast<int64_t>(v) : static_cast<int64_t>(v);
        return true;
    }
    // Quoted decimal "123.45" -> int64 units at `scale`; extra fraction digits must be zeros (exact).
    bool decimal(int scale, int64_t& out) {
        if (!expect('"')) return false;
        uint64_t v = 0;
        int digits = 0;
        if (p >= end || static_cast<unsigned>(*p - '0') > 9) return false;
        while (p < end && static_cast<unsigned>(*p - '0') <= 9) {
            v = v * 10 + static_cast<unsigned>(*p - '0');
            ++p;
            if (++digits > 15) return false;
        }
        int frac = 0;
        if (p < end && *p == '.') {
            ++p;
            while (p < end && static_cast<unsigned>(*p - '0') <= 9) {
                if (frac < scale) {
                    v = v * 10 + static_cast<unsigned>(*p - '0');
                    ++frac;
                } else if (*p != '0') {
                    return false; // finer than the instrument's scale: not representable exactly
                }
                ++p;
            }
        }
        for (; frac < scale; ++frac) v *= 10;
        if (p >= end || *p != '"') return false;
        ++p;
        out = static_cast<int64_t>(v);
        return true;
    }
    // [["px","qty"],...] into `out` (cleared first).
    bool levels(std::vector<Level>& out) {
        out.clear();
        if (!expect('[')) return false;
        ws();
        if (p < end && *p == ']') { ++p; return true; }
        for (;;) {
            Level l;
            if (!expect('[') || !decimal(kPriceScale, l.px) || !expect(',') || !decimal(kQtyScale, l.qty) || !expect(']'))
                return false;
            out.push_back(l);
            ws();
            if (p >= end) return false;
            if (*p == ',') { ++p; continue; }
            if (*p == ']') { ++p; return true; }
            return false;
        }
    }
    // Skips any JSON value (for keys this consumer does not need).
    bool skipValue() {
        ws();
        if (p >= end) return false;
        char c = *p;
        if (c == '"') { const char *b, *e; return str(b, e); }
        if (c == '{' || c == '[') {
            int depth = 0;
            bool inStr = false;
            for (; p < end; ++p) {
                char d = *p;
                if (inStr) {
                    if (d == '\\') ++p;
                    else if (d == '"') inStr = false;
                } else if (d == '"') inStr = true;
                else if (d == '{' || d == '[') ++depth;
                else if (d == '}' || d == ']') {
                    if (--depth == 0) { ++p; return true; }
                }
            }
            return false;
        }
        while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != '\n') ++p;
        return true;
    }
};

// Parses one depthUpdate object starting at s.p; leaves s.p just past the closing '}'.
bool parseFrame(Scanner& s, Frame& f) {
    f.hasU = f.hasu = f.haspu = f.isDepth = false;
    f.bids.clear();
    f.asks.clear();
    if (!s.expect('{')) return false;
    s.ws();
    if (s.p < s.end && *s.p == '}') { ++s.p; return true; }
    for (;;) {
        const char *kb, *ke;
        if (!s.str(kb, ke) || !s.expect(':')) return false;
        size_t kl = static_cast<size_t>(ke - kb);
        bool ok;
        if (kl == 1) {
            switch (*kb) {
            case 'e': {
                const char *vb, *ve;
                ok = s.str(vb, ve);
                f.isDepth = ok && ve - vb == 11 && std::memcmp(vb, "depthUpdate", 11) == 0;
                break;
            }
            case 'E': ok = s.integer(f.E); break;
            case 'T': ok = s.integer(f.T); break;
            case 's': {
                const char *vb, *ve;
                ok = s.str(vb, ve) && ve - vb == 7 && std::memcmp(vb, "BTCUSDT", 7) == 0;
                break;
            }
            case 'U': ok = s.integer(f.U); f.hasU = ok; break;
            case 'u': ok = s.integer(f.u); f.hasu = ok; break;
            case 'b': ok = s.levels(f.bids); break;
            case 'a': ok = s.levels(f.asks); break;
            default: ok = s.skipValue();
            }
        } else if (kl == 2 && kb[0] == 'p' && kb[1] == 'u') {
            ok = s.integer(f.pu);
            f.haspu = ok;
        } else {
            ok = s.skipValue();
        }
        if (!ok) return false;
        s.ws();
        if (s.p >= s.end) return false;
        if (*s.p == ',') { ++s.p; continue; }
        if (*s.p == '}') { ++s.p; return f.isDepth && f.hasU && f.hasu && f.haspu; }
        return false;
    }
}

// One side of the book: quantities in a flat array indexed by price tick, with the best index tracked.
// The window grows (re-centred) when a price falls outside it, so any price walk stays correct.
struct BookSide {
    bool isBid;
    std::vector<int64_t> qty;
    int64_t base = 0; // tick of qty[0]
    int64_t best = -1; // index of the best level, -1 when empty
    int64_t count = 0;

    explicit BookSide(bool bid) : isBid(bid) {}

    void grow(int64_t tick) {
        int64_t size = static_cast<int64_t>(qty.size());
        int64_t lo = std::min(base, tick), hi = std::max(base + size - 1, tick);
        int64_t span = hi - lo + 1;
        int64_t newSize = std::max<int64_t>(span * 2, 4096);
        int64_t newBase = lo - (newSize - span) / 2;
        std::vector<int64_t> n(static_cast<size_t>(newSize), 0);
        if (size > 0) std::copy(qty.begin(), qty.end(), n.begin() + (base - newBase));
        if (best >= 0) best += base - newBase;
        qty.swap(n);
        base = newBase;
    }

    void set(int64_t tick, int64_t q) {
        int64_t i = tick - base;
        if (i < 0 || i >= static_cast<int64_t>(qty.size())) {
            if (q == 0) return; // deleting a level that cannot exist
            grow(tick);
            i = tick - base;
        }
        int64_t& slot = qty[static_cast<size_t>(i)];
        if (q == 0) {
            if (slot == 0) return;
            slot = 0;
            --count;
            if (i == best) rescan();
            return;
        }
        if (slot == 0) ++count;
        slot = q;
        if (best < 0 || (isBid ? i > best : i < best)) best = i;
    }

    void rescan() {
        if (count == 0) { best = -1; return; }
        const int64_t* d = qty.data();
        int64_t i = best;
        if (isBid) {
            while (i >= 0 && d[i] == 0) --i;
        } else {
            int64_t n = static_cast<int64_t>(qty.size());
            while (i < n && d[i] == 0) ++i;
            if (i >= n) i = -1;
        }
        best = i;
    }

    int64_t bestTick() const { return base + best; }
    int64_t bestQty() const { return qty[static_cast<size_t>(best)]; }
};

struct Book {
    BookSide bids{true}, asks{false};
};

bool applyLevels(BookSide& side, const std::vector<Level>& levels) {
    for (const Level& l : levels) {
        if (l.px % kTickUnits != 0) return false; // off the tick grid
        side.set(l.px / kTickUnits, l.qty);
    }
    return true;
}

struct Expected {
    int64_t n = -1, sumPx = -1, sumQty = -1, bidLevels = -1, askLevels = -1, bestBid = -1, bestAsk = -1;
};

// expected_<tag>.json is gen_depth.py's own flat object; find each key and read its value.
bool expectedInt(const std::string& text, const char* key, int64_t& out) {
    std::string k = std::string("\"") + key + "\"";
    size_t at = text.find(k);
    if (at == std::string::npos) return false;
    Scanner s{text.data() + at + k.size(), text.data() + text.size()};
    s.ws();
    while (s.p < s.end && (*s.p == '\n' || *s.p == ' ')) ++s.p;
    if (!s.expect(':')) return false;
    while (s.p < s.end && (*s.p == '\n' || *s.p == ' ')) ++s.p;
    if (s.p < s.end && *s.p == '"') return s.decimal(kPriceScale, out);
    return s.integer(out);
}

struct RunResult {
    int64_t nanos = 0, messages = 0, sumPx = 0, sumQty = 0;
    int64_t bidLevels = 0, askLevels = 0, bestBid = 0, bestAsk = 0;
    std::string error;
};

RunResult runOnce(const std::string& frames, const std::string& snapshot) {
    RunResult r;
    Book book;
    // Snapshot (untimed, like PropBot's bench): {"lastUpdateId":..,"E":..,"T":..,"bids":[..],"asks":[..]}
    int64_t lastUpdateId = -1;
    {
        Scanner s{snapshot.data(), snapshot.data() + snapshot.size()};
        std::vector<Level> levels;
        levels.reserve(4096);
        if (!s.expect('{')) { r.error = "snapshot: not an object"; return r; }
        for (;;) {
            const char *kb, *ke;
            if (!s.str(kb, ke) || !s.expect(':')) { r.error = "snapshot: bad key"; return r; }
            std::string key(kb, ke);
            bool ok;
            if (key == "lastUpdateId") ok = s.integer(lastUpdateId);
            else if (key == "bids") ok = s.levels(levels) && applyLevels(book.bids, levels);
            else if (key == "asks") ok = s.levels(levels) && applyLevels(book.asks, levels);
            else ok = s.skipValue();
            if (!ok) { r.error = "snapshot: bad value for " + key; return r; }
            s.ws();
            if (s.p < s.end && *s.p == ',') { ++s.p; continue; }
            if (s.p < s.end && *s.p == '}') break;
            r.error = "snapshot: malformed";
            return r;
        }
        if (lastUpdateId < 0) { r.error = "snapshot: no lastUpdateId"; return r; }
    }

    Frame f;
    f.bids.reserve(64);
    f.asks.reserve(64);
    bool synced = false;
    int64_t prevU = 0;
    int64_t sumPx = 0, sumQty = 0, messages = 0, failures = 0;
    const char* p = frames.data();
    const char* end = p + frames.size();

    auto t0 = std::chrono::steady_clock::now();
    while (p < end) {
        if (*p == '\n') { ++p; continue; }
        // The scanner itself finds the end of the frame (no separate newline pass); the frame must end its line.
        Scanner s{p, end};
        ++messages;
        bool ok = parseFrame(s, f);
        s.ws();
        if (!ok || (s.p < end && *s.p != '\n')) {
            const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
            p = nl ? nl + 1 : end;
            ++failures;
            continue;
        }
        p = s.p;
        // Binance USD-M continuity.
        if (!synced) {
            if (f.u < lastUpdateId) continue; // older than the snapshot: drop
            if (f.U > lastUpdateId) { ++failures; continue; } // gap before the snapshot: would resync
            synced = true;
        } else if (f.pu != prevU) {
            ++failures; // gap: a real client would resync here
            continue;
        }
        prevU = f.u;
        if (!applyLevels(book.bids, f.bids) || !applyLevels(book.asks, f.asks)) { ++failures; continue; }
        if (book.bids.best >= 0 && book.asks.best >= 0) {
            sumPx += book.bids.bestTick() + book.asks.bestTick();
            sumQty += book.bids.bestQty() + book.asks.bestQty();
        }
    }
    auto t1 = std::chrono::steady_clock::now();

    r.nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count();
    r.messages = messages;
    r.sumPx = sumPx;
    r.sumQty = sumQty;
    r.bidLevels = book.bids.count;
    r.askLevels = book.asks.count;
    r.bestBid = book.bids.best >= 0 ? book.bids.bestTick() * kTickUnits : -1;
    r.bestAsk = book.asks.best >= 0 ? book.asks.bestTick() * kTickUnits : -1;
    if (failures) r.error = std::to_string(failures) + " frames failed to parse or apply";
    return r;
}

const char* option(int argc, char** argv, const char* name) {
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0) return argv[i + 1];
    return nullptr;
}

} // namespace

int main(int argc, char** argv) {
    const char* input = option(argc, argv, "--input");
    const char* snapshotPath = option(argc, argv, "--snapshot");
    if (!input || !snapshotPath) {
        std::fprintf(stderr, "usage: depth_baseline --input depth_<tag>.jsonl --snapshot snapshot_<tag>.json "
                             "[--expected expected_<tag>.json] [--runs N]\n");
        return 2;
    }
    std::string expectedPath;
    if (const char* e = option(argc, argv, "--expected")) {
        expectedPath = e;
    } else { // .../depth_<tag>.jsonl -> .../expected_<tag>.json
        std::string in = input;
        size_t slash = in.rfind('/');
        size_t nameAt = slash == std::string::npos ? 0 : slash + 1;
        if (in.compare(nameAt, 6, "depth_") == 0 && in.size() > 6 && in.compare(in.size() - 6, 6, ".jsonl") == 0)
            expectedPath = in.substr(0, nameAt) + "expected_" + in.substr(nameAt + 6, in.size() - nameAt - 12) + ".json";
    }
    int runs = 1;
    if (const char* n = option(argc, argv, "--runs")) runs = std::max(1, std::atoi(n));

    std::string frames, snapshot, expectedText;
    if (!readFile(input, frames)) { std::fprintf(stderr, "depth_baseline: cannot read %s\n", input); return 2; }
    if (!readFile(snapshotPath, snapshot)) { std::fprintf(stderr, "depth_baseline: cannot read %s\n", snapshotPath); return 2; }

    std::vector<RunResult> results;
    for (int i = 0; i < runs; ++i) {
        results.push_back(runOnce(frames, snapshot));
        if (!results.back().error.empty()) {
            std::fprintf(stderr, "depth_baseline: %s\n", results.back().error.c_str());
            return 1;
        }
    }
    std::sort(results.begin(), results.end(), [](const RunResult& a, const RunResult& b) { return a.nanos < b.nanos; });
    const RunResult& m = results[results.size() / 2];

    bool ok = true;
    if (!expectedPath.empty() && readFile(expectedPath.c_str(), expectedText)) {
        Expected e;
        bool read = expectedInt(expectedText, "n", e.n) && expectedInt(expectedText, "sum_best_px_ticks", e.sumPx) &&
                    expectedInt(expectedText, "sum_best_qty_lots", e.sumQty) &&
                    expectedInt(expectedText, "final_bid_levels", e.bidLevels) &&
                    expectedInt(expectedText, "final_ask_levels", e.askLevels) &&
                    expectedInt(expectedText, "final_best_bid", e.bestBid) &&
                    expectedInt(expectedText, "final_best_ask", e.bestAsk);
        if (!read) {
            std::fprintf(stderr, "depth_baseline: cannot read %s\n", expectedPath.c_str());
            ok = false;
        } else {
            auto check = [&](const char* what, int64_t got, int64_t want) {
                if (got != want) {
                    std::fprintf(stderr, "depth_baseline: MISMATCH %s %" PRId64 " != expected %" PRId64 "\n", what, got, want);
                    ok = false;
                }
            };
            check("messages", m.messages, e.n);
            check("sum_best_px_ticks", m.sumPx, e.sumPx);
            check("sum_best_qty_lots", m.sumQty, e.sumQty);
            check("final_bid_levels", m.bidLevels, e.bidLevels);
            check("final_ask_levels", m.askLevels, e.askLevels);
            check("final_best_bid", m.bestBid, e.bestBid);
            check("final_best_ask", m.bestAsk, e.bestAsk);
        }
    } else {
        std::fprintf(stderr, "depth_baseline: no expected file, correctness not checked\n");
    }

    double ns = static_cast<double>(m.nanos) / static_cast<double>(m.messages);
    long long perSecond = static_cast<long long>(static_cast<double>(m.messages) * 1e9 / static_cast<double>(m.nanos) + 0.5);
    std::printf("{\"impl\":\"cpp-baseline\",\"msgs_per_s\":%lld,\"ns_per_msg\":%.1f}\n", perSecond, ns);
    return ok ? 0 : 1;
}
