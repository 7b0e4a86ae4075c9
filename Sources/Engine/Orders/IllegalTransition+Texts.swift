import PropCore

/// The Russian operator texts for every refused event, in one place so they read alike.
extension IllegalTransition {
    static func reportMismatch(_ o: TrackedOrder, _ e: OrderEvent, field: String, expected: String, got: String) -> Self {
        Self(clientOrderId: o.clientOrderId, state: o.state, event: e.name, code: "order_event_mismatch",
             reasonRu: "Заказ \(o.clientOrderId): событие биржи не совпадает с заявкой (поле \(field): ожидалось \(expected), пришло \(got)); событие отброшено. Проверьте, не использует ли этот client order id другой клиент на том же счёте.")
    }

    static func overfillReported(_ o: TrackedOrder, _ e: OrderEvent, filled: Qty) -> Self {
        Self(clientOrderId: o.clientOrderId, state: o.state, event: e.name, code: "order_overfill_reported",
             reasonRu: "Заказ \(o.clientOrderId): биржа сообщила исполненный объём filledQty=\(filled) больше объёма заявки qty=\(o.request.qty) или меньше нуля; отчёт отброшен. Остановите торговлю (HOLD) и сверьте позицию на бирже.")
    }

    static func overfillBooked(_ o: TrackedOrder, _ e: OrderEvent) -> Self {
        Self(clientOrderId: o.clientOrderId, state: o.state, event: e.name, code: "order_overfill",
             reasonRu: "Заказ \(o.clientOrderId): сумма сделок filledQty=\(o.filledQty) превысила объём заявки qty=\(o.request.qty); сделка учтена (деньги уже двигались). Остановите торговлю (HOLD) и сверьте позицию на бирже.")
    }

    static func invalidFill(_ o: TrackedOrder, _ f: FillReport) -> Self {
        Self(clientOrderId: o.clientOrderId, state: o.state, event: "fill", code: "order_fill_invalid",
             reasonRu: "Заказ \(o.clientOrderId): сделка tradeId=\(f.tradeId) с количеством qty=\(f.qty) (должно быть больше нуля); сделка отброшена. Это ошибка разбора ответа биржи — сообщите разработчикам и сверьте сделки запросом.")
    }

    static func regressedAfterFinal(_ o: TrackedOrder, _ r: OrderReport) -> Self {
        Self(clientOrderId: o.clientOrderId, state: o.state, event: "report_\(r.status.rawValue)", code: "order_regressed_after_final",
             reasonRu: "Заказ \(o.clientOrderId): после финального состояния \(o.state.rawValue) биржа прислала более новый статус \(r.status.rawValue) (поле updateMs=\(r.updateMs), исполнено \(r.filledQty)); событие отброшено. Запросите заказ на бирже (сверка) до продолжения торговли.")
    }

    static func finalConflict(_ o: TrackedOrder, _ r: OrderReport) -> Self {
        Self(clientOrderId: o.clientOrderId, state: o.state, event: "report_\(r.status.rawValue)", code: "order_final_conflict",
             reasonRu: "Заказ \(o.clientOrderId): биржа сообщила финальный статус \(r.status.rawValue) (поле status), хотя заказ уже \(o.state.rawValue); событие отброшено. Сверьте заказ и позицию на бирже.")
    }

    static func placeAnswerConflict(_ o: TrackedOrder, _ e: OrderEvent) -> Self {
        Self(clientOrderId: o.clientOrderId, state: o.state, event: e.name, code: "order_place_answer_conflict",
             reasonRu: "Заказ \(o.clientOrderId): ответ на выставление (\(e.name)) пришёл, когда биржа уже сообщила состояние \(o.state.rawValue); ответ отброшен, состояние по данным биржи сохранено. Проверьте заказ запросом по client order id.")
    }

    static func resendNotAllowed(_ o: TrackedOrder) -> Self {
        Self(clientOrderId: o.clientOrderId, state: o.state, event: "resent", code: "order_resend_not_allowed",
             reasonRu: "Заказ \(o.clientOrderId): повторная отправка возможна только для заказа в состоянии sent или unknown, а он \(o.state.rawValue); повтор не выполнен. Это ошибка исполнителя — сообщите разработчикам.")
    }
}
