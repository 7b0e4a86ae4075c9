import PropCore

extension OrderState {
    /// How far along the life cycle a state is; a venue event never moves an order to a lower value.
    /// `sent` and `unknown` share a step: both mean "the venue may or may not have it".
    var progress: Int {
        switch self {
        case .new: 0
        case .sent, .unknown: 1
        case .acked: 2
        case .partiallyFilled: 3
        case .filled, .canceled, .rejected, .expired: 4
        }
    }

    /// The state a venue order status maps to (statuses and states share names).
    init(_ status: VenueOrderStatus) {
        switch status {
        case .new: self = .acked
        case .partiallyFilled: self = .partiallyFilled
        case .filled: self = .filled
        case .canceled: self = .canceled
        case .rejected: self = .rejected
        case .expired: self = .expired
        }
    }
}
