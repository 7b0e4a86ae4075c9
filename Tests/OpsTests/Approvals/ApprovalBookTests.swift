import PropCore
import Testing
@testable import Ops

@Suite struct ApprovalBookTests {
    static let ivan = Principal(name: "ivan", role: .operator)
    static let olga = Principal(name: "olga", role: .operator)
    static let vera = Principal(name: "vera", role: .viewer)
    static let adam = Principal(name: "adam", role: .admin)

    @Test func aDifferentOperatorApprovesOnce() {
        var book = ApprovalBook(ttlMs: 300_000)
        let p = book.request(.setRiskLevel(80), by: Self.ivan, atMs: 1_000)
        #expect(p.id.hasPrefix("ap_") && p.id.count == 35 && p.expiresMs == 301_000)
        #expect(book.waiting.map(\.id) == [p.id])
        #expect(book.approve(p.id, by: Self.olga, atMs: 2_000).map(\.command) == .success(.setRiskLevel(80)))
        #expect(book.waiting.isEmpty)
        #expect(book.approve(p.id, by: Self.adam, atMs: 3_000) == .failure(.alreadyUsed(id: p.id)))
    }

    @Test func theRequesterCannotApprove() {
        var book = ApprovalBook(ttlMs: 300_000)
        let p = book.request(.safeModeOff, by: Self.ivan, atMs: 0)
        #expect(book.approve(p.id, by: Self.ivan, atMs: 1) == .failure(.sameOperator(name: "ivan")))
        // The same person holding an admin token under the same name is still the same person.
        #expect(book.approve(p.id, by: Principal(name: "ivan", role: .admin), atMs: 2) == .failure(.sameOperator(name: "ivan")))
        #expect(book.waiting.count == 1, "refusal leaves the request pending")
    }

    @Test func viewersCannotApproveAndConfigNeedsAdmin() {
        var book = ApprovalBook(ttlMs: 300_000)
        let p = book.request(.resume, by: Self.ivan, atMs: 0)
        #expect(book.approve(p.id, by: Self.vera, atMs: 1) == .failure(.wrongRole(name: "vera", role: .viewer, required: .operator)))
        let c = book.request(.configApply(yaml: "profile: live"), by: Principal(name: "olga", role: .admin), atMs: 0)
        #expect(book.approve(c.id, by: Self.ivan, atMs: 1) == .failure(.wrongRole(name: "ivan", role: .operator, required: .admin)))
        #expect(book.approve(c.id, by: Self.adam, atMs: 2).map(\.id) == .success(c.id))
    }

    @Test func expiredIdsAreRefusedAndStaySpent() {
        var book = ApprovalBook(ttlMs: 300_000)
        let p = book.request(.setLeverage(.on(max: 3)), by: Self.ivan, atMs: 0)
        #expect(book.approve(p.id, by: Self.olga, atMs: 300_000) == .failure(.expired(id: p.id, expiredAtMs: 300_000)))
        #expect(book.approve(p.id, by: Self.olga, atMs: 300_001) == .failure(.expired(id: p.id, expiredAtMs: 300_000)))
        let q = book.request(.resume, by: Self.ivan, atMs: 0)
        #expect(book.expire(atMs: 299_999).isEmpty)
        #expect(book.expire(atMs: 300_000).map(\.id) == [q.id])
        #expect(book.approve(q.id, by: Self.olga, atMs: 1) == .failure(.expired(id: q.id, expiredAtMs: 300_000)))
    }

    @Test func unknownAndRejectedIds() {
        var book = ApprovalBook(ttlMs: 300_000)
        #expect(book.approve("ap_deadbeef", by: Self.olga, atMs: 0) == .failure(.unknown(id: "ap_deadbeef")))
        let p = book.request(.resume, by: Self.ivan, atMs: 0)
        #expect(book.reject(p.id, by: Self.ivan, atMs: 1).map(\.id) == .success(p.id))
        #expect(book.approve(p.id, by: Self.olga, atMs: 2) == .failure(.alreadyUsed(id: p.id)))
    }

    @Test func idsAreUnguessable() {
        var book = ApprovalBook(ttlMs: 1_000)
        let ids = (0..<500).map { _ in book.request(.resume, by: Self.ivan, atMs: 0).id }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { HexCoding.bytes(fromHex: String($0.dropFirst(3)))?.count == 16 })
    }

    @Test func errorsNameTheFieldInRussian() {
        for e: ApprovalError in [.unknown(id: "ap_1"), .expired(id: "ap_1", expiredAtMs: 0), .alreadyUsed(id: "ap_1")] {
            #expect(e.messageRu.hasPrefix("approval_id:") && !e.hintRu.isEmpty)
        }
        #expect(ApprovalError.sameOperator(name: "ivan").messageRu.contains("второй оператор"))
    }
}
