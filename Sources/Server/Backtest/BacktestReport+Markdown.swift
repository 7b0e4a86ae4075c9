extension BacktestReport {
    /// `report.md`: the same figures for the operator, in Russian, without any timing (byte-identical for a seed).
    public func markdown() -> String {
        var lines: [String] = []
        lines.append("# Бэктест PropBot")
        lines.append("")
        lines.append("Сид: \(seed). Инструменты: \(instruments.joined(separator: ", ")).")
        lines.append("Смоделировано: \(simulatedSeconds) с рынка, событий рынка: \(events), битых кадров: \(malformedFrames), битых строк записи: \(malformedLines).")
        lines.append("")
        lines.append("## Итоги")
        lines.append("")
        lines.append("| Показатель | Значение |")
        lines.append("|---|---|")
        let rows: [(String, String)] = [
            ("Арбитражей открыто", "\(arbitrages)"),
            ("Арбитражей с исполнением", "\(arbitragesTraded)"),
            ("Ордеров отправлено", "\(orders)"),
            ("Сделок (fills)", "\(fills)"),
            ("Чистый PnL, USDT", netPnlUsdt),
            ("Валовый edge, USDT", grossEdgeUsdt),
            ("Комиссии, USDT", feesUsdt),
            ("Проскальзывание, USDT", slippageUsdt),
            ("Фандинг, USDT", fundingUsdt),
            ("Невязка PnL (портфель − сумма составляющих), USDT", pnlResidualUsdt),
            ("Доля прибыльных арбитражей", hitRate),
            ("Максимальная просадка, USDT", maxDrawdownUsdt),
            ("Непокрытая позиция, p99 длительности, с", unhedgedExposureP99S),
        ]
        for (name, value) in rows { lines.append("| \(name) | \(value) |") }
        lines.append("")
        lines.append("## Главные причины отказов")
        lines.append("")
        lines.append(contentsOf: Self.table(denials, limit: 10, header: "Причина (код)"))
        lines.append("")
        lines.append("## Отказы бирж")
        lines.append("")
        lines.append(contentsOf: Self.table(venueRejects, limit: 10, header: "Код"))
        lines.append("")
        lines.append("## Оповещения")
        lines.append("")
        lines.append(contentsOf: Self.table(alerts, limit: 10, header: "Код"))
        if !holds.isEmpty {
            lines.append("")
            lines.append("## HOLD")
            lines.append("")
            for h in holds { lines.append("- \(h)") }
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// Counts as a two-column table, largest first (ties by code), at most `limit` rows.
    static func table(_ counts: [String: Int], limit: Int, header: String) -> [String] {
        guard !counts.isEmpty else { return ["Нет."] }
        let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit)
        return ["| \(header) | Количество |", "|---|---|"] + sorted.map { "| \($0.key) | \($0.value) |" }
    }
}
