import Testing
@testable import Ops

@Suite struct AuthenticatorTests {
    static func setUp(anonymous: Bool = false) throws -> (Authenticator, viewer: String, op: String, admin: String) {
        let store = TokenStore(path: opsTempDirectory() + "/tokens.yaml")
        let v = try store.add(name: "vera", role: .viewer, atMs: 1).reveal()
        let o = try store.add(name: "ivan", role: .operator, atMs: 1).reveal()
        let a = try store.add(name: "olga", role: .admin, atMs: 1).reveal()
        return (try Authenticator.load(store: store, anonymousLocalReads: anonymous), v, o, a)
    }

    @Test func rolesAreOrdered() {
        #expect(Role.viewer < .operator && Role.operator < .admin)
        #expect(Principal(name: "x", role: .admin).has(.operator) && !Principal(name: "x", role: .viewer).has(.operator))
    }

    @Test func bearerTokensMapToTheirOwnersAndRoles() throws {
        let (auth, v, o, a) = try Self.setUp()
        #expect(auth.authenticate(authorization: "Bearer \(o)", isLocal: false, required: .operator, action: "pause")
            == .success(Principal(name: "ivan", role: .operator)))
        #expect(auth.authenticate(authorization: "bearer   \(a)  ", isLocal: true, required: .admin, action: "config_apply")
            == .success(Principal(name: "olga", role: .admin)))
        #expect(auth.authenticate(authorization: "Bearer \(v)", isLocal: false, required: .viewer, action: "status")
            == .success(Principal(name: "vera", role: .viewer)))
    }

    @Test func wrongOrMissingTokensAre401AndLowRolesAre403() throws {
        let (auth, v, o, _) = try Self.setUp()
        #expect(auth.authenticate(authorization: nil, isLocal: true, required: .viewer, action: "status") == .failure(.missingToken))
        #expect(auth.authenticate(authorization: "Basic abc", isLocal: true, required: .viewer, action: "status") == .failure(.malformedHeader))
        #expect(auth.authenticate(authorization: "Bearer pbt_nope", isLocal: true, required: .viewer, action: "status") == .failure(.unknownToken))
        let tampered = String(o.dropLast()) + (o.hasSuffix("A") ? "B" : "A")
        #expect(auth.authenticate(authorization: "Bearer \(tampered)", isLocal: true, required: .viewer, action: "status") == .failure(.unknownToken))
        let forbidden = auth.authenticate(authorization: "Bearer \(v)", isLocal: true, required: .operator, action: "kill")
        #expect(forbidden == .failure(.forbidden(name: "vera", role: .viewer, required: .operator, action: "kill")))
        #expect(AuthError.missingToken.httpStatus == 401 && AuthError.unknownToken.httpStatus == 401)
        if case .failure(let e) = forbidden {
            #expect(e.httpStatus == 403 && e.messageRu.contains("kill") && e.messageRu.contains("оператор"))
        }
    }

    @Test func anonymousLocalReadsOnlyWhenAllowedLocalAndReading() throws {
        let (open, _, _, _) = try Self.setUp(anonymous: true)
        #expect(open.authenticate(authorization: nil, isLocal: true, required: .viewer, action: "status") == .success(.anonymousLocal))
        #expect(open.authenticate(authorization: nil, isLocal: false, required: .viewer, action: "status") == .failure(.missingToken))
        #expect(open.authenticate(authorization: nil, isLocal: true, required: .operator, action: "pause") == .failure(.missingToken))
        #expect(open.authenticate(authorization: "Bearer bad", isLocal: true, required: .viewer, action: "status") == .failure(.unknownToken))
        let (closed, _, _, _) = try Self.setUp(anonymous: false)
        #expect(closed.authenticate(authorization: nil, isLocal: true, required: .viewer, action: "status") == .failure(.missingToken))
    }

    @Test func errorTextsNeverContainTheToken() throws {
        let (auth, v, o, a) = try Self.setUp()
        for token in [v, o, a, "pbt_secret-guess"] {
            for required in Role.allCases {
                if case .failure(let e) = auth.authenticate(authorization: "Bearer \(token)", isLocal: false, required: required, action: "x") {
                    for text in [e.messageRu, e.hintRu, e.code, "\(e)", String(reflecting: e)] { #expect(!text.contains(token)) }
                }
            }
        }
    }
}
