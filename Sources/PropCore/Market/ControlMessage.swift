/// A non-market frame on a public stream: subscription acks, heartbeat replies, venue errors and notices.
public enum ControlMessage: Sendable, Hashable {
    /// A subscription was confirmed; the text is the channel/topic when the venue names it.
    case subscribed(String)
    /// An unsubscription was confirmed.
    case unsubscribed(String)
    /// Reply to our heartbeat.
    case pong
    /// The venue reported an error on the stream (venue code and text as sent).
    case error(code: String, message: String)
    /// Any other event the venue sends (OKX `notice`, `login`, Bybit `auth`), by its name.
    case info(String)
}
