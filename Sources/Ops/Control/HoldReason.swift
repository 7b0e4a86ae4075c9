/// One active reason for HOLD: its code, details and who raised it when.
public struct HoldReason: Sendable, Hashable, Codable {
    /// What kind of reason.
    public var code: HoldCode
    /// Specifics in Russian (which venue, which limit, the operator's note); nil when the code says it all.
    public var detailRu: String?
    /// Who raised it: an operator name or `system`.
    public var raisedBy: String
    /// Wall-clock milliseconds when it was raised.
    public var sinceMs: Int64

    /// A reason.
    public init(code: HoldCode, detailRu: String? = nil, raisedBy: String = ControlActor.system.name, sinceMs: Int64) {
        self.code = code; self.detailRu = detailRu; self.raisedBy = raisedBy; self.sinceMs = sinceMs
    }

    /// Whether resuming past it needs two operators.
    public var isRed: Bool { code.isRed }

    /// `md_stale: рыночные данные устарели… (OKX: 4 с)`.
    public var textRu: String {
        "\(code.rawValue): \(code.textRu)" + (detailRu.map { " (\($0))" } ?? "")
    }

    enum CodingKeys: String, CodingKey {
        case code
        case detailRu = "detail_ru"
        case raisedBy = "raised_by"
        case sinceMs = "since_ms"
    }
}
