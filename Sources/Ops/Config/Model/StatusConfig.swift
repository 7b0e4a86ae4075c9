/// The profile's `status:` section: which SLO targets apply and overrides of `configs/status_thresholds.yaml`.
public struct StatusConfig: Sendable, Equatable, Encodable {
    /// Laptop or VPS targets (RG-5).
    public var site: SLOSite
    /// Thresholds file; nil means `configs/status_thresholds.yaml`, and built-in defaults if that is absent.
    public var thresholdsFile: String?
    /// Values the profile sets on top of the file.
    public var overrides: StatusOverrides

    /// A section.
    public init(site: SLOSite = .local, thresholdsFile: String? = nil, overrides: StatusOverrides = .none) {
        self.site = site; self.thresholdsFile = thresholdsFile; self.overrides = overrides
    }

    enum CodingKeys: String, CodingKey {
        case site
        case thresholdsFile = "thresholds_file"
        case overrides
    }
}
