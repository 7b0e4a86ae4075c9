import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 that counts every accepted connection and every request (with its
/// arrival time) and answers `200 {}`. Plain sockets and threads, so it shares nothing with the client under test.
// Safety: the counters are only touched under `lock`; the socket descriptors are immutable after init.
final class LoopbackCountingServer: @unchecked Sendable {
    struct Received: Sendable {
        let requestLine: String
        let arrivalNs: UInt64
    }

    let port: Int
    private let listenFD: Int32
    private let lock = NSLock()
    private var connectionCount = 0
    private var received: [Received] = []

    init() throws {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        listenFD = fd
        port = Int(UInt16(bigEndian: addr.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var connections: Int { lock.lock(); defer { lock.unlock() }; return connectionCount }
    var requests: [Received] { lock.lock(); defer { lock.unlock() }; return received }

    func stop() {
        shutdown(listenFD, Int32(SHUT_RDWR))
        close(listenFD)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listenFD, nil, nil)
            guard client >= 0 else { return }
            lock.lock(); connectionCount += 1; lock.unlock()
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { return }
            pending += chunk[0..<n]
            while let request = takeRequest(&pending) {
                lock.lock()
                received.append(Received(requestLine: request, arrivalNs: DispatchTime.now().uptimeNanoseconds))
                lock.unlock()
                let answer = Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}".utf8)
                let written = answer.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                guard written == answer.count else { return }
            }
        }
    }

    /// Removes one complete request (head + Content-Length body) from `buffer` and returns its request line.
    private func takeRequest(_ buffer: inout [UInt8]) -> String? {
        let separator = Array("\r\n\r\n".utf8)
        guard buffer.count >= 4, let end = (0...(buffer.count - 4)).first(where: { buffer[$0..<($0 + 4)].elementsEqual(separator) })
        else { return nil }
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let length = lines.dropFirst().compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }.first ?? 0
        guard buffer.count >= end + 4 + length else { return nil }
        buffer.removeFirst(end + 4 + length)
        return lines.first ?? ""
    }
}
