public import PropCore

extension ReadinessBuilder {
    /// The readiness from `CommandService.snapshot()`.
    public func build(control: ControlSnapshot, health: HealthRegistry, slo: SLOReport, leader: LeaderInfo,
                      venueHalt: Set<Venue> = [], atMs: Int64) -> LiveReadiness {
        build(state: control.state, holdReasons: control.holdReasons, health: health, slo: slo, leader: leader,
              venueHalt: venueHalt, atMs: atMs)
    }
}
