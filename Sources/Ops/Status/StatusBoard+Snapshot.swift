extension StatusBoard {
    /// `GET /api/ui/status/overview` from `CommandService.snapshot()`.
    public func overview(health: HealthRegistry, slo: SLOReport, control: ControlSnapshot, atMs: Int64,
                         group: ComponentGroup? = nil) -> StatusOverview {
        overview(health: health, slo: slo, state: control.state, holdReasons: control.holdReasons, atMs: atMs, group: group)
    }

    /// `GET /api/ui/status/components` from `CommandService.snapshot()`.
    public func componentsPage(health: HealthRegistry, control: ControlSnapshot, atMs: Int64,
                               group: ComponentGroup? = nil) -> StatusComponentsPage {
        componentsPage(health: health, state: control.state, holdReasons: control.holdReasons, atMs: atMs, group: group)
    }
}
