/// Why the bot is on HOLD. Red reasons (risk, recon, SLO, invariants, a finished KILL, a broken audit trail)
/// need two operators to resume (where the profile's policy says so); conditions are cleared by the runtime
/// when they recover, never by an operator.
public enum HoldCode: String, Sendable, Hashable, CaseIterable, Codable {
    /// Guarded startup: health, replay, reconciliation and clock checks have not all passed yet.
    case startup
    /// An operator put the bot on HOLD.
    case manual
    /// A risk limit tripped (daily loss, drawdown, unhedged exposure, kill cap).
    case risk
    /// Positions or balances differ from the venues.
    case recon
    /// An SLO breached its HOLD threshold.
    case slo
    /// The local clock is too far from the venues' clocks.
    case clockSkew = "clock_skew"
    /// An engine invariant does not hold.
    case invariant
    /// Market data stale or out of sequence on a venue.
    case mdStale = "md_stale"
    /// The SLO engine: market-data gaps (`ws_gap_ms_p95`) far over target for minutes on a venue. Its own code, so
    /// that neither this nor the staleness check can clear the other's HOLD.
    case mdGap = "md_gap"
    /// The leader lease was lost (another instance may trade).
    case leaderLost = "leader_lost"
    /// A KILL finished; positions were cancelled and flattened.
    case killed
    /// The audit log could not be written; no command may go unrecorded.
    case audit

    /// Red reasons are serious: resuming needs two operators (see `ApprovalPolicy`).
    public var isRed: Bool {
        switch self {
        case .risk, .recon, .slo, .invariant, .killed, .audit: true
        case .startup, .manual, .clockSkew, .mdStale, .mdGap, .leaderLost: false
        }
    }

    /// Conditions are measured by the runtime and cleared only when it reports them healthy again; an
    /// operator's resume is refused while one is active. The others are cleared by the resume itself.
    public var isCondition: Bool {
        switch self {
        case .startup, .clockSkew, .mdStale, .mdGap, .leaderLost: true
        case .manual, .risk, .recon, .slo, .invariant, .killed, .audit: false
        }
    }

    /// Russian explanation for the UI, Telegram and audit.
    public var textRu: String {
        switch self {
        case .startup: "запуск: ещё не пройдены проверки (рыночные данные, журнал, сверка, инварианты, часы)"
        case .manual: "HOLD включён оператором"
        case .risk: "сработал риск-лимит"
        case .recon: "расхождение сверки позиций/балансов с биржей"
        case .slo: "нарушен SLO"
        case .clockSkew: "расхождение часов с биржами выше допустимого"
        case .invariant: "нарушен инвариант движка"
        case .mdStale: "рыночные данные устарели или пропущены"
        case .mdGap: "SLO: паузы рыночных данных устойчиво выше цели"
        case .leaderLost: "потеряна аренда лидера (торговать может другой экземпляр)"
        case .killed: "выполнена аварийная остановка (KILL)"
        case .audit: "журнал аудита недоступен для записи"
        }
    }
}
