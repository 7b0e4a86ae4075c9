import PropCore

/// Throwing readers used by the venue codecs: each turns a scanner failure into a `VenueCodecError`
/// naming the field, the venue and (when known) the symbol slot.
extension JSONScanner {
    /// Classifies a failed read of the value starting at `start`.
    func valueFailure(at start: Int) -> VenueCodecError.Kind {
        if tooDeep { return .tooDeep }
        if start >= end || pos >= end { return .truncated }
        let c = bytes[start]
        if c == UInt8(ascii: "-") || (c >= 48 && c <= 57) { return .badNumber }
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "{") || c == UInt8(ascii: "[") || c == UInt8(ascii: "t")
            || c == UInt8(ascii: "f") || c == UInt8(ascii: "n") { return .wrongType }
        return .notJSON
    }

    /// Reads a JSON integer or throws.
    @inline(__always)
    mutating func int(_ field: String, _ venue: Venue, _ slot: Int?) throws(VenueCodecError) -> Int64 {
        skipWhitespace()
        let start = pos
        if let v = readInt() { return v }
        throw VenueCodecError(valueFailure(at: start), field: field, venue: venue, slot: slot)
    }

    /// Reads an integer sent as a number or a digit string, or throws.
    mutating func intOrQuoted(_ field: String, _ venue: Venue, _ slot: Int?) throws(VenueCodecError) -> Int64 {
        skipWhitespace()
        let start = pos
        if let v = readIntOrQuotedInt() { return v }
        var k = valueFailure(at: start)
        if k == .wrongType, start < end, bytes[start] == UInt8(ascii: "\"") { k = .badNumber }
        throw VenueCodecError(k, field: field, venue: venue, slot: slot)
    }

    /// Like `intOrQuoted` but an empty string or `null` reads as `nil` (OKX `nextFundingTime: ""`).
    mutating func optionalIntOrQuoted(_ field: String, _ venue: Venue, _ slot: Int?) throws(VenueCodecError) -> Int64? {
        let c = peek()
        if c == UInt8(ascii: "n") { if readNull() { return nil } }
        if c == UInt8(ascii: "\""), pos + 1 < end, bytes[pos + 1] == UInt8(ascii: "\"") { pos += 2; return nil }
        return try intOrQuoted(field, venue, slot)
    }

    /// Reads a string span or throws.
    @inline(__always)
    mutating func str(_ field: String, _ venue: Venue, _ slot: Int?) throws(VenueCodecError) -> Span {
        skipWhitespace()
        let start = pos
        if let s = readString() { return s }
        throw VenueCodecError(valueFailure(at: start), field: field, venue: venue, slot: slot)
    }

    /// Reads a bool or throws.
    mutating func bool(_ field: String, _ venue: Venue, _ slot: Int?) throws(VenueCodecError) -> Bool {
        skipWhitespace()
        let start = pos
        if let b = readBool() { return b }
        throw VenueCodecError(valueFailure(at: start), field: field, venue: venue, slot: slot)
    }

    /// Skips a value or throws.
    @inline(__always)
    mutating func skip(_ field: String, _ venue: Venue, _ slot: Int?) throws(VenueCodecError) {
        skipWhitespace()
        let start = pos
        if skipValue() { return }
        throw VenueCodecError(valueFailure(at: start), field: field, venue: venue, slot: slot)
    }

    /// Captures a value's span or throws.
    @inline(__always)
    mutating func capture(_ field: String, _ venue: Venue, _ slot: Int?) throws(VenueCodecError) -> Span {
        skipWhitespace()
        let start = pos
        if let s = captureValue() { return s }
        throw VenueCodecError(valueFailure(at: start), field: field, venue: venue, slot: slot)
    }

    /// Reads a decimal string at `scale` or throws.
    mutating func decimal(scale: Int, _ field: String, _ venue: Venue, _ slot: Int?) throws(VenueCodecError) -> Int64 {
        skipWhitespace()
        let start = pos
        switch readDecimal(scale: scale) {
        case .success(let v): return v
        case .failure(let k):
            throw VenueCodecError(k == .wrongType ? valueFailure(at: start) : k, field: field, venue: venue, slot: slot)
        }
    }

    /// Reads a price at `scale` that must be positive.
    mutating func price(scale: Int, _ field: String, _ venue: Venue, _ slot: Int?) throws(VenueCodecError) -> Price {
        let v = try decimal(scale: scale, field, venue, slot)
        guard v > 0 else { throw VenueCodecError(.negative, field: field, venue: venue, slot: slot) }
        return Price(units: v, scale: scale)
    }

    /// Reads a quantity at `scale` that must not be negative.
    mutating func qty(scale: Int, _ field: String, _ venue: Venue, _ slot: Int?) throws(VenueCodecError) -> Qty {
        let v = try decimal(scale: scale, field, venue, slot)
        guard v >= 0 else { throw VenueCodecError(.negative, field: field, venue: venue, slot: slot) }
        return Qty(units: v, scale: scale)
    }

    /// Reads a decimal string at its own scale; `""` or `null` read as `nil` (venues send empty strings
    /// for funding fields of instruments without funding).
    mutating func natural(_ field: String, _ venue: Venue, _ slot: Int?) throws(VenueCodecError) -> (units: Int64, scale: Int)? {
        let c = peek()
        if c == UInt8(ascii: "n") { if readNull() { return nil } }
        if c == UInt8(ascii: "\""), pos + 1 < end, bytes[pos + 1] == UInt8(ascii: "\"") { pos += 2; return nil }
        let start = pos
        switch readNaturalDecimal() {
        case .success(let v): return v
        case .failure(let k):
            throw VenueCodecError(k == .wrongType ? valueFailure(at: start) : k, field: field, venue: venue, slot: slot)
        }
    }

    /// Reads a level array into `out` or throws, naming `field[].price` / `field[].qty`.
    @inline(__always)
    mutating func levels(priceScale: Int, qtyScale: Int, into out: inout [BookLevel],
                         _ field: String, _ venue: Venue, _ slot: Int?) throws(VenueCodecError) {
        skipWhitespace()
        let start = pos
        guard let failure = readLevels(priceScale: priceScale, qtyScale: qtyScale, into: &out) else { return }
        switch failure {
        case .syntax:
            let k: VenueCodecError.Kind = pos >= end ? .truncated : (start < end && bytes[start] != UInt8(ascii: "[") ? .wrongType : .notJSON)
            throw VenueCodecError(k, field: field, venue: venue, slot: slot)
        case .price(let k): throw VenueCodecError(k, field: field + "[].price", venue: venue, slot: slot)
        case .qty(let k): throw VenueCodecError(k, field: field + "[].qty", venue: venue, slot: slot)
        }
    }

    /// A scanner positioned at `span.start` of the same frame, to read a value captured earlier.
    func rewound(to span: Span) -> JSONScanner {
        var s = self
        s.pos = span.start
        s.tooDeep = false
        return s
    }

    /// Steps to the next member or throws.
    @inline(__always)
    mutating func member(_ first: inout Bool, _ field: String, _ venue: Venue, _ slot: Int?) throws(VenueCodecError) -> Span? {
        switch nextMember(&first) {
        case .key(let k): return k
        case .end: return nil
        case .failure: throw VenueCodecError(failureKind(), field: field, venue: venue, slot: slot)
        }
    }

    /// Enters an object or throws.
    @inline(__always)
    mutating func object(_ field: String, _ venue: Venue, _ slot: Int?) throws(VenueCodecError) {
        skipWhitespace()
        let start = pos
        if beginObject() { return }
        throw VenueCodecError(valueFailure(at: start) == .truncated ? .truncated : (start < end && bytes[start] == UInt8(ascii: "[") || start < end && bytes[start] == UInt8(ascii: "\"") ? .wrongType : .notJSON), field: field, venue: venue, slot: slot)
    }
}

extension JSONScanner {
    /// Runs `body` over the bytes of `array` with typed throws (the standard `withUnsafeBytes` only rethrows
    /// untyped errors).
    static func withBytes<T>(_ array: [UInt8], _ body: (UnsafeRawBufferPointer) throws(VenueCodecError) -> T) throws(VenueCodecError) -> T {
        let result: Result<T, VenueCodecError> = array.withUnsafeBytes { raw in
            Result { () throws(VenueCodecError) -> T in try body(raw) }
        }
        return try result.get()
    }
}
