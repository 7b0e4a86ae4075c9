import Engine
import Testing

@Suite struct OrderStateTests {
    @Test func finalStatesAreExactlyTheFourTerminalOnes() {
        #expect(Set(OrderState.allCases.filter(\.isFinal)) == [.filled, .canceled, .rejected, .expired])
    }
}
